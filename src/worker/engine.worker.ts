/// <reference lib="webworker" />
/**
 * The Web Worker that runs the simulated Docker host. Real time enters here (and only here):
 * performance.now() and an interval drive the engine host's frames.
 */
import { EngineHost } from './host.ts';
import type { ClientMessage, HostMessage } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

new EngineHost(
  {
    post: (m: HostMessage) => self.postMessage(m),
    listen: (handler) => {
      const fn = (e: MessageEvent<ClientMessage>) => handler(e.data);
      self.addEventListener('message', fn);
      return () => self.removeEventListener('message', fn);
    },
  },
  {
    now: () => performance.now(),
    every: (ms, fn) => {
      const id = setInterval(fn, ms);
      return () => clearInterval(id);
    },
  },
);
