/**
 * pg_isready (postgres src/bin/scripts/pg_isready.c): pings the server the way libpq's
 * PQpingParams does and prints `HOST:PORT - accepting connections` (exit 0) or `- no response`
 * (exit 2), as compose healthchecks and wait loops use it.
 */
import type { ProcessContext } from '../kernel/context.ts';
import type { ProgramGenerator } from '../kernel/process.ts';
import { aliveFn, netnsOf, resolveName } from './netclient.ts';
import { MiB } from './util.ts';

export function* pgIsready(ctx: ProcessContext): ProgramGenerator {
  ctx.rss(2.1 * MiB);
  const args = ctx.argv.slice(1);
  let host = ctx.env.get('PGHOST') || '';
  let port = Number(ctx.env.get('PGPORT') || 5432);
  let quiet = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-h' || a === '--host') host = args[++i] ?? '';
    else if (a.startsWith('--host=')) host = a.slice(7);
    else if (a === '-p' || a === '--port') port = Number(args[++i] ?? '');
    else if (a.startsWith('--port=')) port = Number(a.slice(7));
    else if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-U' || a === '--username' || a === '-d' || a === '--dbname' || a === '-t' || a === '--timeout') i++;
    else if (a === '--version' || a === '-V') {
      ctx.out('pg_isready (PostgreSQL) 17.4 (Debian 17.4-1.pgdg120+2)\n');
      return 0;
    }
  }
  const local = host === '' || host.startsWith('/');
  const shown = `${local ? host || '/var/run/postgresql' : host}:${port}`;
  let ok = false;
  const r = local ? { ip: '127.0.0.1' } : resolveName(ctx, host);
  if (r) {
    const c = ctx.kernel.net.connect({ netns: netnsOf(ctx) }, r.ip, port, aliveFn(ctx));
    ok = c.ok && c.service.proto === 'pgsql';
  }
  yield ctx.sleep(1);
  if (!quiet) ctx.out(`${shown} - ${ok ? 'accepting connections' : 'no response'}\n`);
  return ok ? 0 : 2;
}
