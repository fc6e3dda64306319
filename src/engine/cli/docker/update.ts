/** `docker update`: new limits for running containers, written into their cgroups live. */
import { containerUpdate } from '../../daemon/router/containers.ts';
import type { Resources } from '../../runtime/runc.ts';
import { num, str, StatusError, type Command } from './command.ts';
import { eachContainer } from './lifecycle.ts';

export const update: Command = {
  name: 'update', path: 'docker update', use: 'docker update [OPTIONS] CONTAINER [CONTAINER...]', short: 'Update configuration of one or more containers',
  aliases: 'docker container update, docker update', args: { kind: 'min', n: 1 },
  flags: [
    { name: 'cpu-period', type: 'int', usage: 'Limit CPU CFS (Completely Fair Scheduler) period' },
    { name: 'cpu-quota', type: 'int', usage: 'Limit CPU CFS (Completely Fair Scheduler) quota' },
    { name: 'cpu-shares', short: 'c', type: 'int', usage: 'CPU shares (relative weight)' },
    { name: 'cpus', type: 'decimal', usage: 'Number of CPUs' },
    { name: 'cpuset-cpus', type: 'string', usage: 'CPUs in which to allow execution (0-3, 0,1)' },
    { name: 'memory', short: 'm', type: 'bytes', usage: 'Memory limit' },
    { name: 'memory-reservation', type: 'bytes', usage: 'Memory soft limit' },
    { name: 'memory-swap', type: 'memswap', usage: "Swap limit equal to memory plus swap: -1 to enable unlimited swap" },
    { name: 'pids-limit', type: 'int', usage: 'Tune container pids limit (set -1 for unlimited)' },
    { name: 'restart', type: 'string', usage: 'Restart policy to apply when a container exits' },
  ],
  *run(cli, f) {
    const has = (n: string) => f.set.has(n);
    if (f.set.size === 0) throw new StatusError('you must provide one or more flags when using this command', 1);
    const r: Partial<Resources> & { RestartPolicy?: { Name: 'no' | 'always' | 'unless-stopped' | 'on-failure'; MaximumRetryCount: number } } = {};
    if (has('memory')) r.Memory = num(f, 'memory');
    if (has('memory-reservation')) r.MemoryReservation = num(f, 'memory-reservation');
    if (has('memory-swap')) r.MemorySwap = num(f, 'memory-swap');
    if (has('cpu-shares')) r.CpuShares = num(f, 'cpu-shares');
    if (has('cpus')) r.NanoCpus = Math.round(num(f, 'cpus') * 1e9);
    if (has('cpu-period')) r.CpuPeriod = num(f, 'cpu-period');
    if (has('cpu-quota')) r.CpuQuota = num(f, 'cpu-quota');
    if (has('cpuset-cpus')) r.CpusetCpus = str(f, 'cpuset-cpus');
    if (has('pids-limit')) r.PidsLimit = num(f, 'pids-limit');
    if (has('restart')) {
      const [name, count] = str(f, 'restart').split(':');
      if (!['no', 'always', 'unless-stopped', 'on-failure'].includes(name)) throw new StatusError(`invalid restart policy: unknown policy '${name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`, 1);
      r.RestartPolicy = { Name: name as 'no', MaximumRetryCount: count ? Number(count) : 0 };
    }
    return yield* eachContainer(cli, f.args, function* (ref) {
      containerUpdate(cli.daemon, ref, r);
      return ref;
    });
  },
};
