/** `docker logs [-f] [--tail N] [-t]`: the container's stdout and stderr as stored by the json-file driver. */
import { containerLogs } from '../../daemon/router/query.ts';
import type { LogEntry } from '../../daemon/container.ts';
import { bool, str, StatusError, type Command } from './command.ts';

export const logs: Command = {
  name: 'logs', path: 'docker logs', use: 'docker logs [OPTIONS] CONTAINER', short: 'Fetch the logs of a container',
  aliases: 'docker container logs, docker logs', args: { kind: 'exact', n: 1 },
  flags: [
    { name: 'details', type: 'bool', usage: 'Show extra details provided to logs' },
    { name: 'follow', short: 'f', type: 'bool', usage: 'Follow log output' },
    { name: 'since', type: 'string', usage: 'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
    { name: 'tail', short: 'n', type: 'string', usage: 'Number of lines to show from the end of the logs', default: '"all"' },
    { name: 'timestamps', short: 't', type: 'bool', usage: 'Show timestamps' },
    { name: 'until', type: 'string', usage: 'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
  ],
  *run(cli, f) {
    const tail = str(f, 'tail', 'all');
    if (tail !== 'all' && !/^-?\d+$/.test(tail)) throw new StatusError(`Error response from daemon: invalid value for "tail": "${tail}"`, 1);
    const query = ['stdout=1', 'stderr=1', bool(f, 'follow') ? 'follow=1' : '', tail !== 'all' ? `tail=${tail}` : 'tail=all', bool(f, 'timestamps') ? 'timestamps=1' : ''].filter(Boolean).join('&');
    const { container: c, entries } = containerLogs(cli.daemon, f.args[0], query);
    const ts = bool(f, 'timestamps');
    const print = (e: LogEntry) => {
      if (e.prompt && !c.config.Tty) return;
      const text = ts ? e.text.replace(/^(?=.)/gm, `${cli.daemon.clock.rfc3339Nano(e.t)} `) : e.text;
      cli.ctx.write(text, e.stream === 'stderr' ? 2 : 1);
    };
    // --tail counts lines, not writes.
    let list: LogEntry[] = [...entries];
    if (tail !== 'all' && Number(tail) >= 0) {
      const lines: LogEntry[] = [];
      for (const e of list) for (const line of e.text.split(/(?<=\n)/)) if (line) lines.push({ ...e, text: line });
      list = Number(tail) === 0 ? [] : lines.slice(-Number(tail));
    }
    for (const e of list) print(e);
    if (!bool(f, 'follow') || !c.state.Running) return 0;
    const listener = (e: LogEntry) => print(e);
    c.outputListeners.add(listener);
    cli.ctx.proc.exitWatchers.push(() => c.outputListeners.delete(listener));
    // Follows until the container stops (or Ctrl-C ends the client).
    const seq = c.exitSeq;
    yield cli.ctx.until(() => c.exitSeq !== seq);
    c.outputListeners.delete(listener);
    return 0;
  },
};
