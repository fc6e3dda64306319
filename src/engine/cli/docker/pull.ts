/**
 * `docker pull`, and the pull `docker run` does when the image is missing. Renders the daemon's
 * JSON progress messages like the CLI's jsonmessage package: on a terminal, one line per layer
 * updated in place with a progress bar; otherwise only the status lines (no bars).
 */
import { ApiError } from '../../daemon/errors.ts';
import { imageCreate, type PullMessage } from '../../daemon/router/pull.ts';
import { humanSize } from '../../image/units.ts';
import { parseNormalizedNamed, referenceString } from '../../image/reference.ts';
import { bool, StatusError, type Command, type DockerCli, type Gen } from './command.ts';
import { validateReference } from './reference.ts';

/** jsonmessage.JSONProgress.String: `[====>     ]  1.2MB/3.4MB 2s`. */
export function progressString(p: NonNullable<PullMessage['progress']>, width: number): string {
  if (p.current <= 0 && p.total <= 0) return '';
  let percentage = Math.floor(Math.floor((p.current / p.total) * 100) / 2);
  if (percentage > 50) percentage = 50;
  let bar = '';
  if (width > 110) bar = `[${'='.repeat(percentage)}>${' '.repeat(Math.max(0, 50 - percentage))}] `;
  let numbers = `${humanSize(p.current).padStart(8)}/${humanSize(p.total)}`;
  if (p.current > p.total) numbers = humanSize(p.current).padStart(8);
  let left = '';
  if (p.current < p.total && width > 50) {
    const elapsed = (p.now - p.start) / 1000;
    if (elapsed > 0 && p.current > 0) {
      const secs = Math.round((p.total - p.current) / (p.current / elapsed));
      left = ` ${secs >= 60 ? `${Math.floor(secs / 60)}m${secs % 60}s` : `${secs}s`}`;
    }
  }
  return bar + numbers + left;
}

/**
 * jsonmessage.DisplayJSONMessagesStream for pull and push: on a terminal one line per layer ID,
 * redrawn in place with its progress bar; otherwise only the status lines (no bars). A message
 * without an ID is a plain line and starts a new block of layer lines.
 */
export function jsonMessageDisplay(cli: DockerCli, fd: 1 | 2): (m: { readonly status?: string; readonly id?: string; readonly progress?: PullMessage['progress'] }) => void {
  const ctx = cli.ctx;
  const fancy = ctx.isatty(fd) && !ctx.kernel.machine.headless;
  const width = ctx.kernel.machine.terminalWidth?.() ?? 80;
  const lines = new Map<string, number>();
  const write = (s: string) => ctx.write(s, fd);
  return (m) => {
    if (!m.id) {
      lines.clear();
      write(`${m.status}\n`);
      return;
    }
    const text = `${m.id}: ${m.status}${m.progress ? ` ${progressString(m.progress, width)}` : ''}`;
    if (!fancy) {
      if (!m.progress) write(`${text}\n`);
      return;
    }
    let line = lines.get(m.id);
    if (line === undefined) {
      line = lines.size;
      lines.set(m.id, line);
      write('\n');
    }
    const up = lines.size - line;
    write(`\x1b[${up}A\r\x1b[2K${text}\r\x1b[${up}B`);
  };
}

/** Pulls `ref`; prints progress to stdout (or stderr). Returns an error message, or null when pulled. */
export function* pullImage(cli: DockerCli, ref: string, opts: { toStderr?: boolean; quiet?: boolean } = {}): Gen<string | null> {
  const fd = opts.toStderr ? 2 : 1;
  const write = (s: string) => cli.ctx.write(s, fd);
  const display = jsonMessageDisplay(cli, fd);
  const render = (m: PullMessage) => {
    if (!opts.quiet) display(m);
  };
  return yield* run(render);

  function* run(emit: (m: PullMessage) => void): Gen<string | null> {
    const parsed = parseNormalizedNamed(ref);
    if (parsed.ok && !parsed.ref.tag && !parsed.ref.digest && !opts.quiet) write('Using default tag: latest\n');
    try {
      const r = yield* imageCreate(cli.daemon, ref, emit);
      if (!opts.toStderr) cli.out(`${referenceString(r.ref)}\n`);
      return null;
    } catch (e) {
      if (e instanceof ApiError) return e.inStream ? e.message : `Error response from daemon: ${e.message}`;
      throw e;
    }
  }
}

export const pull: Command = {
  name: 'pull', path: 'docker pull', use: 'docker pull [OPTIONS] NAME[:TAG|@DIGEST]', short: 'Download an image from a registry',
  aliases: 'docker image pull, docker pull', args: { kind: 'exact', n: 1 },
  flags: [
    { name: 'all-tags', short: 'a', type: 'bool', usage: 'Download all tagged images in the repository' },
    { name: 'disable-content-trust', type: 'bool', usage: 'Skip image verification', default: 'true' },
    { name: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress verbose output' },
  ],
  *run(cli, f) {
    const ref = f.args[0];
    const bad = validateReference(ref);
    if (bad) throw new StatusError(bad, 1);
    const err = yield* pullImage(cli, ref, { quiet: bool(f, 'quiet') });
    if (err) throw new StatusError(err, 1);
    return 0;
  },
};
