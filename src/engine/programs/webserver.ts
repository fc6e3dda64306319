/**
 * The web servers' request handling: nginx serving `/usr/share/nginx/html` and Apache httpd
 * serving `/usr/local/apache2/htdocs` from the container's filesystem (so files copied or
 * bind-mounted in are served), with their real headers, error pages and access-log lines.
 */
import type { ProcessContext } from '../kernel/context.ts';
import { MONTHS, DAYS } from './util.ts';
import type { HttpRequest, HttpResponse } from '../network/services.ts';

const p2 = (n: number) => String(n).padStart(2, '0');

/** RFC 7231 date: `Tue, 01 Dec 2026 13:54:36 GMT`. */
export function httpDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} GMT`;
}

/** Common log time: `01/Dec/2026:13:54:36 +0000`. */
export function logTime(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

const TYPES: Record<string, string> = {
  html: 'text/html', htm: 'text/html', css: 'text/css', js: 'application/javascript', json: 'application/json', txt: 'text/plain', xml: 'text/xml',
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', ico: 'image/x-icon',
};

function contentType(path: string, fallback: string): string {
  const ext = path.split('/').pop()?.split('.').slice(1).pop()?.toLowerCase() ?? '';
  return TYPES[ext] ?? fallback;
}

interface Found {
  readonly path: string;
  readonly body: string;
  readonly mtime: number;
  readonly size: number;
}

function findFile(ctx: ProcessContext, root: string, urlPath: string, index: string): Found | 'forbidden' | null {
  const clean = decodeURIComponent(urlPath.replace(/[?#].*$/, ''));
  const parts: string[] = [];
  for (const seg of clean.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  let path = `${root}/${parts.join('/')}`.replace(/\/$/, '');
  const fs = ctx.fs;
  if (fs.isDir(path)) {
    path = `${path}/${index}`;
    if (!fs.exists(path)) return 'forbidden';
  }
  const node = fs.lookup(path);
  if (typeof node === 'string' || node.type !== 'file') return null;
  const body = fs.readFile(path);
  if (typeof body !== 'string') return null;
  return { path, body, mtime: node.mtime, size: node.size || body.length };
}


function nginxError(status: number, reason: string, version: string): string {
  return `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

/** nginx's default server: `root /usr/share/nginx/html; index index.html index.htm;`. */
export function nginxHandler(ctx: ProcessContext, log: (line: string) => void, errorLog: (line: string) => void, workerPid: () => number): (req: HttpRequest) => HttpResponse {
  let connections = 0;
  const version = ctx.env.get('NGINX_VERSION') ?? '1.27.4';
  return (req) => {
    const wall = ctx.kernel.clock.wall(ctx.now);
    const ua = req.headers.find(([k]) => k.toLowerCase() === 'user-agent')?.[1] ?? '-';
    const f = findFile(ctx, '/usr/share/nginx/html', req.path, 'index.html');
    let res: HttpResponse;
    if (f === null || f === 'forbidden') {
      const [status, reason] = f === null ? [404, 'Not Found'] : [403, 'Forbidden'];
      const body = nginxError(status, reason, version);
      res = { status, reason, headers: [['Server', `nginx/${version}`], ['Date', httpDate(wall)], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', 'keep-alive']], body };
    } else {
      const mtimeWall = ctx.kernel.clock.wall(f.mtime);
      res = {
        status: 200, reason: 'OK',
        headers: [['Server', `nginx/${version}`], ['Date', httpDate(wall)], ['Content-Type', contentType(f.path, 'application/octet-stream')], ['Content-Length', String(f.body.length)],
          ['Last-Modified', httpDate(mtimeWall)], ['Connection', 'keep-alive'], ['ETag', `"${Math.floor(mtimeWall / 1000).toString(16)}-${f.body.length.toString(16)}"`], ['Accept-Ranges', 'bytes']],
        body: req.method === 'HEAD' ? '' : f.body,
      };
    }
    const sent = req.method === 'HEAD' ? 0 : res.body.length;
    log(`${req.clientIp} - - [${logTime(wall)}] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${sent} "-" "${ua}" "-"\n`);
    const w = workerPid();
    if (f === null) errorLog(`${nginxErrorStamp(wall)} [error] ${w}#${w}: *${++connections} open() "/usr/share/nginx/html${req.path}" failed (2: No such file or directory), client: ${req.clientIp}, server: localhost, request: "${req.method} ${req.path} HTTP/1.1", host: "${req.headers.find(([k]) => k === 'Host')?.[1] ?? ''}"\n`);
    return res;
  };
}

function nginxErrorStamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

/** Apache httpd 2.4 with the image's httpd.conf: DocumentRoot htdocs, common log format. */
export function httpdHandler(ctx: ProcessContext, log: (line: string) => void, version: string): (req: HttpRequest) => HttpResponse {
  const server = `Apache/${version} (Unix)`;
  return (req) => {
    const wall = ctx.kernel.clock.wall(ctx.now);
    const f = findFile(ctx, '/usr/local/apache2/htdocs', req.path, 'index.html');
    let res: HttpResponse;
    if (f === null || f === 'forbidden') {
      const [status, reason, text] = f === null ? [404, 'Not Found', 'The requested URL was not found on this server.'] : [403, 'Forbidden', "You don't have permission to access this resource."];
      const body = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${status} ${reason}</title>\n</head><body>\n<h1>${reason}</h1>\n<p>${text}</p>\n</body></html>\n`;
      res = { status, reason, headers: [['Date', httpDate(wall)], ['Server', server], ['Content-Length', String(body.length)], ['Content-Type', 'text/html; charset=iso-8859-1']], body };
    } else {
      const mtimeWall = ctx.kernel.clock.wall(f.mtime);
      res = {
        status: 200, reason: 'OK',
        headers: [['Date', httpDate(wall)], ['Server', server], ['Last-Modified', httpDate(mtimeWall)], ['ETag', `"${f.body.length.toString(16)}-${(mtimeWall * 1000).toString(16)}"`],
          ['Accept-Ranges', 'bytes'], ['Content-Length', String(f.body.length)], ['Content-Type', contentType(f.path, 'text/plain')]],
        body: req.method === 'HEAD' ? '' : f.body,
      };
    }
    log(`${req.clientIp} - - [${logTime(wall)}] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${req.method === 'HEAD' ? '-' : res.body.length}\n`);
    return res;
  };
}
