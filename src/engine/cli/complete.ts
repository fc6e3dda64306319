/**
 * Tab completion for the host shell: command names, docker subcommands, container names and
 * IDs where a docker command takes a container, image names for run/create/pull, and paths.
 */
import type { HostMachine } from '../machine.ts';
import type { Process } from '../kernel/process.ts';
import { COMMANDS, MANAGEMENT } from './docker/registry.ts';
import { BUILTINS } from './shell/builtins.ts';
import { resolvePath } from '../fs/tree.ts';
import { own } from '../own.ts';

const TAKES_CONTAINER = new Set(['exec', 'start', 'stop', 'restart', 'kill', 'rm', 'pause', 'unpause', 'logs', 'top', 'inspect', 'stats', 'wait', 'rename', 'update', 'port', 'attach', 'diff', 'cp', 'commit']);
const TAKES_IMAGE = new Set(['run', 'create', 'pull', 'rmi', 'history', 'tag', 'push']);

export function completeLine(m: HostMachine, p: Process, line: string): string[] {
  const words = line.split(/\s+/);
  const current = words[words.length - 1];
  const before = words.slice(0, -1).filter(Boolean);
  const fs = m.fsFor(p);
  if (before.length === 0) {
    const names = new Set<string>(Object.keys(BUILTINS));
    for (const dir of (p.env.get('PATH') ?? '').split(':')) {
      const entries = fs.list(dir);
      if (typeof entries !== 'string') for (const [n] of entries) names.add(n);
    }
    return [...names].filter((n) => n.startsWith(current));
  }
  if (before[0] === 'docker') {
    const args = before.slice(1).filter((w) => !w.startsWith('-'));
    if (args.length === 0) return [...Object.keys(COMMANDS), ...Object.keys(MANAGEMENT)].filter((n) => n.startsWith(current));
    const group = own(MANAGEMENT, args[0]) !== undefined;
    const sub = group ? args[1] : args[0];
    if (group && args.length === 1) return Object.keys(MANAGEMENT[args[0]].commands).filter((n) => n.startsWith(current));
    if (sub && TAKES_CONTAINER.has(sub)) {
      const names = [...m.daemon.containers.values()].flatMap((c) => [c.name]);
      return names.filter((n) => n.startsWith(current));
    }
    if (sub && TAKES_IMAGE.has(sub) && !current.startsWith('-')) return (m.daemon.imageNames?.() ?? []).filter((n) => n.startsWith(current));
  }
  // Paths.
  const slash = current.lastIndexOf('/');
  const dirPart = slash >= 0 ? current.slice(0, slash + 1) : '';
  const entries = fs.list(resolvePath(p.cwd, dirPart || '.'));
  if (typeof entries === 'string') return [];
  const prefix = current.slice(slash + 1);
  return entries.filter(([n]) => n.startsWith(prefix) && (prefix.startsWith('.') || !n.startsWith('.'))).map(([n, node]) => `${dirPart}${n}${node.type === 'dir' ? '/' : ''}`);
}
