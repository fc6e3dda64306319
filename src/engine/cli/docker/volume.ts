/**
 * `docker volume create|ls|inspect|rm|prune` (docker/cli cli/command/volume/*.go), and the
 * mount flags of `docker run`/`create` (`-v`, `--mount`, `--tmpfs`) as
 * cli/command/container/opts.go turns them into `Binds`, `Mounts`, `Tmpfs` and anonymous
 * `Config.Volumes`.
 */
import { humanSize } from '../../image/units.ts';
import { EOF } from '../../kernel/streams.ts';
import { normalizePath } from '../../fs/tree.ts';
import { parseMountFlag, parseVolumeFlag, type ApiMount } from '../../volumes/spec.ts';
import { volumeCreate, volumeInspect, volumeList, volumeRemove, volumesPrune, type VolumeJson } from '../../volumes/store.ts';
import { ApiError } from '../../daemon/errors.ts';
import { goStruct } from '../format/index.ts';
import { bool, FORMAT_FLAG, list, str, StatusError, type Command, type DockerCli, keyValues } from './command.ts';
import { formatTable, TemplateFailure } from './formatter.ts';
import type { ParsedFlags } from './flags.ts';
import { inspectFormatted } from './inspect.ts';

// ── run/create flags ─────────────────────────────────────────────────────────────────────

export interface MountOptions {
  readonly binds: string[] | null;
  readonly volumes: Record<string, Record<string, never>> | null;
  readonly mounts: ApiMount[] | undefined;
  readonly tmpfs: Record<string, string> | undefined;
}

/** `-v`, `--mount`, `--tmpfs` of run/create. `command` is "run" or "create" (for the messages). */
export function mountOptions(cli: DockerCli, f: ParsedFlags, command: string): MountOptions {
  const cwd = cli.ctx.proc.cwd;
  const mounts: ApiMount[] = [];
  for (const value of list(f, 'mount')) {
    const m = parseMountFlag(value, cwd);
    if (typeof m === 'string') {
      throw new StatusError(`invalid argument "${value}" for "--mount" flag: ${m}\n\nUsage:  docker ${command} [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker ${command} --help' for more information`, 125);
    }
    mounts.push(m);
  }
  const binds: string[] = [];
  const volumes: Record<string, Record<string, never>> = {};
  for (const spec of list(f, 'volume')) {
    const v = parseVolumeFlag(spec);
    if (typeof v === 'string') throw new StatusError(`docker: ${v}\n\nRun 'docker ${command} --help' for more information`, 125);
    if (!v.source) {
      volumes[v.target] = {};
      continue;
    }
    // A relative host path starting with "." is made absolute against the client's directory.
    const colon = spec.indexOf(':');
    const host = spec.slice(0, colon);
    binds.push(host.startsWith('.') ? `${normalizePath(`${cwd}/${host}`)}${spec.slice(colon)}` : spec);
  }
  const tmpfs: Record<string, string> = {};
  for (const t of list(f, 'tmpfs')) {
    const colon = t.indexOf(':');
    tmpfs[colon >= 0 ? t.slice(0, colon) : t] = colon >= 0 ? t.slice(colon + 1) : '';
  }
  return {
    binds: binds.length ? binds : null, volumes: Object.keys(volumes).length ? volumes : null,
    mounts: mounts.length ? mounts : undefined, tmpfs: Object.keys(tmpfs).length ? tmpfs : undefined,
  };
}

// ── docker volume … ──────────────────────────────────────────────────────────────────────


function parseFilters(c: Command, specs: readonly string[], flag: string): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq < 0) throw new StatusError(`invalid argument "${spec}" for "${flag}" flag: bad format of filter (expected name=value)\n\nUsage:  ${c.use}\n\nRun '${c.path} --help' for more information`, 125);
    (filters[spec.slice(0, eq).trim().toLowerCase()] ??= []).push(spec.slice(eq + 1).trim());
  }
  return filters;
}

const volumeCreateCmd: Command = {
  name: 'create', path: 'docker volume create', use: 'docker volume create [OPTIONS] [VOLUME]', short: 'Create a volume', args: { kind: 'max', n: 1 },
  flags: [
    { name: 'driver', short: 'd', type: 'string', usage: 'Specify volume driver name', default: '"local"' },
    { name: 'label', type: 'list', usage: 'Set metadata for a volume' },
    { name: 'name', type: 'string', usage: 'Specify volume name', hidden: true },
    { name: 'opt', short: 'o', type: 'list', valueName: 'map', usage: 'Set driver specific options', default: 'map[]' },
  ],
  *run(cli, f) {
    const flagName = str(f, 'name');
    if (f.args.length && flagName) throw new StatusError('conflicting options: either specify --name or provide positional arg, not both', 1);
    const v = volumeCreate(cli.daemon, { Name: f.args[0] ?? flagName, Driver: str(f, 'driver', 'local') || 'local', DriverOpts: keyValues(list(f, 'opt')), Labels: keyValues(list(f, 'label')) });
    cli.out(`${v.Name}\n`);
    return 0;
  },
};

/** sortorder.NaturalLess: digit runs compare by value. */
function naturalLess(a: string, b: string): number {
  const re = /(\d+|\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) return Number(x) - Number(y) || x.length - y.length;
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

function labelsOf(v: VolumeJson): string {
  return Object.entries(v.Labels ?? {}).map(([k, val]) => `${k}=${val}`).join(',');
}

/**
 * `{{json .}}` of a volume row: formatter.volumeContext marshals its no-argument methods, keys
 * sorted (cluster-only fields and the usage figures `docker volume ls` does not ask for are N/A).
 */
function volumeContextJson(v: VolumeJson): Record<string, string> {
  return {
    Availability: 'N/A', Driver: v.Driver, Group: 'N/A', Labels: labelsOf(v), Links: 'N/A', Mountpoint: v.Mountpoint, Name: v.Name, Scope: v.Scope, Size: 'N/A', Status: 'N/A',
  };
}

const LS_HEADERS = { Name: 'VOLUME NAME', Driver: 'DRIVER', Scope: 'SCOPE', Mountpoint: 'MOUNTPOINT', Labels: 'LABELS', Links: 'LINKS', Size: 'SIZE' };

const volumeLs: Command = {
  name: 'ls', path: 'docker volume ls', use: 'docker volume ls [OPTIONS]', short: 'List volumes', aliases: 'docker volume ls, docker volume list', args: { kind: 'none' },
  flags: [
    { name: 'filter', short: 'f', type: 'list', valueName: 'filter', usage: 'Provide filter values (e.g. "dangling=true")' },
    FORMAT_FLAG,
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display volume names' },
  ],
  *run(cli, f) {
    const filters = parseFilters(this, list(f, 'filter'), '-f, --filter');
    const vols = volumeList(cli.daemon, filters).Volumes.sort((a, b) => naturalLess(a.Name, b.Name));
    if (bool(f, 'quiet') && !f.set.has('format')) {
      for (const v of vols) cli.out(`${v.Name}\n`);
      return 0;
    }
    let format = str(f, 'format') || 'table {{.Driver}}\t{{.Name}}';
    if (format === 'table') format = 'table {{.Driver}}\t{{.Name}}';
    try {
      const rows = vols.map((v) => goStruct('*formatter.volumeContext', {
        Name: v.Name, Driver: v.Driver, Scope: v.Scope, Mountpoint: v.Mountpoint, Size: 'N/A', Links: 'N/A',
        Labels: labelsOf(v), Label: (name: string) => v.Labels?.[name] ?? '', MarshalJSON: () => volumeContextJson(v),
      }));
      cli.out(formatTable(format, rows, LS_HEADERS));
    } catch (e) {
      if (e instanceof TemplateFailure) throw new StatusError(e.message, 1);
      throw e;
    }
    return 0;
  },
};

const volumeInspectCmd: Command = {
  name: 'inspect', path: 'docker volume inspect', use: 'docker volume inspect [OPTIONS] VOLUME [VOLUME...]', short: 'Display detailed information on one or more volumes',
  args: { kind: 'min', n: 1 },
  flags: [{ name: 'format', short: 'f', type: 'string', usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" }],
  *run(cli, f) {
    const found: VolumeJson[] = [];
    const errors: string[] = [];
    for (const name of f.args) {
      try {
        found.push(volumeInspect(cli.daemon, name));
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        errors.push(`Error response from daemon: ${e.message}`);
      }
    }
    cli.out(inspectFormatted(found as unknown as Record<string, unknown>[], str(f, 'format')));
    if (errors.length) {
      cli.err(`${errors.join('\n')}\n`);
      return 1;
    }
    return 0;
  },
};

const volumeRm: Command = {
  name: 'rm', path: 'docker volume rm', use: 'docker volume rm [OPTIONS] VOLUME [VOLUME...]', short: 'Remove one or more volumes', aliases: 'docker volume rm, docker volume remove',
  args: { kind: 'min', n: 1 },
  flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Force the removal of one or more volumes' }],
  *run(cli, f) {
    const errors: string[] = [];
    for (const name of f.args) {
      try {
        volumeRemove(cli.daemon, name, bool(f, 'force'));
        cli.out(`${name}\n`);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        errors.push(`Error response from daemon: ${e.message}`);
      }
    }
    if (errors.length) throw new StatusError(errors.join('\n'), 1);
    return 0;
  },
};

const ALL_WARNING = 'WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue?';
const ANON_WARNING = 'WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue?';

const volumePrune: Command = {
  name: 'prune', path: 'docker volume prune', use: 'docker volume prune [OPTIONS]', short: 'Remove unused local volumes', args: { kind: 'none' },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Remove all unused volumes, not just anonymous ones' },
    { name: 'filter', type: 'list', valueName: 'filter', usage: 'Provide filter values (e.g. "label=<label>")' },
    { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  *run(cli, f) {
    const filters = parseFilters(this, list(f, 'filter'), '--filter');
    const all = bool(f, 'all');
    if (all) filters.all = ['true'];
    if (!bool(f, 'force')) {
      cli.out(`${all ? ALL_WARNING : ANON_WARNING} [y/N] `);
      const answer = yield cli.ctx.read(0, { line: true });
      if (answer === EOF || typeof answer !== 'string' || answer.trim().toLowerCase() !== 'y') return 0;
    }
    const report = volumesPrune(cli.daemon, filters);
    if (report.VolumesDeleted) cli.out(`Deleted Volumes:\n${report.VolumesDeleted.map((n) => `${n}\n`).join('')}\n`);
    cli.out(`Total reclaimed space: ${humanSize(report.SpaceReclaimed)}\n`);
    return 0;
  },
};

export const VOLUME_COMMANDS: Record<string, Command> = {
  create: volumeCreateCmd, inspect: volumeInspectCmd, ls: volumeLs, list: { ...volumeLs, name: 'list', path: 'docker volume list' },
  prune: volumePrune, rm: volumeRm, remove: { ...volumeRm, name: 'remove', path: 'docker volume remove' },
};

export const VOLUME_HELP = `
Usage:  docker volume COMMAND

Manage volumes

Commands:
  create      Create a volume
  inspect     Display detailed information on one or more volumes
  ls          List volumes
  prune       Remove unused local volumes
  rm          Remove one or more volumes
  update      Update a volume (cluster volumes only)

Run 'docker volume COMMAND --help' for more information on a command.
`;
