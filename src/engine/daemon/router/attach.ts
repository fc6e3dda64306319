/**
 * POST /containers/{id}/attach: the client hijacks the connection (101 Switching Protocols) to
 * stream the container's stdio. The stream itself is the container's output listeners; this
 * route logs the call and the `attach` event (moby `daemon/attach.go` ContainerAttach).
 */
import type { Daemon } from '../daemon.ts';

export function containerAttach(d: Daemon, ref: string, opts: { stdin: boolean; stdout: boolean; stderr: boolean }): void {
  // Go's url.Values.Encode sorts the keys.
  const q = [opts.stderr ? 'stderr=1' : '', opts.stdin ? 'stdin=1' : '', opts.stdout ? 'stdout=1' : '', 'stream=1'].filter(Boolean).join('&');
  d.call('POST', `/containers/${ref}/attach?${q}`, 101, () => {
    const c = d.lookup(ref);
    d.emit('container', 'attach', c.id);
  });
}
