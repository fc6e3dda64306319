/**
 * A scenario's URL form (design.md §3.4): `#/s/<base64url(deflate-raw(JSON))>`. Compression uses
 * the platform's CompressionStream('deflate-raw') (Chromium, Node ≥ 20), so nothing is added to
 * the bundle.
 *
 * Decoding treats the fragment as hostile: the encoded text is capped before anything else is
 * done, inflation stops as soon as the output passes the decoded cap (a deflate bomb costs at most
 * that much), and the JSON is validated by `parseScenario` — a scenario is accepted whole or not
 * at all.
 */
import { parseScenario, ScenarioError, type Scenario } from './format.ts';

export const HASH_PREFIX = '#/s/';
/** Caps: the encoded fragment, and the JSON it inflates to. */
export const MAX_ENCODED = 16 * 1024;
export const MAX_DECODED = 256 * 1024;

/** True when a location hash carries a scenario (`#/s/…`). */
export function isScenarioHash(hash: string): boolean {
  return hash.startsWith(HASH_PREFIX);
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new ScenarioError('not-base64');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    throw new ScenarioError('not-base64');
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pump(stream: { readonly writable: WritableStream<BufferSource>; readonly readable: ReadableStream<Uint8Array> }, input: Uint8Array<ArrayBuffer>, cap: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // Errors surface on the reader; the writer's promises are only kept from going unhandled.
  writer.write(input).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > cap) {
      reader.cancel().catch(() => {});
      throw new ScenarioError('too-large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The scenario's JSON, compact and in a stable key order. */
export function scenarioJson(s: Scenario): string {
  return JSON.stringify({
    v: s.v, title: s.title, lang: s.lang, host: { cpus: s.host.cpus, memory: s.host.memory, seed: s.host.seed },
    files: s.files, steps: s.steps.map((st) => ({ run: st.run, ...(st.say !== undefined ? { say: st.say } : {}), ...(st.pause ? { pause: true } : {}) })),
    ...(s.goals ? { goals: s.goals } : {}),
  });
}

/** `#/s/…` for a scenario. */
export async function encodeScenario(s: Scenario): Promise<string> {
  const bytes = new TextEncoder().encode(scenarioJson(s));
  const packed = await pump(new CompressionStream('deflate-raw'), bytes, Infinity);
  return HASH_PREFIX + toBase64Url(packed);
}

/** Decodes a `#/s/…` fragment (or just its payload; a `?…` suffix is ignored); throws ScenarioError on anything wrong. */
export async function decodeScenario(hash: string): Promise<Scenario> {
  let payload = hash.startsWith(HASH_PREFIX) ? hash.slice(HASH_PREFIX.length) : hash;
  // Options may follow the payload in the fragment (`#/s/…?present`).
  const q = payload.indexOf('?');
  if (q >= 0) payload = payload.slice(0, q);
  if (payload.length > MAX_ENCODED) throw new ScenarioError('too-long');
  if (!payload) throw new ScenarioError('not-base64');
  const bytes = fromBase64Url(payload);
  let inflated: Uint8Array;
  try {
    inflated = await pump(new DecompressionStream('deflate-raw'), bytes, MAX_DECODED);
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    throw new ScenarioError('not-deflate');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    throw new ScenarioError('not-json');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ScenarioError('not-json');
  }
  return parseScenario(data);
}
