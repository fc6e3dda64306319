import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.ts';
import { applyChanges } from './changes.ts';

describe('docker commit --change', () => {
  const base = { Cmd: ['/bin/sh'], Env: ['PATH=/bin'], WorkingDir: '/srv' };

  it('applies CMD, ENV, EXPOSE, LABEL, WORKDIR in order', () => {
    const c = applyChanges(base, ['CMD ["cat", "/x"]', 'ENV A=1 B="two words"', 'ENV PATH=/usr/bin', 'EXPOSE 80 53/udp', 'LABEL k=v', 'WORKDIR app', 'USER nobody']);
    expect(c.Cmd).toEqual(['cat', '/x']);
    expect(c.Env).toEqual(['PATH=/usr/bin', 'A=1', 'B=two words']);
    expect(c.ExposedPorts).toEqual({ '80/tcp': {}, '53/udp': {} });
    expect(c.Labels).toEqual({ k: 'v' });
    expect(c.WorkingDir).toBe('/srv/app');
    expect(c.User).toBe('nobody');
  });

  it('uses the shell form and lets ENTRYPOINT reset an inherited CMD', () => {
    expect(applyChanges(base, ['CMD echo hi']).Cmd).toEqual(['/bin/sh', '-c', 'echo hi']);
    const e = applyChanges(base, ['ENTRYPOINT ["nginx"]']);
    expect(e.Entrypoint).toEqual(['nginx']);
    expect(e.Cmd).toBeNull();
  });

  it('rejects build-time instructions like the daemon', () => {
    expect(() => applyChanges(base, ['RUN echo'])).toThrow(ApiError);
    expect(() => applyChanges(base, ['RUN echo'])).toThrow('run is not a valid change command');
  });
});
