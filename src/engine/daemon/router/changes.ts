/**
 * `docker commit --change` (moby builder/dockerfile BuildFromConfig): Dockerfile instructions
 * that only touch the config — CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER,
 * VOLUME, WORKDIR — applied in order to the container's config.
 */
import type { ImageConfigBody } from '../../image/config.ts';
import { badRequest } from '../errors.ts';

const VALID = new Set(['cmd', 'entrypoint', 'env', 'expose', 'label', 'onbuild', 'stopsignal', 'user', 'volume', 'workdir']);

/** `["a","b"]` → the list, or null when it is not a JSON string array (then it is shell form). */
function jsonForm(rest: string): string[] | null {
  if (!rest.startsWith('[')) return null;
  try {
    const v = JSON.parse(rest) as unknown;
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;
  } catch {
    return null;
  }
}

function unquote(s: string): string {
  return s.length >= 2 && ((s.startsWith('"') && s.endsWith('"')) || (s.startsWith("'") && s.endsWith("'"))) ? s.slice(1, -1) : s;
}

/** `A=1 B="two words"` or the legacy `A value`. */
function keyValues(rest: string): [string, string][] {
  const words = rest.match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g) ?? [];
  const first = words[0];
  if (first !== undefined && !first.includes('=')) {
    const sp = rest.search(/\s/);
    return [[rest.slice(0, sp < 0 ? rest.length : sp), sp < 0 ? '' : unquote(rest.slice(sp).trim())]];
  }
  return words.map((w) => {
    const eq = w.indexOf('=');
    return [w.slice(0, eq), unquote(w.slice(eq + 1))];
  });
}

export function applyChanges(base: ImageConfigBody, changes: readonly string[]): ImageConfigBody {
  const c: ImageConfigBody = { ...base };
  let cmdSet = false;
  for (const line of changes) {
    const text = line.trim();
    if (!text) continue;
    const sp = text.search(/\s/);
    const word = (sp < 0 ? text : text.slice(0, sp)).toLowerCase();
    const rest = sp < 0 ? '' : text.slice(sp).trim();
    if (!VALID.has(word)) throw badRequest(`${word} is not a valid change command`);
    switch (word) {
      case 'cmd':
        c.Cmd = jsonForm(rest) ?? ['/bin/sh', '-c', rest];
        cmdSet = true;
        break;
      case 'entrypoint':
        c.Entrypoint = jsonForm(rest) ?? ['/bin/sh', '-c', rest];
        if (!cmdSet) c.Cmd = null;
        break;
      case 'env': {
        const env = [...(c.Env ?? [])];
        for (const [k, v] of keyValues(rest)) {
          const i = env.findIndex((e) => e.split('=')[0] === k);
          if (i >= 0) env[i] = `${k}=${v}`;
          else env.push(`${k}=${v}`);
        }
        c.Env = env;
        break;
      }
      case 'label':
        c.Labels = { ...(c.Labels ?? {}), ...Object.fromEntries(keyValues(rest)) };
        break;
      case 'expose': {
        const ports = { ...(c.ExposedPorts ?? {}) };
        for (const p of rest.split(/\s+/).filter(Boolean)) ports[p.includes('/') ? p.toLowerCase() : `${p}/tcp`] = {};
        c.ExposedPorts = ports;
        break;
      }
      case 'onbuild':
        c.OnBuild = [...(c.OnBuild ?? []), rest];
        break;
      case 'stopsignal':
        c.StopSignal = rest;
        break;
      case 'user':
        c.User = rest;
        break;
      case 'volume': {
        const vols = { ...(c.Volumes ?? {}) };
        for (const v of jsonForm(rest) ?? rest.split(/\s+/).filter(Boolean)) vols[v] = {};
        c.Volumes = vols;
        break;
      }
      case 'workdir':
        c.WorkingDir = rest.startsWith('/') ? rest : `${c.WorkingDir && c.WorkingDir !== '/' ? c.WorkingDir : ''}/${rest}`;
        break;
    }
  }
  return c;
}
