/**
 * The metadata instructions: how each changes the image config and which history line it
 * writes (bk: frontend/dockerfile/dockerfile2llb/convert.go dispatchEnv, dispatchLabel,
 * dispatchExpose, dispatchCmd, …). They make no layer: their history entries are
 * `empty_layer`, with `created_by` exactly as BuildKit formats it (`ENV K=V`, `CMD ["sh"]`,
 * `EXPOSE map[80/tcp:{}]`, `HEALTHCHECK &{["CMD-SHELL" "…"] "5s" "0s" "0s" "0s" '\x00'}`).
 */
import type { ImageConfigBody } from '../image/config.ts';
import { goList, goMapSet, goQuote, goQuoteList } from '../image/config.ts';
import { parseSignal } from '../kernel/signals.ts';
import { processWord, processWords, type Env } from './expand.ts';
import type { HealthConfig, Instruction } from './instructions.ts';

export interface ImageState {
  config: ImageConfigBody;
  /** Top-level `author` (MAINTAINER). */
  author: string;
  /** CMD set in this stage (ENTRYPOINT then keeps it). */
  cmdSet: boolean;
}

type Meta = Extract<Instruction, { kind: 'ENV' | 'LABEL' | 'EXPOSE' | 'USER' | 'VOLUME' | 'STOPSIGNAL' | 'HEALTHCHECK' | 'SHELL' | 'CMD' | 'ENTRYPOINT' | 'ONBUILD' | 'MAINTAINER' }>;

export const DEFAULT_SHELL = ['/bin/sh', '-c'];

/** withShell: the shell-form command line prefixed with the stage's SHELL. */
export function withShell(config: ImageConfigBody, args: readonly string[]): string[] {
  const shell = config.Shell && config.Shell.length > 0 ? config.Shell : DEFAULT_SHELL;
  return [...shell, ...args];
}

/** Sets `K=V` in an env list, in place of an existing K. */
export function setEnv(list: readonly string[], key: string, value: string): string[] {
  const out = [...list];
  const i = out.findIndex((kv) => kv.slice(0, kv.indexOf('=') < 0 ? kv.length : kv.indexOf('=')) === key);
  if (i >= 0) out[i] = `${key}=${value}`;
  else out.push(`${key}=${value}`);
  return out;
}

/** Go's time.Duration.String for whole nanoseconds. */
export function goDuration(ns: number): string {
  if (ns === 0) return '0s';
  if (ns < 1e3) return `${ns}ns`;
  if (ns < 1e6) return `${trim(ns / 1e3)}µs`;
  if (ns < 1e9) return `${trim(ns / 1e6)}ms`;
  let s = ns / 1e9;
  let out = '';
  const h = Math.floor(s / 3600);
  if (h) {
    out += `${h}h`;
    s -= h * 3600;
  }
  const m = Math.floor(s / 60);
  if (h || m) {
    out += `${m}m`;
    s -= m * 60;
  }
  return `${out}${trim(s)}s`;
}

function trim(n: number): string {
  return String(Number(n.toFixed(9)));
}

/** Go's `%q` of an int: a quoted rune (`'\x03'`). */
function goRune(n: number): string {
  if (n >= 0x20 && n < 0x7f && n !== 0x27 && n !== 0x5c) return `'${String.fromCharCode(n)}'`;
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 0x27: "\\'", 0x5c: '\\\\' };
  if (named[n]) return `'${named[n]}'`;
  return n < 0x100 ? `'\\x${n.toString(16).padStart(2, '0')}'` : `'\\u${n.toString(16).padStart(4, '0')}'`;
}

function healthJson(h: HealthConfig): NonNullable<ImageConfigBody['Healthcheck']> {
  return {
    Test: [...h.test],
    ...(h.interval ? { Interval: h.interval } : {}),
    ...(h.timeout ? { Timeout: h.timeout } : {}),
    ...(h.startPeriod ? { StartPeriod: h.startPeriod } : {}),
    ...(h.startInterval ? { StartInterval: h.startInterval } : {}),
    ...(h.retries ? { Retries: h.retries } : {}),
  };
}

/** nat.ParsePortSpecs for EXPOSE: `80` → `80/tcp`, `53/udp`, ranges `8000-8002`. */
export function exposedPorts(ports: readonly string[]): string[] {
  const out = new Set<string>();
  for (const p of ports) {
    const slash = p.indexOf('/');
    const port = slash < 0 ? p : p.slice(0, slash);
    const proto = (slash < 0 ? 'tcp' : p.slice(slash + 1)).toLowerCase();
    if (!['tcp', 'udp', 'sctp'].includes(proto)) throw new Error(`invalid proto: ${proto}`);
    const dash = port.indexOf('-');
    const lo = Number(dash < 0 ? port : port.slice(0, dash));
    const hi = Number(dash < 0 ? port : port.slice(dash + 1));
    if (!/^\d+(-\d+)?$/.test(port) || lo > 65535 || hi > 65535) throw new Error(`invalid containerPort: ${port}`);
    if (hi < lo) throw new Error(`invalid range specified for container port: ${port}`);
    for (let n = lo; n <= hi; n++) out.add(`${n}/${proto}`);
  }
  return [...out].sort();
}

/**
 * Applies a metadata instruction to the image state; returns its history `created_by`.
 * `env` is what variables expand against (the stage's ENV plus the ARGs in scope).
 */
export function dispatchMeta(ins: Meta, st: ImageState, env: Env, escape: string): string {
  const c = st.config;
  switch (ins.kind) {
    case 'ENV': {
      const parts: string[] = [];
      for (const kv of ins.pairs) {
        const key = processWord(kv.key, env, escape);
        const value = processWord(kv.value, env, escape);
        c.Env = setEnv(c.Env ?? [], key, value);
        parts.push(`${key}=${value}`);
      }
      return `ENV ${parts.join(' ')}`;
    }
    case 'LABEL': {
      const parts: string[] = [];
      c.Labels = { ...(c.Labels ?? {}) };
      for (const kv of ins.pairs) {
        const key = processWord(kv.key, env, escape);
        const value = processWord(kv.value, env, escape);
        c.Labels[key] = value;
        parts.push(`${key}=${value}`);
      }
      return `LABEL ${parts.join(' ')}`;
    }
    case 'EXPOSE': {
      const ports = exposedPorts(ins.ports.flatMap((p) => processWords(p, env, escape)));
      c.ExposedPorts = { ...(c.ExposedPorts ?? {}) };
      for (const p of ports) c.ExposedPorts[p] = {};
      return `EXPOSE ${goMapSet(ports)}`;
    }
    case 'USER': {
      const user = processWord(ins.user, env, escape);
      c.User = user;
      return `USER ${user}`;
    }
    case 'VOLUME': {
      const vols = ins.volumes.map((v) => processWord(v, env, escape));
      c.Volumes = { ...(c.Volumes ?? {}) };
      for (const v of vols) {
        if (!v) throw new Error('VOLUME specified can not be an empty string');
        c.Volumes[v] = {};
      }
      return `VOLUME ${goList(vols)}`;
    }
    case 'STOPSIGNAL': {
      const sig = processWord(ins.signal, env, escape);
      if (parseSignal(sig) === undefined) throw new Error(`Invalid signal: ${sig}`);
      c.StopSignal = sig;
      return `STOPSIGNAL ${sig}`;
    }
    case 'HEALTHCHECK': {
      const h = ins.health;
      c.Healthcheck = healthJson(h);
      return `HEALTHCHECK &{${goQuoteList(h.test)} ${goQuote(goDuration(h.interval))} ${goQuote(goDuration(h.timeout))} ${goQuote(goDuration(h.startPeriod))} ${goQuote(goDuration(h.startInterval))} ${goRune(h.retries)}}`;
    }
    case 'SHELL':
      c.Shell = [...ins.shell];
      return `SHELL ${goList(ins.shell)}`;
    case 'CMD': {
      const args = ins.prependShell ? withShell(c, ins.cmd) : [...ins.cmd];
      c.Cmd = args;
      c.ArgsEscaped = true;
      st.cmdSet = true;
      return `CMD ${goQuoteList(args)}`;
    }
    case 'ENTRYPOINT': {
      const args = ins.prependShell ? withShell(c, ins.cmd) : [...ins.cmd];
      c.Entrypoint = args;
      c.ArgsEscaped = true;
      if (!st.cmdSet) c.Cmd = null;
      return `ENTRYPOINT ${goQuoteList(args)}`;
    }
    case 'ONBUILD':
      c.OnBuild = [...(c.OnBuild ?? []), ins.expression];
      return `ONBUILD ${ins.expression}`;
    case 'MAINTAINER':
      st.author = ins.maintainer;
      return `MAINTAINER ${ins.maintainer}`;
    default: {
      const never: never = ins;
      throw new Error(String(never));
    }
  }
}
