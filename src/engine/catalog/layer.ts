/**
 * Catalog layers as data: a compact file-list spec turned into tar entries on first use.
 *
 * Spec lines (whitespace-separated; `#` starts a comment line):
 *   d MODE PATH…            directories (octal mode: 755, 1777, 700)
 *   x DIR NAME=SIZE…        executables (0755) in DIR
 *   f MODE DIR NAME=SIZE…   other regular files with content-less sizes
 *   l DIR NAME>TARGET…      symlinks in DIR
 *   t MODE PATH…            text files; content from the layer's `texts`
 *   o UID:GID PATH…         owner of entries declared above
 *   w PATH…                 whiteouts (delete PATH from lower layers)
 *   q DIR…                  opaque directories (hide lower content)
 * Parent directories a layer does not list are created at unpack time (0755, root).
 */
import { byteLength } from '../fs/tree.ts';
import { opaqueMarkerFor, whiteoutFor, type LayerFile } from '../image/layer.ts';

/** A layer on the simulated Docker Hub. */
export interface CatalogLayer {
  /** Stable key, unique in the catalog (`debian:bookworm-slim`, `nginx:1.27/run`). */
  readonly key: string;
  /** The instruction that produced it (its history `created_by`). */
  readonly createdBy: string;
  /** RFC 3339; also the mtime of its files. */
  readonly created: string;
  /** Uncompressed size in bytes (DiffSize: `docker history` SIZE). */
  readonly size: number;
  /** Compressed blob size in bytes (pull progress totals). */
  readonly compressedSize: number;
  /** The tar entries (built on first access). */
  readonly files: readonly LayerFile[];
}

export interface LayerSpec {
  readonly key: string;
  readonly createdBy: string;
  readonly created: string;
  readonly size: number;
  readonly compressedSize: number;
  readonly spec?: string;
  readonly texts?: Readonly<Record<string, string>>;
}

/** Parses a spec into tar entries (all with the same mtime, Unix seconds). */
export function parseSpec(spec: string, texts: Readonly<Record<string, string>>, mtime: number): LayerFile[] {
  const out = new Map<string, LayerFile>();
  const put = (f: Omit<LayerFile, 'uid' | 'gid' | 'mtime' | 'content' | 'target'> & Partial<LayerFile>) =>
    out.set(f.path, { uid: 0, gid: 0, mtime, content: '', target: '', ...f });
  const join = (dir: string, name: string) => (dir === '/' ? `/${name}` : `${dir}/${name}`);
  for (const raw of spec.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [op, ...args] = line.split(/\s+/);
    switch (op) {
      case 'd': {
        const mode = parseInt(args[0], 8);
        for (const p of args.slice(1)) put({ path: p, type: 'dir', mode, size: 4096 });
        break;
      }
      case 'x':
      case 'f': {
        const mode = op === 'x' ? 0o755 : parseInt(args[0], 8);
        const dir = op === 'x' ? args[0] : args[1];
        for (const item of args.slice(op === 'x' ? 1 : 2)) {
          const eq = item.lastIndexOf('=');
          put({ path: join(dir, item.slice(0, eq)), type: 'file', mode, size: Number(item.slice(eq + 1)) });
        }
        break;
      }
      case 'l':
        for (const item of args.slice(1)) {
          const gt = item.indexOf('>');
          const target = item.slice(gt + 1);
          put({ path: join(args[0], item.slice(0, gt)), type: 'symlink', mode: 0o777, size: target.length, target });
        }
        break;
      case 't': {
        const mode = parseInt(args[0], 8);
        for (const p of args.slice(1)) {
          const content = texts[p];
          if (content === undefined) throw new Error(`catalog: no text for ${p}`);
          put({ path: p, type: 'file', mode, size: byteLength(content), content });
        }
        break;
      }
      case 'o': {
        const [uid, gid] = args[0].split(':').map(Number);
        for (const p of args.slice(1)) {
          const f = out.get(p);
          if (!f) throw new Error(`catalog: owner for undeclared ${p}`);
          out.set(p, { ...f, uid, gid });
        }
        break;
      }
      case 'w':
        for (const p of args) {
          const w = whiteoutFor(p, mtime);
          out.set(w.path, w);
        }
        break;
      case 'q':
        for (const p of args) {
          const q = opaqueMarkerFor(p, mtime);
          out.set(q.path, q);
        }
        break;
      default:
        throw new Error(`catalog: bad spec line: ${line}`);
    }
  }
  return [...out.values()];
}

/** A catalog layer whose files are parsed lazily (and once). */
export function layer(s: LayerSpec): CatalogLayer {
  let files: readonly LayerFile[] | null = null;
  return {
    key: s.key,
    createdBy: s.createdBy,
    created: s.created,
    size: s.size,
    compressedSize: s.compressedSize,
    get files() {
      if (!files) files = Object.freeze(parseSpec(s.spec ?? '', s.texts ?? {}, Math.floor(Date.parse(s.created) / 1000)));
      return files;
    },
  };
}
