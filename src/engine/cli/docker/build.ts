/**
 * `docker build` — in Docker 28.5 the CLI forwards it to the buildx plugin (`docker buildx
 * build`; also `docker image build`, `docker builder build`), which talks to dockerd's
 * embedded BuildKit over `/session` and `/grpc` (docker driver). It checks the context and the
 * tags itself (`ERROR: failed to build: unable to prepare context: …`), streams the progress
 * (plain when stderr is not a terminal, the redrawn `[+] Building` frame when it is), and on a
 * failure prints the step's logs, the Dockerfile excerpt and `ERROR: failed to build: failed
 * to solve: …` (exit 1). `docker builder prune` is `docker buildx prune`.
 */
import { BuildFailure, type BuildOptions } from '../../build/solver.ts';
import { PlainPrinter, TtyPrinter, sourceExcerpt, vertexErrorBlock, warningsSummary } from '../../build/printer.ts';
import type { Progress } from '../../build/progress.ts';
import { buildPrune } from '../../daemon/router/build.ts';
import type { FileTree } from '../../fs/tree.ts';
import { basename, resolvePath } from '../../fs/tree.ts';
import { humanDuration, humanSize } from '../../image/units.ts';
import { parseNormalizedNamed, tagNameOnly, type Reference } from '../../image/reference.ts';
import { EOF } from '../../kernel/streams.ts';
import { SIGNALS } from '../../kernel/signals.ts';
import { buildSolve } from '../../daemon/router/build.ts';
import { tabwrite } from '../format/tabwriter.ts';
import { readAll } from '../../programs/util.ts';
import { bool, list, str, type Command, type DockerCli, type Gen, keyValues } from './command.ts';
import type { FlagSpec } from './flags.ts';

const USE = 'docker buildx build [OPTIONS] PATH | URL | -';
const SHORT = 'Start a build';

const BUILD_FLAGS: FlagSpec[] = [
  { name: 'add-host', type: 'list', valueName: 'strings', usage: 'Add a custom host-to-IP mapping (format: "host:ip")' },
  { name: 'allow', type: 'list', valueName: 'stringArray', usage: 'Allow extra privileged entitlement (e.g., "network.host", "security.insecure")' },
  { name: 'annotation', type: 'list', valueName: 'stringArray', usage: 'Add annotation to the image' },
  { name: 'attest', type: 'list', valueName: 'stringArray', usage: 'Attestation parameters (format: "type=sbom,generator=image")' },
  { name: 'build-arg', type: 'list', valueName: 'stringArray', usage: 'Set build-time variables' },
  { name: 'build-context', type: 'list', valueName: 'stringArray', usage: 'Additional build contexts (e.g., name=path)' },
  { name: 'builder', type: 'string', usage: 'Override the configured builder instance', default: '"default"' },
  { name: 'cache-from', type: 'list', valueName: 'stringArray', usage: 'External cache sources (e.g., "user/app:cache", "type=local,src=path/to/dir")' },
  { name: 'cache-to', type: 'list', valueName: 'stringArray', usage: 'Cache export destinations (e.g., "user/app:cache", "type=local,dest=path/to/dir")' },
  { name: 'call', type: 'string', usage: 'Set method for evaluating build ("check", "outline", "targets")', default: '"build"' },
  { name: 'cgroup-parent', type: 'string', usage: 'Set the parent cgroup for the "RUN" instructions during build' },
  { name: 'check', type: 'bool', usage: 'Shorthand for "--call=check"', default: '' },
  { name: 'debug', short: 'D', type: 'bool', usage: 'Enable debug logging' },
  { name: 'file', short: 'f', type: 'string', usage: 'Name of the Dockerfile (default: "PATH/Dockerfile")' },
  { name: 'iidfile', type: 'string', usage: 'Write the image ID to a file' },
  { name: 'label', type: 'list', valueName: 'stringArray', usage: 'Set metadata for an image' },
  { name: 'load', type: 'bool', usage: 'Shorthand for "--output=type=docker"' },
  { name: 'metadata-file', type: 'string', usage: 'Write build result metadata to a file' },
  { name: 'network', type: 'string', usage: 'Set the networking mode for the "RUN" instructions during build', default: '"default"' },
  { name: 'no-cache', type: 'bool', usage: 'Do not use cache when building the image' },
  { name: 'no-cache-filter', type: 'list', valueName: 'stringArray', usage: 'Do not cache specified stages' },
  { name: 'output', short: 'o', type: 'list', valueName: 'stringArray', usage: 'Output destination (format: "type=local,dest=path")' },
  { name: 'platform', type: 'list', valueName: 'stringArray', usage: 'Set target platform for build' },
  { name: 'progress', type: 'string', usage: 'Set type of progress output ("auto", "quiet", "plain", "tty", "rawjson"). Use plain to show container output', default: '"auto"' },
  { name: 'provenance', type: 'string', usage: 'Shorthand for "--attest=type=provenance"' },
  { name: 'pull', type: 'bool', usage: 'Always attempt to pull all referenced images' },
  { name: 'push', type: 'bool', usage: 'Shorthand for "--output=type=registry"' },
  { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress the build output and print image ID on success' },
  { name: 'sbom', type: 'string', usage: 'Shorthand for "--attest=type=sbom"' },
  { name: 'secret', type: 'list', valueName: 'stringArray', usage: 'Secret file to expose to the build (format: "id=mysecret[,src=/local/secret]")' },
  { name: 'shm-size', type: 'bytes', usage: 'Shared memory size for build containers' },
  { name: 'ssh', type: 'list', valueName: 'stringArray', usage: 'SSH agent socket or keys to expose to the build (format: "default|<id>[=<socket>|<key>[,<key>]]")' },
  { name: 'tag', short: 't', type: 'list', valueName: 'stringArray', usage: 'Image identifier (format: "[registry/]repository[:tag]")' },
  { name: 'target', type: 'string', usage: 'Set the target build stage to build' },
  { name: 'ulimit', type: 'string', valueName: 'ulimit', usage: 'Ulimit options', default: '[]' },
];


const fail = (cli: DockerCli, msg: string): number => {
  cli.err(`ERROR: ${msg}\n`);
  return 1;
};

function* runBuild(cli: DockerCli, f: import('./flags.ts').ParsedFlags, path: string): Gen<number> {
  const ctx = cli.ctx;
  if (f.args.length !== 1) {
    cli.err(`ERROR: "${path}" requires exactly 1 argument.\nSee '${path} --help'.\n\nUsage:  ${USE}\n\n${SHORT}\n`);
    return 1;
  }
  const d = cli.daemon;
  const hostFs = ctx.fs as FileTree;
  const cwd = ctx.proc.cwd;
  const progressMode = str(f, 'progress') || 'auto';
  if (!['auto', 'plain', 'tty', 'quiet', 'rawjson', 'none'].includes(progressMode)) return fail(cli, `failed to build: invalid progress mode ${progressMode}`);
  const quiet = bool(f, 'quiet') || progressMode === 'quiet';
  // tags, checked before anything is sent
  const tags: Reference[] = [];
  for (const t of list(f, 'tag')) {
    const r = parseNormalizedNamed(t);
    if (!r.ok) return fail(cli, `failed to build: invalid tag ${JSON.stringify(t)}: ${r.error.message}`);
    tags.push(r.ref.digest ? r.ref : tagNameOnly(r.ref));
  }
  // the context and the Dockerfile
  const arg = f.args[0];
  const fileFlag = str(f, 'file');
  let contextDir = '';
  let dockerfile: string | null = null;
  let stdinUsed = false;
  if (arg === '-') {
    if (fileFlag === '-') return fail(cli, 'failed to build: invalid argument: can\'t use stdin for both build context and dockerfile');
    dockerfile = yield* readAll(cli.ctx);
    stdinUsed = true;
  } else {
    if (/^(https?|git):\/\//.test(arg) || arg.startsWith('git@')) return fail(cli, `failed to build: unable to prepare context: unable to download remote context ${arg}`);
    contextDir = resolvePath(cwd, arg);
    const node = hostFs.lookup(contextDir);
    if (typeof node === 'string') return fail(cli, `failed to build: unable to prepare context: path ${JSON.stringify(arg)} not found`);
    if (node.type !== 'dir') return fail(cli, `failed to build: unable to prepare context: context must be a directory: ${contextDir}`);
  }
  let dockerfileName = 'Dockerfile';
  if (!stdinUsed) {
    if (fileFlag === '-') dockerfile = yield* readAll(cli.ctx);
    else {
      const dfPath = fileFlag ? resolvePath(cwd, fileFlag) : `${contextDir === '/' ? '' : contextDir}/Dockerfile`;
      dockerfileName = fileFlag ? basename(fileFlag) : 'Dockerfile';
      const n = hostFs.lookup(dfPath);
      dockerfile = typeof n !== 'string' && n.type === 'file' ? n.content : null;
    }
  }
  const buildArgs = new Map<string, string>();
  for (const a of list(f, 'build-arg')) {
    const eq = a.indexOf('=');
    if (eq >= 0) buildArgs.set(a.slice(0, eq), a.slice(eq + 1));
    else if (ctx.env.has(a)) buildArgs.set(a, ctx.env.get(a)!);
  }
  const labels = keyValues(list(f, 'label'));
  const opts: BuildOptions = {
    dockerfileName, dockerfile, hostFs, contextDir: contextDir || '/nonexistent-context', tags, buildArgs, labels,
    target: str(f, 'target'), noCache: bool(f, 'no-cache'), pull: bool(f, 'pull'),
  };

  // progress
  const machine = ctx.kernel.machine;
  const fancy = !quiet && (progressMode === 'tty' || (progressMode === 'auto' && ctx.isatty(2) && !machine.headless));
  const errWrite = (s: string) => ctx.write(s, 2);
  let tty: TtyPrinter | null = null;
  let progress: Progress | null = null;
  const quietLog: string[] = [];
  const onStart = (p: Progress) => {
    progress = p;
    if (quiet) {
      const plain = new PlainPrinter((s) => quietLog.push(s));
      p.on((e) => plain.event(e));
    } else if (fancy) {
      tty = new TtyPrinter(p, () => machine.terminalWidth?.() ?? 80, errWrite, () => machine.terminalHeight?.() ?? 30);
      tty.draw();
      p.on(() => tty?.draw());
    } else {
      const plain = new PlainPrinter(errWrite);
      p.on((e) => plain.event(e));
    }
  };
  // Ctrl-C (buildx cancels the solve's context): the steps in flight end CANCELED, the error is
  // printed, and the client exits 1; the daemon tears the RUN sandbox down (buildSolve's finally).
  ctx.onSignal(SIGNALS.SIGINT, () => {
    (progress as Progress | null)?.cancel();
    if (tty) (tty as TtyPrinter).draw(true);
    errWrite('ERROR: failed to build: failed to solve: Canceled: context canceled\n');
    ctx.kernel.terminate(ctx.proc, { code: 1 });
  });
  try {
    const r = yield* buildSolve(d, opts, onStart);
    if (tty) (tty as TtyPrinter).draw(true);
    const warnings = r.warnings.map((w) => `${w.rule}: ${w.message} (line ${w.line})`);
    if (!quiet) errWrite(warningsSummary(warnings));
    if (quiet) cli.out(`${r.imageId}\n`);
    const iid = str(f, 'iidfile');
    if (iid) hostFs.writeFile(resolvePath(cwd, iid), r.imageId, d.now);
    return 0;
  } catch (e) {
    if (!(e instanceof BuildFailure)) throw e;
    if (tty) (tty as TtyPrinter).draw(true);
    let out = '';
    if (quiet && (progress as Progress | null)?.vertices.length) out += quietLog.join('');
    if (e.vertex) out += vertexErrorBlock(e.vertex);
    if (e.loc && dockerfile !== null) out += sourceExcerpt(dockerfileName, dockerfile, e.loc);
    out += `ERROR: failed to build: failed to solve: ${e.message}\n`;
    errWrite(out);
    return 1;
  }
}

export const build: Command = {
  name: 'build', path: 'docker buildx build', use: USE, short: SHORT,
  aliases: 'docker buildx build, docker builder build, docker image build, docker buildx b', args: { kind: 'any' }, flags: BUILD_FLAGS,
  *run(cli, f) {
    return yield* runBuild(cli, f, 'docker buildx build');
  },
};

// ── docker builder prune (= docker buildx prune) ──────────────────────────────────────────

const NORMAL_WARNING = 'WARNING! This will remove all dangling build cache. Are you sure you want to continue?';
const ALL_WARNING = 'WARNING! This will remove all build cache. Are you sure you want to continue?';

export const builderPrune: Command = {
  name: 'prune', path: 'docker buildx prune', use: 'docker buildx prune', short: 'Remove build cache',
  aliases: 'docker builder prune, docker buildx prune', args: { kind: 'none' },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Include internal/frontend images' },
    { name: 'builder', type: 'string', usage: 'Override the configured builder instance', default: '"default"' },
    { name: 'debug', short: 'D', type: 'bool', usage: 'Enable debug logging' },
    { name: 'filter', type: 'list', valueName: 'filter', usage: 'Provide filter values (e.g., "until=24h")' },
    { name: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
    { name: 'max-used-space', type: 'bytes', usage: 'Maximum amount of disk space allowed to keep for cache' },
    { name: 'min-free-space', type: 'bytes', usage: 'Target amount of free disk space after pruning' },
    { name: 'reserved-space', type: 'bytes', usage: 'Amount of disk space always allowed to keep for cache' },
    { name: 'verbose', type: 'bool', usage: 'Provide a more verbose output' },
  ],
  *run(cli, f) {
    const all = bool(f, 'all');
    if (!bool(f, 'force')) {
      cli.out(`${all ? ALL_WARNING : NORMAL_WARNING} [y/N] `);
      const answer = yield cli.ctx.read(0, { line: true });
      if (answer === EOF || typeof answer !== 'string' || answer.trim().toLowerCase() !== 'y') return 0;
    }
    const { deleted, reclaimed } = buildPrune(cli.daemon, all);
    const now = cli.daemon.now;
    const opts = { minwidth: 1, tabwidth: 8, padding: 1, padchar: '\t', flags: 0 };
    if (deleted.length > 0) {
      let table = 'ID\tRECLAIMABLE\tSIZE\tLAST ACCESSED\n';
      for (const r of deleted) {
        const id = r.Mutable ? `${r.ID}*` : r.ID;
        const size = humanSize(r.Size) + (r.Shared ? '*' : '');
        table += `${id.padEnd(40)}\t${String(!r.InUse).padEnd(5)}\t${size.padEnd(10)}\t${humanDuration(now - r.LastUsedAt)} ago\n`;
      }
      cli.out(tabwrite(table, opts));
    }
    cli.out(tabwrite(`Total:\t${humanSize(reclaimed)}\n`, opts));
    return 0;
  },
};

/** `docker builder` / `docker buildx` with no subcommand (buildx's root help, abridged to what is simulated). */
export const BUILDER_HELP = `
Usage:  docker buildx [OPTIONS] COMMAND

Extended build capabilities with BuildKit

Options:
      --builder string   Override the configured builder instance (default "default")
  -D, --debug            Enable debug logging

Management Commands:
  imagetools  Commands to work on images in registry

Commands:
  bake        Build from a file
  build       Start a build
  create      Create a new builder instance
  dial-stdio  Proxy current stdio streams to builder instance
  du          Disk usage
  inspect     Inspect current builder instance
  ls          List builder instances
  prune       Remove build cache
  rm          Remove one or more builder instances
  stop        Stop builder instance
  use         Set the current builder instance
  version     Show buildx version information

Run 'docker buildx COMMAND --help' for more information on a command.
`;
