import { describe, expect, it } from 'vitest';
import type { BuildView, LayerView } from '../engine/snapshot.ts';
import type { HostMessage } from '../worker/protocol.ts';
import { FIXTURE_LAYERS, fixtureSnapshot } from './fixtures.ts';
import { createPlaygroundStore } from './playgroundStore.ts';

const BUILD: BuildView = {
  id: 'build-1', rev: 1, status: 'running', tags: ['app:latest'], dockerfile: 'Dockerfile', imageId: null, startedAt: 1000, finishedAt: null,
  steps: [
    { n: 1, name: '[internal] load build definition from Dockerfile', stage: null, status: 'done', layer: null, durationMs: 10 },
    { n: 5, name: '[2/3] RUN apk add curl', stage: '0', status: 'running', layer: null, durationMs: 0 },
  ],
};

function setup() {
  const store = createPlaygroundStore();
  const receive = (m: HostMessage) => store.getState().receive(m);
  receive({ type: 'welcome', v: 1, seq: 1, snapshot: fixtureSnapshot(), speed: 1 });
  return { store, receive };
}

describe('layer and build tables', () => {
  it('load from the welcome snapshot, keyed by ChainID and build id', () => {
    const { store } = setup();
    expect(Object.keys(store.getState().layers)).toEqual(FIXTURE_LAYERS.map((l) => l.id));
    expect(store.getState().builds).toEqual({});
  });

  it('apply puts and removes, keeping untouched layers and tables identical', () => {
    const { store, receive } = setup();
    const before = store.getState();
    const added: LayerView = { id: 'sha256:cc4', rev: 2, diffId: 'sha256:a4', parent: 'sha256:ca3', size: 646, createdBy: 'nginx -g daemon off;', created: 0, images: 1 };
    receive({ type: 'patch', seq: 2, patch: { put: { layers: [added], builds: [BUILD] }, remove: { layers: ['sha256:cb2'] } } });
    const after = store.getState();
    expect(after.layers['sha256:cc4']).toEqual(added);
    expect(after.layers['sha256:cb2']).toBeUndefined();
    expect(after.layers['sha256:a1']).toBe(before.layers['sha256:a1']);
    expect(after.builds['build-1']).toEqual(BUILD);
    expect(after.processes).toBe(before.processes);

    // The same revision again changes nothing; a new one replaces the record.
    receive({ type: 'patch', seq: 3, patch: { put: { builds: [{ ...BUILD, status: 'done' }] }, remove: {} } });
    expect(store.getState().builds).toBe(after.builds);
    receive({ type: 'patch', seq: 4, patch: { put: { builds: [{ ...BUILD, rev: 2, status: 'done' }] }, remove: {} } });
    expect(store.getState().builds['build-1']!.status).toBe('done');
  });

  it('reconcile on resync: same revisions keep their objects', () => {
    const { store, receive } = setup();
    const before = store.getState().layers;
    receive({ type: 'snapshot', seq: 9, snapshot: fixtureSnapshot() });
    expect(store.getState().layers).toBe(before);
  });

  it('leave query answers and subscription pushes to the client', () => {
    const { store, receive } = setup();
    const before = store.getState();
    receive({ type: 'queryResult', id: 1, result: { kind: 'layerFiles', value: null } });
    receive({ type: 'subscription', id: 2, result: { kind: 'overlay', value: null } });
    expect(store.getState()).toBe(before);
  });
});
