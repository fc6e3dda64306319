/**
 * `docker inspect`: the daemon's JSON for containers (then images) as an indented array, or a
 * Go template applied to each object (`-f '{{.State.Pid}}'`). Unknown names print `[]` and
 * `Error: No such object: NAME`, as the real CLI does.
 */
import { networkInspect } from '../../network/routes.ts';
import { ApiError } from '../../daemon/errors.ts';
import { containerInspect } from '../../daemon/router/query.ts';
import { str, StatusError, type Command, type DockerCli } from './command.ts';
import { executeFormat, TemplateFailure } from './formatter.ts';
import { goJson } from './gojson.ts';
import { imageInspectObject } from './images.ts';

function find(cli: DockerCli, ref: string, type: string): Record<string, unknown> | string {
  if (type === '' || type === 'container') {
    try {
      return containerInspect(cli.daemon, ref);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 404) throw e;
      if (type === 'container') return `No such container: ${ref}`;
    }
  }
  if (type === '' || type === 'image') {
    const img = imageInspectObject(cli, ref);
    if (img) return img;
    if (type === 'image') return `No such image: ${ref}`;
  }
  if (type === '' || type === 'network') {
    const n = cli.daemon.kernel.net.find(ref);
    if (n && n !== 'ambiguous') return networkInspect(cli.daemon, ref);
    if (type === 'network') return `No such network: ${ref}`;
  }
  return `No such object: ${ref}`;
}

/**
 * As the CLI's inspect formatter: the template runs against the typed object first; if that
 * fails it runs against the raw JSON map, and that error is the one reported.
 */
function formatInspect(format: string, obj: Record<string, unknown>): string {
  try {
    return executeFormat(format, obj, { typed: true, missingKey: 'error' });
  } catch (e) {
    if (!(e instanceof TemplateFailure)) throw e;
    if (e.phase === 'parse') throw new StatusError(`template parsing error: ${e.message}`, 1);
    try {
      return executeFormat(format, obj, { missingKey: 'error' });
    } catch (raw) {
      if (raw instanceof TemplateFailure) throw new StatusError(`template parsing error: ${raw.message}`, 1);
      throw raw;
    }
  }
}

/** The CLI's inspect output for the objects found: an indented JSON array, or one template line each. */
export function inspectFormatted(found: readonly Record<string, unknown>[], format: string): string {
  if (format && format !== 'json') return found.map((obj) => `${formatInspect(format, obj)}\n`).join('');
  return `${found.length ? goJson(found, '    ') : '[]'}\n`;
}

export function* inspectObjects(cli: DockerCli, refs: readonly string[], type: string, format: string): Generator<never, number, unknown> {
  const found: Record<string, unknown>[] = [];
  const errors: string[] = [];
  for (const ref of refs) {
    const r = find(cli, ref, type);
    if (typeof r === 'string') errors.push(r);
    else found.push(r);
  }
  if (format && format !== 'json') {
    for (const obj of found) cli.out(`${formatInspect(format, obj)}\n`);
  } else {
    cli.out(`${found.length ? goJson(found, '    ') : '[]'}\n`);
  }
  if (errors.length) {
    cli.err(`${errors.map((e) => `Error: ${e}`).join('\n')}\n`);
    return 1;
  }
  return 0;
}

export const inspect: Command = {
  name: 'inspect', path: 'docker inspect', use: 'docker inspect [OPTIONS] NAME|ID [NAME|ID...]', short: 'Return low-level information on Docker objects',
  args: { kind: 'min', n: 1 },
  flags: [
    { name: 'format', short: 'f', type: 'string', usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'size', short: 's', type: 'bool', usage: 'Display total file sizes if the type is container' },
    { name: 'type', type: 'string', usage: 'Only inspect objects of the given type' },
  ],
  *run(cli, f) {
    const type = str(f, 'type');
    if (type && !['container', 'image', 'network', 'volume', 'node', 'service', 'task', 'config', 'secret', 'plugin'].includes(type)) {
      throw new StatusError(`"${type}" is not a valid value for --type`, 1);
    }
    return yield* inspectObjects(cli, f.args, type, str(f, 'format'));
  },
};

export const containerInspectCmd: Command = {
  ...inspect, path: 'docker container inspect', use: 'docker container inspect [OPTIONS] CONTAINER [CONTAINER...]', short: 'Display detailed information on one or more containers',
  flags: inspect.flags.filter((x) => x.name !== 'type'),
  *run(cli, f) {
    return yield* inspectObjects(cli, f.args, 'container', str(f, 'format'));
  },
};
