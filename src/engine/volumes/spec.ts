/**
 * Mount specifications as the CLI and the daemon parse them:
 *
 * - `-v`/`--volume` on the CLI side: docker/cli cli/compose/loader/volume.go ParseVolume (then
 *   cli/command/container/opts.go: a spec with a source becomes a `Binds` entry, one without
 *   becomes an anonymous `Config.Volumes` entry);
 * - `--mount` on the CLI side: docker/cli opts/mount.go MountOpt.Set (CSV `key=value` fields);
 * - `Binds` on the daemon side: moby volume/mounts/linux_parser.go ParseMountRaw, and the
 *   validation of every mount (validateMountConfigImpl) with its exact error texts.
 */
import { ApiError } from '../daemon/errors.ts';
import { ramInBytes } from '../cli/docker/flags.ts';
import { normalizePath } from '../fs/tree.ts';

export type MountType = 'bind' | 'volume' | 'tmpfs';

/** An API `HostConfig.Mounts[]` entry (api/types/mount/mount.go). */
export interface ApiMount {
  Type: string;
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
  BindOptions?: { Propagation?: string };
  VolumeOptions?: { NoCopy?: boolean };
  TmpfsOptions?: { SizeBytes?: number; Mode?: number };
}

// ── CLI side ─────────────────────────────────────────────────────────────────────────────

export interface VolumeFlag {
  readonly source: string;
  readonly target: string;
}

/** ParseVolume: splits on colons; returns the error text (without the `invalid spec` wrapper) on failure. */
export function parseVolumeFlag(spec: string): VolumeFlag | string {
  if (spec.length === 0) return 'invalid empty volume spec';
  if (spec.length <= 2) return { source: '', target: spec };
  let source = '';
  let target = '';
  let haveTarget = false;
  const parts = spec.split(':');
  for (let i = 0; i < parts.length; i++) {
    const buf = parts[i];
    const end = i === parts.length - 1;
    if (buf.length === 0) return `invalid spec: ${spec}: empty section between colons`;
    if (source === '' && end && !haveTarget) {
      target = buf;
      haveTarget = true;
    } else if (source === '') source = buf;
    else if (!haveTarget) {
      target = buf;
      haveTarget = true;
    } else if (!end) return `invalid spec: ${spec}: too many colons`;
  }
  return { source, target };
}

const MOUNT_TYPES_CSV_BOOL = (v: string): boolean | undefined => {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
};

/** MountOpt.Set: one `--mount` value → an API mount, or the error text pflag wraps. */
export function parseMountFlag(value: string, cwd: string): ApiMount | string {
  const m: ApiMount = { Type: 'volume', Target: '' };
  for (const field of value.split(',')) {
    const eq = field.indexOf('=');
    const key = (eq >= 0 ? field.slice(0, eq) : field).toLowerCase();
    const val = eq >= 0 ? field.slice(eq + 1) : '';
    if (eq < 0) {
      if (key === 'readonly' || key === 'ro') m.ReadOnly = true;
      else if (key === 'volume-nocopy') m.VolumeOptions = { ...m.VolumeOptions, NoCopy: true };
      else return `invalid field '${field}' must be a key=value pair`;
      continue;
    }
    switch (key) {
      case 'type':
        m.Type = val.toLowerCase();
        break;
      case 'source':
      case 'src':
        m.Source = val === '.' || val.startsWith('./') ? normalizePath(`${cwd}/${val}`) : val;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        m.Target = val;
        break;
      case 'readonly':
      case 'ro': {
        const b = MOUNT_TYPES_CSV_BOOL(val);
        if (b === undefined) return `invalid value for ${key}: ${val}`;
        m.ReadOnly = b;
        break;
      }
      case 'bind-propagation':
        m.BindOptions = { Propagation: val.toLowerCase() };
        break;
      case 'volume-nocopy': {
        const b = MOUNT_TYPES_CSV_BOOL(val);
        if (b === undefined) return `invalid value for volume-nocopy: ${val}`;
        m.VolumeOptions = { ...m.VolumeOptions, NoCopy: b };
        break;
      }
      case 'tmpfs-size': {
        const n = ramInBytes(val);
        if (n === undefined) return `invalid value for ${key}: ${val}`;
        m.TmpfsOptions = { ...m.TmpfsOptions, SizeBytes: n };
        break;
      }
      case 'tmpfs-mode': {
        if (!/^[0-7]+$/.test(val)) return `invalid value for ${key}: ${val}`;
        m.TmpfsOptions = { ...m.TmpfsOptions, Mode: parseInt(val, 8) };
        break;
      }
      default:
        return `unexpected key '${key}' in '${field}'`;
    }
  }
  if (m.Type === '') return 'type is required';
  if (m.Target === '') return 'target is required';
  if (m.VolumeOptions && m.Type !== 'volume') return `cannot mix 'volume-*' options with mount type '${m.Type}'`;
  if (m.BindOptions && m.Type !== 'bind') return `cannot mix 'bind-*' options with mount type '${m.Type}'`;
  if (m.TmpfsOptions && m.Type !== 'tmpfs') return `cannot mix 'tmpfs-*' options with mount type '${m.Type}'`;
  // The JSON field order of api/types/mount.Mount (as `docker inspect` prints HostConfig.Mounts).
  return {
    Type: m.Type, ...(m.Source !== undefined && m.Source !== '' ? { Source: m.Source } : {}), Target: m.Target, ...(m.ReadOnly ? { ReadOnly: true } : {}),
    ...(m.BindOptions ? { BindOptions: m.BindOptions } : {}), ...(m.VolumeOptions ? { VolumeOptions: m.VolumeOptions } : {}), ...(m.TmpfsOptions ? { TmpfsOptions: m.TmpfsOptions } : {}),
  };
}

// ── daemon side ──────────────────────────────────────────────────────────────────────────

/** A validated mount request, before volumes are looked up or created. */
export interface ParsedMount {
  readonly type: MountType;
  /** Volume name (may be empty: anonymous) or host path. */
  readonly source: string;
  readonly destination: string;
  readonly rw: boolean;
  readonly mode: string;
  readonly propagation: string;
  readonly copyData: boolean;
  readonly tmpfsSize?: number;
  /** A legacy `-v` bind creates a missing host directory; `--mount` refuses it. */
  readonly createSource: boolean;
  readonly from: 'bind' | 'mount';
}

const PROPAGATION = ['private', 'rprivate', 'shared', 'rshared', 'slave', 'rslave'];
const invalidSpec = (raw: string) => `invalid volume specification: '${raw}'`;

/** volume/mounts/linux_parser.go ValidMountMode. */
function validMode(mode: string): boolean {
  if (mode === '') return true;
  const counts = { rw: 0, label: 0, prop: 0, copy: 0, consistency: 0 };
  for (const o of mode.split(',')) {
    if (o === 'rw' || o === 'ro') counts.rw++;
    else if (o === 'z' || o === 'Z') counts.label++;
    else if (PROPAGATION.includes(o)) counts.prop++;
    else if (o === 'nocopy') counts.copy++;
    else if (['consistent', 'cached', 'delegated'].includes(o)) counts.consistency++;
    else return false;
  }
  return counts.rw <= 1 && counts.label <= 1 && counts.prop <= 1 && counts.copy <= 1 && counts.consistency <= 1;
}

class MountConfigError {
  readonly message: string;
  constructor(type: string, why: string) {
    this.message = `invalid mount config for type "${type}": ${why}`;
  }
}

function validateTarget(type: string, target: string): void {
  if (!target) throw new MountConfigError(type, 'field Target must not be empty');
  if (normalizePath(target) === '/' && target.startsWith('/')) throw new MountConfigError(type, "invalid specification: destination can't be '/'");
  if (!target.startsWith('/')) throw new MountConfigError(type, `invalid mount path: '${target}' mount path must be absolute`);
}

/** ParseMountRaw: one `Binds` entry. Throws 400 with the daemon's message. */
export function parseBind(raw: string): ParsedMount {
  if ((raw.match(/:/g) ?? []).length > 2 || raw.split(':')[0] === '') throw new ApiError(400, invalidSpec(raw));
  const arr = raw.split(':');
  let source = '';
  let target = '';
  let mode = '';
  if (arr.length === 1) target = arr[0];
  else if (arr.length === 2) {
    if (validMode(arr[1])) throw new ApiError(400, invalidSpec(raw));
    [source, target] = arr;
  } else [source, target, mode] = arr;
  if (!validMode(mode)) throw new ApiError(400, `invalid mode: ${mode}`);
  const type: MountType = source.startsWith('/') ? 'bind' : 'volume';
  const opts = mode.split(',');
  try {
    validateTarget(type, target);
  } catch (e) {
    if (e instanceof MountConfigError) throw new ApiError(400, `${invalidSpec(raw)}: ${e.message}`);
    throw e;
  }
  const propagation = opts.find((o) => PROPAGATION.includes(o)) ?? (type === 'bind' ? 'rprivate' : '');
  return {
    type, source, destination: normalizePath(target), rw: !opts.includes('ro'), mode: type === 'volume' && mode === '' ? 'z' : mode, propagation,
    copyData: !opts.includes('nocopy'), createSource: true, from: 'bind',
  };
}

/** validateMountConfig for one `HostConfig.Mounts` entry (bind sources must exist). */
export function parseApiMount(m: ApiMount, hostExists: (path: string) => boolean): ParsedMount {
  try {
    validateTarget(m.Type, m.Target);
    const source = m.Source ?? '';
    switch (m.Type) {
      case 'bind':
        if (!source) throw new MountConfigError(m.Type, 'field Source must not be empty');
        if (m.VolumeOptions) throw new MountConfigError(m.Type, 'field VolumeOptions must not be specified');
        if (!source.startsWith('/')) throw new MountConfigError(m.Type, `invalid mount path: '${source}' mount path must be absolute`);
        if (!hostExists(source)) throw new MountConfigError(m.Type, `bind source path does not exist: ${source}`);
        break;
      case 'volume':
        if (m.BindOptions) throw new MountConfigError(m.Type, 'field BindOptions must not be specified');
        if (m.ReadOnly && !source) throw new MountConfigError(m.Type, 'must not set ReadOnly mode when using anonymous volumes');
        break;
      case 'tmpfs':
        if (m.BindOptions) throw new MountConfigError(m.Type, 'field BindOptions must not be specified');
        if (source) throw new MountConfigError(m.Type, 'field Source must not be specified');
        break;
      default:
        throw new MountConfigError(m.Type, 'mount type unknown');
    }
  } catch (e) {
    if (e instanceof MountConfigError) throw new ApiError(400, e.message);
    throw e;
  }
  const type = m.Type as MountType;
  return {
    type, source: m.Source ?? '', destination: normalizePath(m.Target), rw: !m.ReadOnly, mode: type === 'volume' ? 'z' : '',
    propagation: type === 'bind' ? (m.BindOptions?.Propagation || 'rprivate') : '', copyData: !m.VolumeOptions?.NoCopy,
    tmpfsSize: m.TmpfsOptions?.SizeBytes, createSource: false, from: 'mount',
  };
}
