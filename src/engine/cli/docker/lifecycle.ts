/**
 * The "one or more containers" commands: start, stop, restart, kill, pause, unpause, rm, wait,
 * plus rename. Each acts on every argument, prints the argument back for each success (as the
 * real CLI does), prints `Error response from daemon: …` for each failure, and exits 1 if any failed.
 */
import { ApiError } from '../../daemon/errors.ts';
import {
  containerKill, containerPause, containerRemove, containerRename, containerRestart, containerStart, containerStop, containerUnpause, containerWait,
} from '../../daemon/router/containers.ts';
import { parseSignal } from '../../kernel/signals.ts';
import { bool, num, str, StatusError, type Command, type DockerCli, type Gen } from './command.ts';

/** Runs `act` on every container argument, printing what it returns; daemon errors are collected and make the exit code 1. */
export function* eachContainer(cli: DockerCli, refs: readonly string[], act: (ref: string) => Gen<string | null>): Gen<number> {
  const errors: string[] = [];
  for (const ref of refs) {
    try {
      const printed = yield* act(ref);
      if (printed !== null) cli.out(`${printed}\n`);
    } catch (e) {
      if (e instanceof ApiError) errors.push(`Error response from daemon: ${e.message}`);
      else throw e;
    }
  }
  if (errors.length) {
    cli.err(`${errors.join('\n')}\n`);
    return 1;
  }
  return 0;
}

export const start: Command = {
  name: 'start', path: 'docker start', use: 'docker start [OPTIONS] CONTAINER [CONTAINER...]', short: 'Start one or more stopped containers',
  aliases: 'docker container start, docker start', args: { kind: 'min', n: 1 },
  flags: [
    { name: 'attach', short: 'a', type: 'bool', usage: 'Attach STDOUT/STDERR and forward signals' },
    { name: 'interactive', short: 'i', type: 'bool', usage: "Attach container's STDIN" },
  ],
  *run(cli, f) {
    if (bool(f, 'attach') || bool(f, 'interactive')) {
      if (f.args.length > 1) throw new StatusError('you cannot start and attach multiple containers at once', 1);
      const d = cli.daemon;
      const c = d.lookup(f.args[0]);
      const seq = c.exitSeq;
      const onOutput = (e: { stream: 'stdout' | 'stderr'; text: string; prompt: boolean }) => cli.ctx.write(e.text, e.stream === 'stderr' ? 2 : 1, e.prompt ? 'prompt' : 'data');
      c.outputListeners.add(onOutput);
      try {
        containerStart(d, f.args[0]);
        yield cli.ctx.until(() => c.exitSeq !== seq);
      } catch (e) {
        if (e instanceof ApiError) throw new StatusError(`Error response from daemon: ${e.message}`, 1);
        throw e;
      } finally {
        c.outputListeners.delete(onOutput);
      }
      return c.state.ExitCode;
    }
    return yield* eachContainer(cli, f.args, function* (ref) {
      try {
        containerStart(cli.daemon, ref);
      } catch (e) {
        if (e instanceof ApiError && e.status === 400) throw new ApiError(400, e.message);
        throw e;
      }
      return ref;
    });
  },
};

const timeoutFlags = [
  { name: 'signal', short: 's', type: 'string', usage: 'Signal to send to the container' },
  { name: 'timeout', short: 't', type: 'int', usage: 'Seconds to wait before killing the container' },
] as const;

export const stop: Command = {
  name: 'stop', path: 'docker stop', use: 'docker stop [OPTIONS] CONTAINER [CONTAINER...]', short: 'Stop one or more running containers',
  aliases: 'docker container stop, docker stop', args: { kind: 'min', n: 1 }, flags: timeoutFlags,
  *run(cli, f) {
    const t = f.set.has('timeout') ? num(f, 'timeout') : undefined;
    const sig = f.set.has('signal') ? str(f, 'signal') : undefined;
    if (sig !== undefined && parseSignal(sig) === undefined) throw new StatusError(`Error response from daemon: Invalid signal: ${sig}`, 1);
    return yield* eachContainer(cli, f.args, function* (ref) {
      yield* containerStop(cli.daemon, ref, t, sig);
      return ref;
    });
  },
};

export const restart: Command = {
  name: 'restart', path: 'docker restart', use: 'docker restart [OPTIONS] CONTAINER [CONTAINER...]', short: 'Restart one or more containers',
  aliases: 'docker container restart, docker restart', args: { kind: 'min', n: 1 }, flags: timeoutFlags,
  *run(cli, f) {
    const t = f.set.has('timeout') ? num(f, 'timeout') : undefined;
    return yield* eachContainer(cli, f.args, function* (ref) {
      yield* containerRestart(cli.daemon, ref, t);
      return ref;
    });
  },
};

export const kill: Command = {
  name: 'kill', path: 'docker kill', use: 'docker kill [OPTIONS] CONTAINER [CONTAINER...]', short: 'Kill one or more running containers',
  aliases: 'docker container kill, docker kill', args: { kind: 'min', n: 1 },
  flags: [{ name: 'signal', short: 's', type: 'string', usage: 'Signal to send to the container' }],
  *run(cli, f) {
    const sig = str(f, 'signal', 'KILL');
    const norm = sig.toUpperCase().startsWith('SIG') || /^\d+$/.test(sig) ? sig.toUpperCase() : `SIG${sig.toUpperCase()}`;
    return yield* eachContainer(cli, f.args, function* (ref) {
      containerKill(cli.daemon, ref, norm);
      return ref;
    });
  },
};

export const pause: Command = {
  name: 'pause', path: 'docker pause', use: 'docker pause CONTAINER [CONTAINER...]', short: 'Pause all processes within one or more containers',
  aliases: 'docker container pause, docker pause', args: { kind: 'min', n: 1 }, flags: [],
  *run(cli, f) {
    return yield* eachContainer(cli, f.args, function* (ref) {
      containerPause(cli.daemon, ref);
      return ref;
    });
  },
};

export const unpause: Command = {
  name: 'unpause', path: 'docker unpause', use: 'docker unpause CONTAINER [CONTAINER...]', short: 'Unpause all processes within one or more containers',
  aliases: 'docker container unpause, docker unpause', args: { kind: 'min', n: 1 }, flags: [],
  *run(cli, f) {
    return yield* eachContainer(cli, f.args, function* (ref) {
      containerUnpause(cli.daemon, ref);
      return ref;
    });
  },
};

export const rm: Command = {
  name: 'rm', path: 'docker rm', use: 'docker rm [OPTIONS] CONTAINER [CONTAINER...]', short: 'Remove one or more containers',
  aliases: 'docker container rm, docker container remove, docker rm', args: { kind: 'min', n: 1 },
  flags: [
    { name: 'force', short: 'f', type: 'bool', usage: 'Force the removal of a running container (uses SIGKILL)' },
    { name: 'link', short: 'l', type: 'bool', usage: 'Remove the specified link' },
    { name: 'volumes', short: 'v', type: 'bool', usage: 'Remove anonymous volumes associated with the container' },
  ],
  *run(cli, f) {
    return yield* eachContainer(cli, f.args, function* (ref) {
      yield* containerRemove(cli.daemon, ref, bool(f, 'force'), bool(f, 'volumes'));
      return ref;
    });
  },
};

export const wait: Command = {
  name: 'wait', path: 'docker wait', use: 'docker wait CONTAINER [CONTAINER...]', short: 'Block until one or more containers stop, then print their exit codes',
  aliases: 'docker container wait, docker wait', args: { kind: 'min', n: 1 }, flags: [],
  *run(cli, f) {
    return yield* eachContainer(cli, f.args, function* (ref) {
      const r = yield* containerWait(cli.daemon, ref);
      return String(r.StatusCode);
    });
  },
};

export const rename: Command = {
  name: 'rename', path: 'docker rename', use: 'docker rename CONTAINER NEW_NAME', short: 'Rename a container',
  aliases: 'docker container rename, docker rename', args: { kind: 'exact', n: 2 }, flags: [],
  *run(cli, f) {
    const [oldName, newName] = f.args;
    if (!newName.trim()) throw new StatusError('Error: Neither old nor new names may be empty', 1);
    containerRename(cli.daemon, oldName, newName);
    return 0;
  },
};
