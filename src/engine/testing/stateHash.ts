/**
 * The engine's state as property tests compare it ("a failing command changes nothing",
 * "replaying a scenario twice gives the same state"): the snapshot's record tables without the
 * fields that move with time alone or only count changes, plus the host files under /root and
 * the volumes' data under /var/lib/docker/volumes.
 *
 * Kept: containers, processes, cgroups, images, layers, volumes, networks, ports, registries.
 * Left out: `rev` everywhere (a change counter, not state), a process's `startedAt`, the host's
 * clock, and the logs of what happened (builds, transfers, traffic, the API log, kernel events):
 * a refused command may well leave a trace there, as `docker events` or the API log would.
 *
 * Not engine code: only tests and benchmarks import it (src/engine/testing/).
 */
import { sha256Hex } from '../image/digest.ts';
import type { Engine } from '../index.ts';
import type { Snapshot } from '../snapshot.ts';

/** Host directories whose files count as state (the learner's home and the volumes' data). */
export const STATE_DIRS = ['/root', '/var/lib/docker/volumes'] as const;

type Rec = Readonly<Record<string, unknown>>;

/** A copy of `rec` without the named fields. */
function without(rec: object, drop: readonly string[]): Rec {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rec)) if (!drop.includes(k)) out[k] = v;
  return out;
}

/** A table by key, sorted, each record stripped of `drop` (and `rev`). */
function table(t: Readonly<Record<string, object>>, drop: readonly string[] = []): Rec {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(t).sort()) out[k] = without(t[k] as object, ['rev', ...drop]);
  return out;
}

/** The files under `dir`, recursively, by path: type, mode, size, symlink target and content (or its sha256). */
export function hostFilesState(engine: Engine, dir: string): Rec {
  const out: Record<string, unknown> = {};
  const walk = (path: string) => {
    const r = engine.files({ op: 'list', path });
    if (!r.ok || r.op !== 'list') return;
    for (const e of [...r.entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const rec: Record<string, unknown> = { type: e.type, mode: e.mode, size: e.size, mtime: e.mtime };
      if (e.target !== undefined) rec.target = e.target;
      if (e.type === 'file') {
        const f = engine.files({ op: 'read', path: e.path });
        if (f.ok && f.op === 'read') rec.content = f.binary ? `binary:${f.size}` : sha256Hex(f.content);
      }
      out[e.path] = rec;
      if (e.type === 'dir') walk(e.path);
    }
  };
  walk(dir);
  return out;
}

/** The state as a plain object with sorted keys (compare with toEqual for a readable diff). */
export function engineState(engine: Engine, snapshot: Snapshot = engine.snapshot()): Rec {
  const s = snapshot;
  return {
    containers: table(s.containers),
    processes: table(s.processes, ['startedAt']),
    cgroups: table(s.cgroups),
    images: table(s.images),
    layers: table(s.layers),
    volumes: table(s.volumes),
    networks: table(s.networks),
    ports: table(s.ports),
    registries: table(s.registries),
    files: Object.fromEntries(STATE_DIRS.map((d) => [d, hostFilesState(engine, d)])),
  };
}

/** JSON with object keys sorted at every level (arrays keep their order). */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
  });
}

/** sha256 of the stable JSON of `engineState`. */
export function stateHash(engine: Engine): string {
  return sha256Hex(stableJson(engineState(engine)));
}
