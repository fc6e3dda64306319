import { describe, expect, it } from 'vitest';
import { connect, createEndpointPair } from './client.ts';
import { EngineHost } from './host.ts';
import type { ClientMessage, HostMessage } from './protocol.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A host in-process with a hand-driven clock, and a client talking to it. */
function setup() {
  const [clientSide, hostSide] = createEndpointPair<ClientMessage, HostMessage>();
  let frame: (() => void) | null = null;
  const sent: HostMessage[] = [];
  const host = new EngineHost(
    { post: (m) => { sent.push(m); hostSide.post(m); }, listen: (h) => hostSide.listen(h) },
    { now: () => 0, every: (_ms, fn) => ((frame = fn), () => {}) },
    { headless: true },
  );
  const client = connect(clientSide);
  const runLine = (line: string) => {
    host.engine.submitLine(line);
    host.engine.runUntilInput(600_000);
    host.engine.takeOutput();
  };
  return { host, client, sent, runLine, frame: () => frame?.() };
}

describe('queries and subscriptions over the protocol', () => {
  it('answers a query by id, to its caller only', async () => {
    const { client, runLine, host } = setup();
    await tick();
    runLine('docker pull alpine');
    const image = Object.values(host.engine.snapshot().images)[0]!;
    const seen: HostMessage[] = [];
    client.onMessage((m) => seen.push(m));
    const result = await client.query({ kind: 'imageEfficiency', imageId: image.id });
    expect(result.kind).toBe('imageEfficiency');
    expect(result.value?.repoTags).toEqual(['alpine:latest']);
    expect(result.value?.layerCount).toBe(1);
    expect(seen.some((m) => m.type === 'queryResult')).toBe(false);
  });

  it('pushes an overlay subscription at once, again only when the mount changes, and stops on unsubscribe', async () => {
    const { client, runLine, host, sent, frame } = setup();
    await tick();
    runLine('docker pull alpine');
    runLine('docker run -d --name box alpine sleep 1000');
    const id = Object.values(host.engine.snapshot().containers)[0]!.id;
    const answers: (string | null)[] = [];
    const stop = client.subscribe({ kind: 'overlay', containerId: id }, (r) => answers.push(r.value ? r.value.upper.map((u) => `${u.kind} ${u.path}`).join(', ') : null));
    await tick();
    expect(answers).toEqual(['']);
    frame();
    frame();
    await tick();
    expect(answers).toHaveLength(1); // nothing changed: nothing sent

    runLine('docker exec box sh -c "echo hi >> /etc/motd"');
    runLine('docker exec box rm /etc/issue');
    frame();
    await tick();
    expect(answers).toEqual(['', 'dir /etc, whiteout /etc/.wh.issue, copied-up /etc/motd']);

    stop();
    await tick();
    runLine('docker exec box touch /etc/new');
    const before = sent.filter((m) => m.type === 'subscription').length;
    frame();
    await tick();
    expect(sent.filter((m) => m.type === 'subscription').length).toBe(before);
    expect(answers).toHaveLength(2);
  });

  it('answers null once the container is gone', async () => {
    const { client, runLine, host, frame } = setup();
    await tick();
    runLine('docker pull alpine');
    runLine('docker run -d --name box alpine sleep 1000');
    const id = Object.values(host.engine.snapshot().containers)[0]!.id;
    const answers: boolean[] = [];
    client.subscribe({ kind: 'overlay', containerId: id }, (r) => answers.push(r.value !== null));
    await tick();
    runLine('docker rm -f box');
    frame();
    await tick();
    expect(answers).toEqual([true, false]);
  });
});

describe('layer and build tables in patches', () => {
  it('are sent when the layer store changes, and not on frames where it does not', async () => {
    const { runLine, sent, frame } = setup();
    await tick();
    frame();
    sent.length = 0;
    runLine('docker pull alpine');
    frame();
    const patches = sent.filter((m): m is Extract<HostMessage, { type: 'patch' }> => m.type === 'patch');
    const layers = patches.flatMap((m) => m.patch.put.layers ?? []);
    expect(layers).toHaveLength(1);
    expect(layers[0]).toMatchObject({ parent: null, images: 1 });
    expect(layers[0]!.createdBy).toMatch(/^ADD alpine-minirootfs/);
    expect(patches.flatMap((m) => m.patch.put.images ?? [])[0]!.chain).toEqual([layers[0]!.id]);

    sent.length = 0;
    frame();
    frame();
    expect(sent.filter((m) => m.type === 'patch' && (m.patch.put.layers || m.patch.put.images || m.patch.put.builds))).toEqual([]);
  });
});
