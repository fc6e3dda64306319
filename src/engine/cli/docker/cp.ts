/**
 * `docker cp`: files between a container's filesystem and the host's, as tar streams
 * (GET/PUT /containers/{id}/archive; HEAD to stat the destination first). Copies into a
 * container land in its read-write layer. Like Docker 28, a terminal gets a progress line that
 * ends as `Successfully copied 2.05kB to /root/` (the bytes of the tar stream); without a
 * terminal nothing is printed.
 */
import { archiveOf, containerArchiveGet, containerArchivePut, containerStatPath, tarSize, type ArchiveEntry } from '../../daemon/router/archive.ts';
import type { Filesystem } from '../../fs/filesystem.ts';
import { basename, dirname, FS_ERROR_TEXT, normalizePath, resolvePath } from '../../fs/tree.ts';
import { humanSizeWithPrecision } from '../../image/units.ts';
import { bool, StatusError, type Command, type DockerCli } from './command.ts';

/** splitCpArg: `CONTAINER:PATH`, unless the argument is an absolute or `./`-style local path. */
function splitCpArg(arg: string): [string, string] {
  if (arg.startsWith('/')) return ['', arg];
  const i = arg.indexOf(':');
  if (i < 0 || arg.startsWith('.')) return ['', arg];
  return [arg.slice(0, i), arg.slice(i + 1)];
}

/** filepath.Abs + archive.PreserveTrailingDotOrSeparator. */
function localPath(cwd: string, p: string): string {
  const abs = resolvePath(cwd, p);
  if (basename(p) === '.' || p === '.' || p.endsWith('/.')) return abs === '/' ? '/.' : `${abs}/.`;
  if (p.endsWith('/') && abs !== '/') return `${abs}/`;
  return abs;
}

function fail(message: string): StatusError {
  return new StatusError(message, 1);
}

/** Extracts an archive entry into `dir` of a filesystem, under `name`. */
function extract(fs: Filesystem, dir: string, name: string, e: ArchiveEntry, now: number): void {
  const at = dir === '/' ? `/${name}` : `${dir}/${name}`;
  const n = e.node;
  if (n.type === 'dir') {
    if (!fs.isDir(at)) fs.mkdir(at, n.mtime, { mode: n.mode });
    for (const k of e.children) extract(fs, at, k.name, k, now);
  } else if (n.type === 'symlink') {
    if (typeof fs.lookup(at, true) !== 'string') fs.remove(at);
    fs.symlink(n.target, at, n.mtime);
  } else {
    fs.writeFile(at, n.content, n.mtime, { mode: n.mode, size: n.size });
  }
}

function summary(cli: DockerCli, quiet: boolean, header: string, size: number, dest: string): void {
  if (quiet) return;
  const line = `Successfully copied ${humanSizeWithPrecision(size, 3)} to ${dest}\n`;
  // The progress line is saved, drawn and erased with cursor moves (aec) on a live terminal.
  if (cli.ctx.kernel.machine.headless) cli.err(line);
  else cli.err(`\x1b[sPreparing to copy...\x1b[?25l\x1b[u\x1b[2K${header}${humanSizeWithPrecision(size, 3)}\x1b[?25h\x1b[u\x1b[2K${line}`);
}

export const cp: Command = {
  name: 'cp', path: 'docker cp', use: 'docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH',
  short: 'Copy files/folders between a container and the local filesystem', aliases: 'docker container cp, docker cp', args: { kind: 'exact', n: 2 },
  flags: [
    { name: 'archive', short: 'a', type: 'bool', usage: 'Archive mode (copy all uid/gid information)' },
    { name: 'follow-link', short: 'L', type: 'bool', usage: 'Always follow symbol link in SRC_PATH' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached' },
  ],
  *run(cli, f) {
    const [src, dst] = f.args;
    if (src === '') throw fail('source can not be empty');
    if (dst === '') throw fail('destination can not be empty');
    const quiet = f.set.has('quiet') ? bool(f, 'quiet') : !cli.ctx.isatty(1);
    const [srcCtr, srcPath] = splitCpArg(src);
    const [dstCtr, dstPath] = splitCpArg(dst);
    const fs = cli.ctx.fs;
    const cwd = cli.ctx.proc.cwd;
    const now = cli.ctx.now;
    if (srcCtr && dstCtr) throw fail('copying between containers is not supported');
    if (!srcCtr && !dstCtr) throw fail('must specify at least one container source');
    if (dstPath === '-' || srcPath === '-') throw fail('streaming a tar archive through stdin/stdout is not supported in the playground');

    const follow = bool(f, 'follow-link');
    if (srcCtr) {
      // container → host
      const dest = localPath(cwd, dstPath);
      // -L (cli/command/container/cp.go copyFromContainer): a symlink source is replaced by its
      // target, and the copy keeps the link's name (RebaseName).
      let from = srcPath;
      if (follow) {
        const st = containerStatPath(cli.daemon, srcCtr, srcPath);
        if (st?.type === 'symlink') from = st.target.startsWith('/') ? st.target : `${dirname(normalizePath(srcPath.startsWith('/') ? srcPath : `/${srcPath}`))}/${st.target}`;
      }
      const got = containerArchiveGet(cli.daemon, srcCtr, from);
      const entry = from === srcPath ? got : { ...got, name: basename(normalizePath(srcPath)) };
      const isDir = entry.node.type === 'dir';
      const clean = normalizePath(dest);
      const st = fs.lookup(clean);
      let dir: string;
      let name: string;
      if (typeof st !== 'string') {
        if (st.type === 'dir') [dir, name] = [clean, entry.name];
        else if (isDir) throw fail('cannot copy directory');
        else [dir, name] = [dirname(clean), basename(clean)];
      } else {
        const parent = fs.lookup(dirname(clean));
        if (typeof parent === 'string') throw fail(`stat ${dirname(clean)}: ${FS_ERROR_TEXT[parent].toLowerCase()}`);
        if (parent.type !== 'dir') throw fail('not a directory');
        if (!isDir && (dest.endsWith('/') || dest.endsWith('/.'))) throw fail('no such directory');
        [dir, name] = [dirname(clean), basename(clean)];
      }
      extract(fs, dir, name, entry, now);
      summary(cli, quiet, 'Copying from container - ', tarSize(entry), dest);
      return 0;
    }

    // host → container
    const source = localPath(cwd, srcPath);
    // -L (go-archive CopyInfoSourcePath with followLink): resolve a local symlink, keep its name.
    let local = normalizePath(source);
    if (follow) {
      const st = fs.lookup(local, true);
      if (typeof st !== 'string' && st.type === 'symlink') local = normalizePath(st.target.startsWith('/') ? st.target : `${dirname(local)}/${st.target}`);
    }
    const found = archiveOf(fs, local);
    if (typeof found === 'string') throw fail(`lstat ${local}: ${FS_ERROR_TEXT[found].toLowerCase()}`);
    const entry = local === normalizePath(source) ? found : { ...found, name: basename(normalizePath(source)) };
    const isDir = entry.node.type === 'dir';
    const target = dstPath.startsWith('/') ? dstPath : `/${dstPath}`;
    const st = containerStatPath(cli.daemon, dstCtr, target);
    let dir: string;
    let name: string;
    if (st && st.type === 'dir') [dir, name] = [target, entry.name];
    else if (st && isDir) throw fail('cannot copy directory');
    else if (!st && !isDir && (target.endsWith('/') || target.endsWith('/.'))) throw fail('no such directory');
    else [dir, name] = [dirname(normalizePath(target)), basename(normalizePath(target))];
    containerArchivePut(cli.daemon, dstCtr, dir, { ...entry, name }, bool(f, 'archive'));
    summary(cli, quiet, 'Copying to container - ', tarSize(entry), `${dstCtr}:${dstPath}`);
    return 0;
  },
};
