/**
 * The HTTP clients: busybox `wget` (alpine, busybox) and `curl` (installed with apk/apt, in some
 * images, and on the host). Each resolves, connects and prints as the real one does, with its
 * real error messages and exit codes.
 */
import type { ProcessContext } from '../kernel/context.ts';
import type { ProgramGenerator } from '../kernel/process.ts';
import { detectDistro } from './packaging.ts';
import { httpRequest, parseUrl } from './netclient.ts';

const CURL_VERSION: Record<string, string> = { alpine: '8.12.1', bookworm: '7.88.1', noble: '8.5.0', jammy: '7.81.0' };

function curlVersion(ctx: ProcessContext): string {
  const d = detectDistro(ctx.fs);
  if (!d) return CURL_VERSION.noble;
  return d.family === 'apk' ? CURL_VERSION.alpine : (CURL_VERSION[d.release] ?? CURL_VERSION.noble);
}

/** busybox's progress bar size column. */
function bbSize(n: number): string {
  return n < 100000 ? String(n).padStart(5) : `${Math.round(n / 1024)}k`.padStart(5);
}

function bbProgress(name: string, size: number): string {
  return `${name.padEnd(20).slice(0, 20)} 100% |********************************| ${bbSize(size)}  0:00:00 ETA\n`;
}

export function* busyboxWget(ctx: ProcessContext): ProgramGenerator {
  ctx.rss(900 * 1024);
  const args = ctx.argv.slice(1);
  let quiet = false;
  let output: string | null = null;
  let spider = false;
  let url = '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-q') quiet = true;
    else if (a === '-O') output = args[++i] ?? '';
    else if (a.startsWith('-O')) output = a.slice(2);
    else if (a === '-qO-' || a === '-qO') {
      quiet = true;
      output = a === '-qO-' ? '-' : (args[++i] ?? '');
    } else if (a === '--spider') spider = true;
    else if (a === '-T' || a === '-U' || a === '--header') i++;
    else if (a.startsWith('-')) continue;
    else url = a;
  }
  if (!url) {
    ctx.err('BusyBox v1.37.0 (2024-12-13 22:10:36 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n');
    return 1;
  }
  const u = parseUrl(url);
  if (!u || (u.scheme !== 'http' && u.scheme !== 'https')) {
    ctx.err(`wget: not an http or ftp url: ${url}\n`);
    return 1;
  }
  yield ctx.sleep(2);
  const r = httpRequest(ctx, u, spider ? 'HEAD' : 'GET', 'Wget');
  if (r.kind === 'resolve') {
    ctx.err(`wget: bad address '${u.host}'\n`);
    return 1;
  }
  if (r.kind !== 'ok') {
    if (r.kind === 'unreachable') yield ctx.sleep(127_000);
    ctx.err(`wget: can't connect to remote host (${r.ip}): ${r.kind === 'refused' ? 'Connection refused' : r.kind === 'nonet' ? 'Network unreachable' : 'Operation timed out'}\n`);
    return 1;
  }
  if (!quiet) ctx.err(`Connecting to ${u.host}${u.port === 80 ? '' : `:${u.port}`} (${r.ip}:${u.port})\n`);
  if (r.res.status >= 400) {
    ctx.err(`wget: server returned error: HTTP/1.1 ${r.res.status} ${r.res.reason}\n`);
    return 1;
  }
  if (spider) {
    if (!quiet) ctx.err('remote file exists\n');
    return 0;
  }
  const body = r.res.body;
  const file = output ?? (u.path.replace(/[?#].*$/, '').split('/').pop() || 'index.html');
  if (file === '-') {
    if (!quiet) ctx.err('writing to stdout\n');
    ctx.out(body);
    if (!quiet) ctx.err(`${bbProgress('-', body.length)}written to stdout\n`);
    return 0;
  }
  if (!quiet) ctx.err(`saving to '${file}'\n`);
  const cwd = ctx.proc.cwd;
  const path = file.startsWith('/') ? file : `${cwd === '/' ? '' : cwd}/${file}`;
  const err = ctx.fs.writeFile(path, body, ctx.now);
  if (err) {
    ctx.err(`wget: can't open '${file}': ${err === 'EROFS' ? 'Read-only file system' : 'No such file or directory'}\n`);
    return 1;
  }
  // The bar is labelled with the file's last path component (bb_get_last_path_component_nostrip).
  if (!quiet) ctx.err(`${bbProgress(file.split('/').pop() || file, body.length)}'${file}' saved\n`);
  return 0;
}

export function* curl(ctx: ProcessContext): ProgramGenerator {
  ctx.rss(2.2 * 1024 * 1024);
  const args = ctx.argv.slice(1);
  let silent = false;
  let showErr = false;
  let head = false;
  let include = false;
  let fail = false;
  let output: string | null = null;
  let remoteName = false;
  let method = 'GET';
  let url = '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--silent') silent = true;
    else if (a === '--show-error') showErr = true;
    else if (a === '--head') head = true;
    else if (a === '--include') include = true;
    else if (a === '--fail') fail = true;
    else if (a === '--output' || a === '-o') output = args[++i] ?? '';
    else if (a === '--remote-name') remoteName = true;
    else if (a === '-X' || a === '--request') method = args[++i] ?? 'GET';
    else if (['-m', '--max-time', '--connect-timeout', '-H', '--header', '-A', '--user-agent', '-d', '--data', '-w', '--write-out', '--retry'].includes(a)) i++;
    else if (/^-[a-zA-Z]+$/.test(a)) {
      for (const ch of a.slice(1)) {
        if (ch === 's') silent = true;
        else if (ch === 'S') showErr = true;
        else if (ch === 'I') head = true;
        else if (ch === 'i') include = true;
        else if (ch === 'f') fail = true;
        else if (ch === 'O') remoteName = true;
      }
    } else if (!a.startsWith('-')) url = a;
  }
  const say = (code: number, msg: string) => {
    if (!silent || showErr) ctx.err(`curl: (${code}) ${msg}\n`);
    return code;
  };
  if (!url) {
    ctx.err("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const u = parseUrl(url);
  if (!u) return say(3, 'URL rejected: Malformed input to a URL function');
  if (u.scheme !== 'http' && u.scheme !== 'https') return say(1, `Protocol "${u.scheme}" not supported`);
  const started = ctx.now;
  yield ctx.sleep(1);
  const r = httpRequest(ctx, u, head ? 'HEAD' : method, `curl/${curlVersion(ctx)}`);
  if (r.kind === 'resolve') return say(6, `Could not resolve host: ${u.host}`);
  if (r.kind !== 'ok') {
    if (r.kind === 'refused' || r.kind === 'nonet') return say(7, `Failed to connect to ${u.host} port ${u.port} after 0 ms: Couldn't connect to server`);
    yield ctx.sleep(134_000);
    return say(28, `Failed to connect to ${u.host} port ${u.port} after ${ctx.now - started} ms: Couldn't connect to server`);
  }
  const res = r.res;
  if (fail && res.status >= 400) return say(22, `The requested URL returned error: ${res.status}`);
  const headers = `HTTP/1.1 ${res.status} ${res.reason}\r\n${res.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  const text = head ? headers : include ? headers + res.body : res.body;
  const file = output ?? (remoteName ? (u.path.split('/').pop() || '') : null);
  if (file !== null && file !== '-') {
    const cwd = ctx.proc.cwd;
    const err = ctx.fs.writeFile(file.startsWith('/') ? file : `${cwd === '/' ? '' : cwd}/${file}`, text, ctx.now);
    if (err) return say(23, `Failure writing output to destination`);
  } else ctx.out(text);
  if (!silent && (file !== null && file !== '-' || !ctx.isatty(1))) {
    const n = text.length;
    const speed = `${Math.max(1, Math.round(n / 1024 / 0.001))}k`;
    ctx.err(`  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n`);
    ctx.err(`100 ${String(n).padStart(5)}  100 ${String(n).padStart(5)}    0     0  ${speed.padStart(5)}      0 --:--:-- --:--:-- --:--:-- ${speed.padStart(5)}\n`);
  }
  return 0;
}

/** `wget`: busybox's applet (alpine, busybox); GNU wget, where installed, gets the same simple fetch. */
export const wget = busyboxWget;
