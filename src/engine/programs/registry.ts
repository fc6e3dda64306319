/**
 * The `registry:2` image's programs: `/entrypoint.sh` (distribution-library's
 * docker-entrypoint.sh: a `*.yml` argument means `registry serve "$@"`) and `registry serve
 * <config>` — Distribution 2.8.3, logging with logrus's text formatter to stderr, serving the
 * Distribution API on `http.addr` (`:5000`) from the storage under `/var/lib/registry` of its
 * own filesystem (the container's, or a volume mounted there). The daemon reaches it through
 * the container's published port (engine/registry/registries.ts); curl through the network's
 * listener when the network stack is there.
 */
import type { ProcessContext } from '../kernel/context.ts';
import type { ProgramGenerator } from '../kernel/process.ts';
import { SIGNALS } from '../kernel/signals.ts';
import { DistributionRegistry } from '../registry/distribution.ts';
import { registriesOf } from '../registry/registries.ts';
import { sha256Hex } from '../image/digest.ts';
import { MiB, wallDate, MONTHS } from './util.ts';
import { DOCKER_GIT_COMMIT, DOCKER_VERSION, GO_VERSION as GO_VERSION_DOCKER, KERNEL_RELEASE } from '../versions.ts';

const VERSION = '2.8.3';
/** The User-Agent dockerd sends to registries (moby `dockerversion/useragent.go`). */
const DAEMON_AGENT = `docker/${DOCKER_VERSION} go/${GO_VERSION_DOCKER} git-commit/${DOCKER_GIT_COMMIT} kernel/${KERNEL_RELEASE} os/linux arch/amd64 UpstreamClient(Docker-Client/${DOCKER_VERSION} \\(linux\\))`;
const GO_VERSION = 'go1.20.8';

/** /entrypoint.sh of the registry image. */
export function* registryEntrypoint(ctx: ProcessContext): ProgramGenerator {
  let args = ctx.argv.slice(1);
  const first = args[0] ?? '';
  if (/\.ya?ml$/.test(first)) args = ['registry', 'serve', ...args];
  else if (['serve', 'garbage-collect', 'help'].includes(first) || first.startsWith('-')) args = ['registry', ...args];
  if (args.length === 0) return 0;
  const r = ctx.kernel.machine.resolve(ctx.proc, args[0], ctx.env.get('PATH') ?? '');
  if ('error' in r) {
    ctx.err(`/entrypoint.sh: exec: line 10: ${args[0]}: not found\n`);
    return 127;
  }
  yield { kind: 'exec', argv: args, program: r.program, comm: r.comm };
  return 0;
}

/** The `http: addr:` of a registry config (`:5000`), overridden by REGISTRY_HTTP_ADDR. */
function listenAddr(ctx: ProcessContext, configPath: string): string {
  const env = ctx.env.get('REGISTRY_HTTP_ADDR');
  if (env) return env;
  const node = ctx.fs.lookup(configPath);
  if (typeof node !== 'string' && node.type === 'file') {
    const text = node.content;
    const m = /^http:\s*\n(?:[ \t]+.*\n)*?[ \t]+addr:\s*(\S+)/m.exec(text);
    if (m) return m[1];
  }
  return ':5000';
}


/** `registry serve CONFIG` (and `registry --version`). */
export function* registryMain(ctx: ProcessContext): ProgramGenerator {
  const args = ctx.argv.slice(1);
  if (args[0] === '--version' || args[0] === '-v') {
    ctx.out(`registry github.com/docker/distribution v${VERSION}\n`);
    return 0;
  }
  if (args[0] !== 'serve') {
    ctx.err('`registry`\n\nUsage:\n  registry [flags]\n  registry [command]\n\nAvailable Commands:\n  garbage-collect `garbage-collect` deletes layers not referenced by any manifests\n  help            Help about any command\n  serve           `serve` stores and distributes Docker images\n\nFlags:\n  -h, --help=false: help for registry\n  -v, --version=false: show the version and exit\n\n');
    return 0;
  }
  const configPath = args[1] ?? ctx.env.get('REGISTRY_CONFIGURATION_PATH') ?? '';
  if (!configPath || !ctx.fs.exists(configPath)) {
    ctx.err(`configuration error: open ${configPath}: no such file or directory\n`);
    return 1;
  }
  ctx.rss(11 * MiB);
  const addr = listenAddr(ctx, configPath);
  const port = Number(addr.split(':').pop()) || 5000;
  const h = sha256Hex(`registry instance ${ctx.proc.hostPid} ${ctx.now}`);
  const instance = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
  const fields = `go.version=${GO_VERSION} instance.id=${instance} service=registry version=${VERSION}`;
  let micros = parseInt(h.slice(32, 38), 16) % 400_000;
  const log = (level: string, msg: string) => {
    micros += 37 + (parseInt(sha256Hex(msg).slice(0, 4), 16) % 180);
    // logrus: RFC3339Nano (trailing zeros of the fraction trimmed).
    const iso = wallDate(ctx).toISOString();
    const nanos = (Number(iso.slice(20, 23)) * 1_000_000 + micros * 1000 + (micros % 997)) % 1_000_000_000;
    const frac = String(nanos).padStart(9, '0').replace(/0+$/, '');
    ctx.err(`time="${iso.slice(0, 19)}${frac ? `.${frac}` : ''}Z" level=${level} msg=${JSON.stringify(msg)} ${fields}\n`);
  };
  const regs = registriesOf(ctx.kernel);
  const registry = new DistributionRegistry({ host: `localhost:${port}`, fs: ctx.fs, root: '/var/lib/registry', contents: regs.contents, now: () => ctx.kernel.clock.now });
  log('warning', 'No HTTP secret provided - generated random secret. This may cause problems with uploads if multiple registries are behind a load-balancer. To provide a shared secret, fill in http.secret in the configuration file or set the REGISTRY_HTTP_SECRET environment variable.');
  log('info', 'redis not configured');
  log('info', 'Starting upload purge in 20m0s');
  log('info', 'using inmemory blob descriptor cache');
  log('info', `listening on [::]:${port}`);
  const containerId = ctx.proc.containerId ?? '';
  for (const [pid, s] of regs.servers) if (s.containerId === containerId) regs.servers.delete(pid);
  regs.servers.set(ctx.proc.hostPid, { containerId, port, registry });
  regs.touch();
  /** The combined access log line gorilla/handlers writes for each request. */
  const access = (clientIp: string, method: string, path: string, status: number, bytes: number, agent: string) => {
    const d = wallDate(ctx);
    const stamp = `${String(d.getUTCDate()).padStart(2, '0')}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${d.toISOString().slice(11, 19)} +0000`;
    // gorilla/handlers appendQuoted escapes backslashes and quotes.
    const quoted = agent.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    ctx.out(`${clientIp} - - [${stamp}] "${method} ${path} HTTP/1.1" ${status} ${bytes} "" "${quoted}"\n`);
  };
  // The daemon reaches the registry through docker-proxy: the bridge gateway is the client.
  registry.onAccess = (method, path, status, bytes) => access('172.17.0.1', method, path, status, bytes, DAEMON_AGENT);
  const net = (ctx.kernel as { net?: import('../network/controller.ts').NetworkController }).net;
  if (net) {
    net.listen(
      {
        netns: ctx.proc.ns.net.inode, address: '::', port, transport: 'tcp', pid: ctx.proc.hostPid,
        service: {
          proto: 'http',
          handle(req) {
            const r = registry.handle(req.method, req.path);
            const agent = req.headers.find(([k]) => k.toLowerCase() === 'user-agent')?.[1] ?? '';
            access(req.clientIp, req.method, req.path, r.status, new TextEncoder().encode(r.body).length, agent);
            // net/http writes the handler's headers sorted by name, then Date.
            const headers = Object.entries(r.headers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
            headers.push(['Date', wallDate(ctx).toUTCString()]);
            return { status: r.status, reason: REASONS[r.status] ?? '', headers, body: r.body };
          },
        },
      },
      (pid) => ctx.kernel.processes.get(pid)?.alive ?? false,
    );
  }
  // Distribution 2.8 only handles SIGTERM when http.draintimeout is set (it is not here), so the
  // Go runtime's default applies: as PID 1 the re-raised signal is ignored and it exits 2
  // (runtime.dieFromSignal); elsewhere the signal kills it.
  let stop = false;
  if (ctx.pid === 1) {
    const onStop = () => {
      stop = true;
      ctx.interrupt();
    };
    ctx.onSignal(SIGNALS.SIGTERM, onStop);
    ctx.onSignal(SIGNALS.SIGINT, onStop);
  }
  while (!stop) yield ctx.pause();
  regs.servers.delete(ctx.proc.hostPid);
  regs.touch();
  return 2;
}

const REASONS: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 405: 'Method Not Allowed' };
