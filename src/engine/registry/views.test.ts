import { describe, expect, it } from 'vitest';
import { runLines } from '../sim.ts';

describe('registry views in the snapshot', () => {
  it('shows pushed repositories, shared blobs and the transfer log, and the API calls', () => {
    const { engine } = runLines([
      'docker pull alpine',
      'docker run --name box alpine touch /hello',
      'docker commit box alice/app',
      'docker push alice/app',
      'docker login -u alice -p secret',
      'docker push alice/app',
      'docker push alice/app',
      'docker search --limit 2 alpine',
    ]);
    const snap = engine.snapshot();
    const hub = snap.registries['docker.io'];
    expect(hub.user).toBe('alice');
    expect(hub.repositories.map((r) => r.name)).toEqual(['alice/app', 'library/alpine']);
    const app = hub.repositories[0];
    const alpine = hub.repositories[1];
    expect(app.tags.map((t) => t.tag)).toEqual(['latest']);
    expect(alpine.readOnly).toBe(true);
    // The base layer is one blob linked into both repositories (the cross-repository mount).
    const base = alpine.blobs.find((b) => b.kind === 'layer')!;
    expect(app.blobs.filter((b) => b.kind === 'layer').map((b) => b.digest)).toContain(base.digest);
    expect(app.blobs.filter((b) => b.kind === 'config')).toHaveLength(1);

    const transfers = Object.values(snap.transfers).sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
    expect(transfers.map((t) => [t.kind, t.repository, t.status])).toEqual([
      ['pull', 'library/alpine', 'done'],
      ['push', 'alice/app', 'failed'],
      ['push', 'alice/app', 'done'],
      ['push', 'alice/app', 'done'],
    ]);
    expect(transfers[0].layers.map((l) => l.outcome)).toEqual(['downloaded']);
    expect(transfers[1].layers.map((l) => l.outcome)).toEqual(['denied', 'denied']);
    expect(transfers[2].layers.map((l) => l.outcome)).toEqual(['pushed', 'mounted']);
    expect(transfers[2].layers[1].from).toBe('library/alpine');
    expect(transfers[3].layers.map((l) => l.outcome)).toEqual(['exists', 'exists']);
    expect(transfers[2].digest).toMatch(/^sha256:[0-9a-f]{64}$/);

    const calls = snap.apiLog.map((c) => `${c.method} ${c.path} ${c.status}`);
    expect(calls).toContain('POST /v1.51/auth 200');
    expect(calls).toContain('POST /v1.51/images/alice/app/push?tag=latest 200');
    expect(calls).toContain('GET /v1.51/images/search?limit=2&term=alpine 200');
  });

  it('lists a running registry:2 under its published address, and hides it once stopped', () => {
    const { engine } = runLines([
      'docker pull alpine',
      'docker run -d -p 5001:5000 --name registry registry:2',
      'docker tag alpine localhost:5001/base',
      'docker push localhost:5001/base',
    ]);
    const local = engine.snapshot().registries['localhost:5001'];
    expect(local.kind).toBe('local');
    expect(local.repositories.map((r) => [r.name, r.tags.map((t) => t.tag)])).toEqual([['base', ['latest']]]);
    engine.submitLine('docker stop registry');
    engine.runUntilInput(60_000);
    expect(engine.snapshot().registries['localhost:5001']).toBeUndefined();
  });
});
