/**
 * `docker stats` (formatter/stats.go): CPU % over the last second (100 % = one CPU), memory
 * usage against the limit (memory.max, or host RAM), PIDs. Without `--no-stream` it redraws
 * every second until Ctrl-C.
 */
import { bytesSize, humanSize } from '../../image/units.ts';
import { containerList } from '../../daemon/router/query.ts';
import { containerStats } from '../../daemon/router/query.ts';
import { bool, FORMAT_FLAG, str, StatusError, type Command, type DockerCli } from './command.ts';
import { formatTable, TemplateFailure } from './formatter.ts';

const DEFAULT_FORMAT = 'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}';
const HEADERS = { ID: 'CONTAINER ID', Container: 'CONTAINER', Name: 'NAME', CPUPerc: 'CPU %', MemUsage: 'MEM USAGE / LIMIT', MemPerc: 'MEM %', NetIO: 'NET I/O', BlockIO: 'BLOCK I/O', PIDs: 'PIDS' };

function rows(cli: DockerCli, refs: readonly string[], all: boolean, noTrunc: boolean): { rows: Record<string, string>[]; errors: string[] } {
  const d = cli.daemon;
  const errors: string[] = [];
  let targets: { ref: string; running: boolean }[];
  if (refs.length) {
    targets = [];
    for (const r of refs) {
      const c = d.tryLookup(r);
      if (!c) errors.push(`Error response from daemon: No such container: ${r}`);
      else targets.push({ ref: r, running: c.state.Running });
    }
  } else targets = containerList(d, { all, filters: {} }).map((c) => ({ ref: c.Id, running: c.State === 'running' || c.State === 'paused' }));
  const out = targets.map(({ ref, running }) => {
    const s = containerStats(d, ref, false);
    const id = noTrunc ? s.id : s.id.slice(0, 12);
    if (!running) {
      return { ID: id, Container: ref, Name: s.name, CPUPerc: '0.00%', MemUsage: '0B / 0B', MemPerc: '0.00%', NetIO: '0B / 0B', BlockIO: '0B / 0B', PIDs: '0' };
    }
    return {
      ID: id, Container: ref, Name: s.name, CPUPerc: `${s.cpuPercent.toFixed(2)}%`, MemUsage: `${bytesSize(s.memoryUsage)} / ${bytesSize(s.memoryLimit)}`,
      MemPerc: `${s.memoryLimit ? ((s.memoryUsage / s.memoryLimit) * 100).toFixed(2) : '0.00'}%`, NetIO: `${humanSize(0)} / ${humanSize(0)}`,
      BlockIO: `${humanSize(0)} / ${humanSize(0)}`, PIDs: String(s.pids),
    };
  });
  return { rows: out, errors };
}

export const stats: Command = {
  name: 'stats', path: 'docker stats', use: 'docker stats [OPTIONS] [CONTAINER...]', short: 'Display a live stream of container(s) resource usage statistics',
  aliases: 'docker container stats, docker stats', args: { kind: 'any' },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
    FORMAT_FLAG,
    { name: 'no-stream', type: 'bool', usage: 'Disable streaming stats and only pull the first result' },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
  ],
  *run(cli, f) {
    let format = str(f, 'format') || DEFAULT_FORMAT;
    if (format === 'json') format = '{{json .}}';
    if (format === 'table') format = DEFAULT_FORMAT;
    const render = () => {
      const r = rows(cli, f.args, bool(f, 'all'), bool(f, 'no-trunc'));
      for (const p of f.args) cli.daemon.logCall('GET', `/containers/${p}/stats?stream=${bool(f, 'no-stream') ? 0 : 1}`, r.errors.some((e) => e.endsWith(`: ${p}`)) ? 404 : 200);
      try {
        return { text: formatTable(format, r.rows, HEADERS), errors: r.errors };
      } catch (e) {
        if (e instanceof TemplateFailure) throw new StatusError(e.message, 1);
        throw e;
      }
    };
    if (bool(f, 'no-stream')) {
      if (f.args.length === 0) cli.daemon.logCall('GET', '/containers/json', 200);
      const r = render();
      if (r.errors.length) {
        cli.err(`${r.errors.join('\n')}\n`);
        return 1;
      }
      cli.out(r.text);
      return 0;
    }
    // Streams until Ctrl-C (SIGINT ends the client, as it does the real one).
    for (;;) {
      const r = render();
      if (r.errors.length) {
        cli.err(`${r.errors.join('\n')}\n`);
        return 1;
      }
      cli.out(`\x1b[2J\x1b[H${r.text}`);
      yield cli.ctx.sleep(1000);
    }
  },
};
