/**
 * The redis wire protocol on both ends: the keyspace redis-server answers from (PING, ECHO,
 * SET/GET/DEL/EXISTS, INCR/DECR/INCRBY, APPEND, KEYS, DBSIZE, FLUSHALL, TYPE, TTL) and
 * `redis-cli [-h host] [-p port] [command…]`, which prints replies as redis-cli does: typed
 * (`(integer) 1`, `"bar"`, `(nil)`) on a terminal, raw when its output is a pipe or a log.
 */
import type { ProcessContext } from '../kernel/context.ts';
import { globToRegExp } from '../cli/shell/expand.ts';
import type { ProgramGenerator } from '../kernel/process.ts';
import type { RespReply } from '../network/services.ts';
import { aliveFn, containerOfNetns, netnsOf, resolveName } from './netclient.ts';
import { isEof } from './util.ts';

const OK: RespReply = { type: 'status', value: 'OK' };
const err = (value: string): RespReply => ({ type: 'error', value });
const int = (value: number): RespReply => ({ type: 'integer', value });
const bulk = (value: string | null): RespReply => ({ type: 'bulk', value });

/** One redis database: executes a command against the keyspace. */
export function redisExecute(db: Map<string, string>, args: readonly string[]): RespReply {
  const [name = '', ...rest] = args;
  const cmd = name.toLowerCase();
  const arity = (n: number) => rest.length < n;
  const wrongArgs = () => err(`ERR wrong number of arguments for '${cmd}' command`);
  const incrBy = (key: string, by: number): RespReply => {
    const cur = db.get(key) ?? '0';
    if (!/^-?\d+$/.test(cur)) return err('ERR value is not an integer or out of range');
    const next = Number(cur) + by;
    db.set(key, String(next));
    return int(next);
  };
  switch (cmd) {
    case 'ping': return rest.length ? bulk(rest[0]) : { type: 'status', value: 'PONG' };
    case 'echo': return arity(1) ? wrongArgs() : bulk(rest[0]);
    case 'set': if (arity(2)) return wrongArgs(); db.set(rest[0], rest[1]); return OK;
    case 'get': return arity(1) ? wrongArgs() : bulk(db.get(rest[0]) ?? null);
    case 'del': { if (arity(1)) return wrongArgs(); let n = 0; for (const k of rest) if (db.delete(k)) n++; return int(n); }
    case 'exists': return arity(1) ? wrongArgs() : int(rest.filter((k) => db.has(k)).length);
    case 'incr': return arity(1) ? wrongArgs() : incrBy(rest[0], 1);
    case 'decr': return arity(1) ? wrongArgs() : incrBy(rest[0], -1);
    case 'incrby': return arity(2) ? wrongArgs() : /^-?\d+$/.test(rest[1]) ? incrBy(rest[0], Number(rest[1])) : err('ERR value is not an integer or out of range');
    case 'append': { if (arity(2)) return wrongArgs(); const v = (db.get(rest[0]) ?? '') + rest[1]; db.set(rest[0], v); return int(v.length); }
    case 'keys': { if (arity(1)) return wrongArgs(); const re = globToRegExp(rest[0]); return { type: 'array', value: [...db.keys()].filter((k) => re.test(k)).map((k) => bulk(k)) }; }
    case 'dbsize': return int(db.size);
    case 'flushall': case 'flushdb': db.clear(); return OK;
    case 'type': return arity(1) ? wrongArgs() : { type: 'status', value: db.has(rest[0]) ? 'string' : 'none' };
    case 'ttl': return arity(1) ? wrongArgs() : int(db.has(rest[0]) ? -1 : -2);
    default: return err(`ERR unknown command '${name}', with args beginning with: ${rest.map((a) => `'${a}' `).join('')}`);
  }
}

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** redis-cli's output of a reply (cliFormatReplyTTY / cliFormatReplyRaw). */
export function formatReply(r: RespReply, tty: boolean, indent = ''): string {
  if (!tty) {
    switch (r.type) {
      case 'status': return r.value;
      case 'error': return r.value;
      case 'integer': return String(r.value);
      case 'bulk': return r.value ?? '';
      case 'array': return r.value.map((x) => formatReply(x, false)).join('\n');
    }
  }
  switch (r.type) {
    case 'status': return r.value;
    case 'error': return `(error) ${r.value}`;
    case 'integer': return `(integer) ${r.value}`;
    case 'bulk': return r.value === null ? '(nil)' : quote(r.value);
    case 'array': {
      if (r.value.length === 0) return '(empty array)';
      const w = String(r.value.length).length;
      return r.value.map((x, i) => `${i === 0 ? '' : indent}${String(i + 1).padStart(w)}) ${formatReply(x, true, `${indent}${' '.repeat(w + 2)}`)}`).join('\n');
    }
  }
}

/** Splits an interactive line as redis-cli's sdssplitargs does (quotes). */
function splitArgs(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]));
  return out;
}

export function* redisCli(ctx: ProcessContext): ProgramGenerator {
  ctx.rss(1.6 * 1024 * 1024);
  const args = ctx.argv.slice(1);
  let host = '127.0.0.1';
  let port = 6379;
  let i = 0;
  for (; i < args.length; i++) {
    if (args[i] === '-h') host = args[++i] ?? host;
    else if (args[i] === '-p') port = Number.parseInt(args[++i] ?? '', 10) || 0; // atoi
    else if (args[i] === '--raw' || args[i] === '--no-raw') continue;
    else if (args[i] === '--version' || args[i] === '-v') {
      ctx.out('redis-cli 7.4.1\n');
      return 0;
    } else break;
  }
  const command = args.slice(i);
  const raw = args.includes('--raw') || (!args.includes('--no-raw') && !ctx.isatty(1));
  const net = ctx.kernel.net;
  const netns = netnsOf(ctx);
  const connect = () => {
    const r = resolveName(ctx, host);
    if (!r) return `Could not connect to Redis at ${host}:${port}: Name or service not known`;
    const c = net.connect({ netns }, r.ip, port, aliveFn(ctx));
    if (!c.ok || c.service.proto !== 'resp') return `Could not connect to Redis at ${host}:${port}: ${c.ok || c.error === 'refused' ? 'Connection refused' : c.error === 'nonet' ? 'Network is unreachable' : 'Connection timed out'}`;
    return { service: c.service, clientIp: c.clientIp, to: c.server, toContainer: c.containerId };
  };
  const send = (conn: Exclude<ReturnType<typeof connect>, string>, argv: readonly string[]): RespReply => {
    const reply = conn.service.handle(argv, conn.clientIp);
    net.record({ kind: 'resp', from: conn.clientIp, to: conn.to, fromContainer: containerOfNetns(ctx, netns), toContainer: conn.toContainer, detail: argv.join(' ').slice(0, 60), ok: reply.type !== 'error' });
    return reply;
  };
  if (command.length) {
    const conn = connect();
    if (typeof conn === 'string') {
      ctx.err(`${conn}\n`);
      return 1;
    }
    yield ctx.sleep(1);
    const reply = send(conn, command);
    ctx.out(`${formatReply(reply, !raw)}\n`);
    return 0;
  }
  // Interactive: a prompt per command until EOF or `quit`.
  let conn = connect();
  const prompt = () => (typeof conn === 'string' ? 'not connected> ' : `${host}:${port}> `);
  if (typeof conn === 'string') ctx.err(`${conn}\n`);
  for (;;) {
    const line = yield ctx.read(0, { line: true, prompt: prompt() });
    if (isEof(line) || typeof line !== 'string') return 0;
    const argv = splitArgs(line);
    if (argv.length === 0) continue;
    if (['quit', 'exit'].includes(argv[0].toLowerCase())) return 0;
    if (typeof conn === 'string') {
      conn = connect();
      if (typeof conn === 'string') {
        ctx.err(`${conn}\n`);
        continue;
      }
    }
    ctx.out(`${formatReply(send(conn, argv), true)}\n`);
  }
}
