/** Opens the stream a redirection points at: a file (created, truncated or appended), /dev/null, or another descriptor. */
import { FS_ERROR_TEXT, resolvePath } from '../../fs/tree.ts';
import { FileReadStream, NullStream, SinkStream, type Stream } from '../../kernel/streams.ts';
import type { Redirect } from './ast.ts';
import type { Shell } from './interpreter.ts';

export function redirectStream(shell: Shell, r: Redirect, target: string, fds: readonly (Stream | null)[]): { stream: Stream; opened: boolean } | string {
  const proc = shell.proc;
  if (r.op === '>&' || r.op === '<&') {
    if (target === '-') return { stream: new NullStream(), opened: false };
    if (!/^\d+$/.test(target)) {
      if (r.op === '>&' && r.fd === 1) return redirectStream(shell, { fd: 1, op: '>', target: { parts: [] } }, target, fds);
      return `${target}: ambiguous redirect`;
    }
    const s = fds[Number(target)];
    if (!s) return `${target}: Bad file descriptor`;
    return { stream: s, opened: false };
  }
  if (target === '/dev/null') return { stream: new NullStream(), opened: false };
  if (target === '/dev/stdout' && fds[1]) return { stream: fds[1], opened: false };
  if (target === '/dev/stderr' && fds[2]) return { stream: fds[2], opened: false };
  const fs = shell.ctx.kernel.machine.fsFor(proc);
  const path = resolvePath(proc.cwd, target, proc.env.get('HOME') ?? '/root');
  const now = shell.ctx.now;
  if (r.op === '<') {
    const content = fs.readFile(path);
    if (typeof content !== 'string' || (content as string) in FS_ERROR_TEXT) {
      const node = fs.lookup(path);
      if (typeof node === 'string') return `${target}: ${FS_ERROR_TEXT[node]}`;
      if (node.type === 'dir') return `${target}: Is a directory`;
    }
    return { stream: new FileReadStream(fs.readFile(path) as string), opened: false };
  }
  const err = fs.writeFile(path, '', now, { append: r.op === '>>' });
  if (err) return `${target}: ${FS_ERROR_TEXT[err]}`;
  const stream = new SinkStream('file', (data) => {
    fs.writeFile(path, data, shell.ctx.now, { append: true });
  });
  return { stream, opened: false };
}
