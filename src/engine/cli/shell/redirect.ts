/** Opens the stream a redirection points at: a file (created, truncated or appended), /dev/null, or another descriptor. */
import { FS_ERROR_TEXT, resolvePath } from '../../fs/tree.ts';
import { FileReadStream, NullStream, SinkStream, type Stream } from '../../kernel/streams.ts';
import type { Redirect } from './ast.ts';
import type { Shell } from './interpreter.ts';

/** Who writes to a redirected file: names the write error when the disk is full. */
export interface Writer {
  readonly name: string;
  readonly builtin: boolean;
}

/**
 * The write(2) error a full disk gives, as the writer prints it: bash builtins
 * `bash: echo: write error: …`, BusyBox ash's `sh: write error: …`, dash's `sh: 1: echo: echo: I/O error`,
 * programs `cat: write error: …`.
 */
function writeError(shell: Shell, writer: Writer | undefined, stderr: Stream | null): void {
  const text = FS_ERROR_TEXT.ENOSPC;
  if (!writer || !writer.builtin) stderr?.write(`${writer?.name ?? shell.name}: write error: ${text}\n`);
  else if (shell.flavor === 'bash') shell.error({ stdin: null, stdout: null, stderr }, `${writer.name}: write error: ${text}`);
  else if (shell.dash) shell.error({ stdin: null, stdout: null, stderr }, `${writer.name}: ${writer.name}: I/O error`);
  else stderr?.write(`${shell.name}: write error: ${text}\n`);
}

/** `failed`: a write into the file hit a full disk (a builtin that wrote it then exits 1, as bash's do). */
export function redirectStream(shell: Shell, r: Redirect, target: string, fds: readonly (Stream | null)[], writer?: Writer): { stream: Stream; opened: boolean; failed?: () => boolean } | string {
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
  let full = false;
  const stream = new SinkStream('file', (data) => {
    if (full) return;
    const e = fs.writeFile(path, data, shell.ctx.now, { append: true });
    if (e !== 'ENOSPC') return;
    // The writer gets the error once and stops writing (what a write error makes coreutils do).
    full = true;
    writeError(shell, writer, fds[2] ?? null);
  });
  return { stream, opened: false, failed: () => full };
}
