/**
 * `docker exec`: a new process inside a running container — same namespaces, same cgroup,
 * child of the container's shim (engine-reference §5). Attached by default; `-i` forwards
 * stdin, `-t` gives it a terminal, `-d` leaves it running in the background.
 */
import { ApiError } from '../../daemon/errors.ts';
import { execCreate, execFinished, execStart } from '../../daemon/router/exec.ts';
import { INTERRUPTED } from '../../kernel/process.ts';
import { SIGNALS } from '../../kernel/signals.ts';
import { EOF, NullStream, Pipe, SinkStream, type Stream } from '../../kernel/streams.ts';
import { statusCode } from '../../kernel/process.ts';
import { ContainerPty } from '../../runtime/pty.ts';
import { bool, list, str, StatusError, type Command } from './command.ts';

export const exec: Command = {
  name: 'exec', path: 'docker exec', use: 'docker exec [OPTIONS] CONTAINER COMMAND [ARG...]', short: 'Execute a command in a running container',
  aliases: 'docker container exec, docker exec', args: { kind: 'min', n: 2 }, interspersed: false,
  flags: [
    { name: 'detach', short: 'd', type: 'bool', usage: 'Detached mode: run command in the background' },
    { name: 'env', short: 'e', type: 'list', usage: 'Set environment variables' },
    { name: 'interactive', short: 'i', type: 'bool', usage: 'Keep STDIN open even if not attached' },
    { name: 'privileged', type: 'bool', usage: 'Give extended privileges to the command' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Allocate a pseudo-TTY' },
    { name: 'user', short: 'u', type: 'string', usage: 'Username or UID (format: "<name|uid>[:<group|gid>]")' },
    { name: 'workdir', short: 'w', type: 'string', usage: 'Working directory inside the container' },
  ],
  *run(cli, f) {
    const [ref, ...cmd] = f.args;
    const d = cli.daemon;
    const ctx = cli.ctx;
    const tty = bool(f, 'tty');
    const interactive = bool(f, 'interactive');
    const detach = bool(f, 'detach');
    const id = execCreate(d, ref, { cmd, tty, attachStdin: interactive, env: list(f, 'env'), user: str(f, 'user'), workingDir: str(f, 'workdir') });
    let stdio: Stream[];
    let input: ContainerPty | Pipe | null = null;
    if (detach) stdio = [new NullStream(), new NullStream(), new NullStream()];
    else if (tty) {
      const pty = new ContainerPty((data, kind) => ctx.write(data, 1, kind));
      input = pty;
      stdio = [pty, pty, pty];
    } else {
      const out = new SinkStream('attach', (data, kind) => ctx.write(data, 1, kind));
      const err = new SinkStream('attach', (data, kind) => ctx.write(data, 2, kind));
      let inStream: Stream = new NullStream();
      if (interactive) {
        const pipe = new Pipe();
        pipe.open('w');
        input = pipe;
        inStream = pipe;
      }
      stdio = [inStream, out, err];
    }
    let p;
    try {
      p = execStart(d, id, stdio);
    } catch (e) {
      if (e instanceof ApiError) throw new StatusError(e.message, e.status === 127 || e.status === 126 ? e.status : 126);
      throw e;
    }
    if (detach) {
      p.exitWatchers.push(() => execFinished(d, id, p.exit ? statusCode(p.exit) : 0));
      return 0;
    }
    const me = ctx.proc;
    let done = false;
    p.exitWatchers.push(() => {
      done = true;
      ctx.kernel.interrupt(me);
    });
    ctx.onSignal(SIGNALS.SIGINT, () => {
      if (done) return;
      if (input instanceof ContainerPty) ctx.kernel.killGroup(input.foregroundPgid ?? p.pgid, SIGNALS.SIGINT, null);
    });
    if (interactive && input) {
      while (!done) {
        const line = yield ctx.read(0);
        if (line === INTERRUPTED) continue;
        if (line === EOF || typeof line !== 'string') {
          if (input instanceof ContainerPty) input.hangup();
          else input.close('w');
          if (!done) yield ctx.until(() => done);
          break;
        }
        if (input instanceof ContainerPty) input.feed(line);
        else input.write(line);
      }
    } else if (!done) yield ctx.until(() => done);
    const code = p.exit ? statusCode(p.exit) : 0;
    execFinished(d, id, code);
    return code;
  },
};
