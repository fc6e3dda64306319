/**
 * The editor's requests across the worker boundary: a real EngineHost and client over the
 * in-process endpoint pair (structured clones, async delivery, as postMessage does).
 */
import { describe, expect, it } from 'vitest';
import { connect, createEndpointPair } from './client.ts';
import { EngineHost } from './host.ts';
import type { ClientMessage, HostMessage } from './protocol.ts';
import { connectStore, createPlaygroundStore } from '../store/index.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  const [clientSide, hostSide] = createEndpointPair<ClientMessage, HostMessage>();
  let now = 0;
  const frames: (() => void)[] = [];
  const host = new EngineHost(hostSide, { now: () => now, every: (_ms, fn) => (frames.push(fn), () => {}) }, { headless: true });
  const client = connect(clientSide);
  const store = createPlaygroundStore({ send: client.send });
  connectStore(store, client);
  // The hello reaches the host asynchronously; frames run once it has started.
  const frame = async (ms = 16) => {
    await tick();
    now += ms;
    for (const f of frames) f();
    await tick();
  };
  return { host, client, store, frame };
}

describe('host files over the protocol', () => {
  it('lists, reads and saves; errors come back as data', async () => {
    const { client } = setup();
    const listing = await client.files({ op: 'list', path: '/root/app' });
    expect(listing.ok && listing.op === 'list' && listing.entries.map((e) => e.name)).toEqual(['.dockerignore', 'Dockerfile', 'README.md', 'index.html']);
    const saved = await client.files({ op: 'write', path: '/root/app/index.html', content: 'v2\n' });
    expect(saved).toMatchObject({ ok: true, op: 'write', path: '/root/app/index.html' });
    expect(await client.files({ op: 'read', path: '/root/app/index.html' })).toMatchObject({ ok: true, content: 'v2\n' });
    expect(await client.files({ op: 'createFile', path: '/root/app/index.html' })).toEqual({
      ok: false, op: 'createFile', path: '/root/app/index.html', error: 'EEXIST', message: 'File exists',
    });
  });

  it('a save through the protocol is what `cat` prints in the terminal', async () => {
    const { client, frame } = setup();
    await frame();
    await client.files({ op: 'write', path: '/root/app/Dockerfile', content: 'FROM alpine:3.21\nCMD ["true"]\n' });
    let output = '';
    client.onOutput((d) => (output += d));
    const done = client.run('cat /root/app/Dockerfile');
    await frame();
    expect(await done).toBe(0);
    expect(output).toContain('FROM alpine:3.21\nCMD ["true"]\n');
  });

  it('tells the store when the host filesystem changes, whoever changed it', async () => {
    const { client, store, host, frame } = setup();
    await frame();
    const first = store.getState().filesRev;
    expect(first).toBe(host.engine.filesRev);
    await client.files({ op: 'mkdir', path: '/root/site' });
    await tick();
    const afterEditor = store.getState().filesRev;
    expect(afterEditor).toBeGreaterThan(first);
    const done = client.run('echo hi > /root/site/x');
    await frame();
    await done;
    await frame();
    expect(store.getState().filesRev).toBeGreaterThan(afterEditor);
    // Nothing changed: no message.
    const before = store.getState().filesRev;
    await frame();
    expect(store.getState().filesRev).toBe(before);
  });

  it('answers Dockerfile diagnostics in BuildKit words', async () => {
    const { client } = setup();
    const diagnostics = await client.diagnose('FROM alpine:3.21\nRUNN x\n');
    expect(diagnostics).toEqual([expect.objectContaining({ line: 2, message: expect.stringContaining('unknown instruction: RUNN'), from: 0, severity: 'error' })]);
    expect((await client.diagnose('FROM alpine:3.21\nRUN true\n')).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('journals the editor\'s changes as engine inputs', async () => {
    const { client, host, frame } = setup();
    await frame(500);
    await client.files({ op: 'write', path: '/root/app/index.html', content: 'x' });
    await client.files({ op: 'list', path: '/root' });
    expect(host.engine.fileInputs).toEqual([{ at: host.engine.now, change: { op: 'write', path: '/root/app/index.html', content: 'x' } }]);
  });
});
