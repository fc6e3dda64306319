/// <reference lib="webworker" />
// Scratch copy of the lead's former stub (for UI work while the engine build is broken).
import { PROTOCOL_VERSION, type ClientMessage, type HostMessage } from '../src/worker/protocol.ts';
import type { Snapshot } from '../src/engine/snapshot.ts';
declare const self: DedicatedWorkerGlobalScope;
const post = (m: HostMessage) => self.postMessage(m);
const empty: Snapshot = {
  v: 1,
  host: { hostname: 'playground', cpus: 4, memoryBytes: 8 * 1024 ** 3, now: 0, dockerVersion: '28.5.1', apiVersion: '1.51', kernelVersion: '6.8.0-playground' },
  processes: {}, containers: {}, cgroups: {}, images: {}, apiLog: [], events: [],
};
self.onmessage = (e: MessageEvent<ClientMessage>) => {
  const m = e.data;
  if (m.type === 'hello') { post({ type: 'welcome', v: PROTOCOL_VERSION, seq: 0, snapshot: empty, speed: 1 }); post({ type: 'output', data: 'root@playground:~# ' }); }
  if (m.type === 'input') post({ type: 'output', data: m.data === '\r' ? '\r\nroot@playground:~# ' : m.data });
};
