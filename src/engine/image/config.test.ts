import { describe, expect, it } from 'vitest';
import { goMapSet, goQuoteList, inspectConfig, parseImageConfig, serializeImageConfig, type ImageConfigDoc } from './config.ts';
import { digestOf } from './digest.ts';

const doc: ImageConfigDoc = {
  architecture: 'amd64',
  os: 'linux',
  created: '2025-02-25T01:09:52Z',
  author: '',
  comment: '',
  dockerVersion: '',
  config: { Cmd: ['nginx', '-g', 'daemon off;'], Env: ['PATH=/bin'], ExposedPorts: { '80/tcp': {} }, Labels: { maintainer: 'A <a@b>' }, StopSignal: 'SIGQUIT', Entrypoint: ['/docker-entrypoint.sh'], ArgsEscaped: true },
  history: [{ created: '2025-02-25T01:09:52Z', createdBy: 'COPY x / # buildkit', comment: 'buildkit.dockerfile.v0' }, { created: '2025-02-25T01:09:52Z', createdBy: 'CMD ["x"]', emptyLayer: true }],
  diffIds: [`sha256:${'1'.repeat(64)}`],
};

describe('image config bytes', () => {
  it('top-level keys sorted, inner config in OCI struct order, HTML-escaped like Go', () => {
    const s = serializeImageConfig(doc, 'buildkit');
    expect(s).toBe(
      '{"architecture":"amd64","config":{"ExposedPorts":{"80/tcp":{}},"Env":["PATH=/bin"],"Entrypoint":["/docker-entrypoint.sh"],"Cmd":["nginx","-g","daemon off;"],"Labels":{"maintainer":"A \\u003ca@b\\u003e"},"StopSignal":"SIGQUIT","ArgsEscaped":true},' +
        '"created":"2025-02-25T01:09:52Z","history":[{"created":"2025-02-25T01:09:52Z","created_by":"COPY x / # buildkit","comment":"buildkit.dockerfile.v0"},{"created":"2025-02-25T01:09:52Z","created_by":"CMD [\\"x\\"]","empty_layer":true}],' +
        '"os":"linux","rootfs":{"type":"layers","diff_ids":["sha256:1111111111111111111111111111111111111111111111111111111111111111"]}}',
    );
    expect(digestOf(s)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('round-trips through parseImageConfig', () => {
    const back = parseImageConfig(serializeImageConfig(doc, 'buildkit'));
    expect(back?.diffIds).toEqual(doc.diffIds);
    expect(back?.config.Cmd).toEqual(doc.config.Cmd);
    expect(back?.history[1].emptyLayer).toBe(true);
    expect(parseImageConfig('{')).toBeNull();
  });

  it('classic configs carry every container.Config field', () => {
    const s = serializeImageConfig({ ...doc, dockerVersion: '24.0.7', config: { Cmd: ['/bin/bash'], Env: ['PATH=/bin'] } }, 'classic');
    expect(s).toContain('"config":{"Hostname":"","Domainname":"","User":"","AttachStdin":false,"AttachStdout":false,"AttachStderr":false,"Tty":false,"OpenStdin":false,"StdinOnce":false,"Env":["PATH=/bin"],"Cmd":["/bin/bash"],"Image":"","Volumes":null,"WorkingDir":"","Entrypoint":null,"OnBuild":null,"Labels":null}');
    expect(s).toContain('"docker_version":"24.0.7"');
    expect(s.indexOf('"container"')).toBeLessThan(s.indexOf('"created"'));
  });

  it('inspect Config (API 1.51): backfilled zero values, sorted keys', () => {
    const c = inspectConfig(doc.config);
    expect(Object.keys(c)).toEqual(['ArgsEscaped', 'Cmd', 'Entrypoint', 'Env', 'ExposedPorts', 'Labels', 'OnBuild', 'StopSignal', 'User', 'Volumes', 'WorkingDir']);
    expect(c.OnBuild).toBeNull();
    expect(c.User).toBe('');
  });

  it('writes history the way BuildKit formats instructions', () => {
    expect(goQuoteList(['nginx', '-g', 'daemon off;'])).toBe('["nginx" "-g" "daemon off;"]');
    expect(goQuoteList(['a"b', 'c\\d'])).toBe('["a\\"b" "c\\\\d"]');
    expect(goMapSet(['80/tcp', '443/tcp'])).toBe('map[443/tcp:{} 80/tcp:{}]');
  });
});
