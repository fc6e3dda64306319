import { describe, expect, it } from 'vitest';
import { connect, createEndpointPair } from './client.ts';
import type { ClientMessage, HostMessage } from './protocol.ts';
import { PROTOCOL_VERSION } from './protocol.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function pair() {
  const [clientSide, hostSide] = createEndpointPair<ClientMessage, HostMessage>();
  const received: ClientMessage[] = [];
  hostSide.listen((m) => received.push(m));
  return { clientSide, hostSide, received };
}

describe('engine client', () => {
  it('says hello first, with the terminal size', async () => {
    const { clientSide, received } = pair();
    connect(clientSide, { cols: 100, rows: 30 });
    await tick();
    expect(received[0]).toEqual({ type: 'hello', v: PROTOCOL_VERSION, cols: 100, rows: 30 });
  });

  it('replays the session output to each new listener, then streams', async () => {
    const { clientSide, hostSide } = pair();
    const client = connect(clientSide);
    hostSide.post({ type: 'output', data: 'root@playground:~# ' });
    hostSide.post({ type: 'output', data: 'ls' });
    await tick();
    const seen: string[] = [];
    const stop = client.onOutput((d) => seen.push(d));
    expect(seen).toEqual(['root@playground:~# ls']);
    hostSide.post({ type: 'output', data: '\r\n' });
    await tick();
    expect(seen).toEqual(['root@playground:~# ls', '\r\n']);
    stop();
    hostSide.post({ type: 'output', data: 'later' });
    await tick();
    const again: string[] = [];
    client.onOutput((d) => again.push(d)); // a remounted terminal sees the whole session
    expect(again).toEqual(['root@playground:~# ls\r\nlater']);
  });

  it('queues host messages for the first listener and keeps output out of them', async () => {
    const { clientSide, hostSide } = pair();
    const client = connect(clientSide);
    hostSide.post({ type: 'speed', speed: 2 });
    hostSide.post({ type: 'output', data: 'x' });
    await tick();
    const messages: HostMessage[] = [];
    client.onMessage((m) => messages.push(m));
    expect(messages).toEqual([{ type: 'speed', speed: 2 }]);
  });

  it('matches run requests to their done replies', async () => {
    const { clientSide, hostSide, received } = pair();
    const client = connect(clientSide);
    const first = client.run('docker ps');
    const second = client.run('false');
    await tick();
    const runs = received.filter((m): m is Extract<ClientMessage, { type: 'run' }> => m.type === 'run');
    expect(runs.map((r) => r.line)).toEqual(['docker ps', 'false']);
    hostSide.post({ type: 'done', id: runs[1]!.id, exitCode: 1 });
    hostSide.post({ type: 'done', id: runs[0]!.id, exitCode: 0 });
    expect(await first).toBe(0);
    expect(await second).toBe(1);
  });

  it('sends keystrokes, resizes and speed; nothing after close', async () => {
    const { clientSide, received } = pair();
    let closed = false;
    const client = connect(clientSide, { onClose: () => (closed = true) });
    client.input('l');
    client.resize(120, 40);
    client.setSpeed(0);
    client.close();
    client.input('s');
    await tick();
    expect(received.slice(1)).toEqual([
      { type: 'input', data: 'l' },
      { type: 'resize', cols: 120, rows: 40 },
      { type: 'setSpeed', speed: 0 },
    ]);
    expect(closed).toBe(true);
  });
});
