/**
 * POST /commit (moby daemon/commit.go, daemon/images/image_commit.go, image/image.go
 * NewChildImage): pauses the container (unless `pause=false`), tars its read-write layer —
 * only the top layer, whiteouts as `.wh.` entries — registers it on top of the image's chain,
 * writes a config from the container's config plus `--change` instructions with one more
 * history entry, tags it, and unpauses.
 */
import { layerFilesOf } from '../../image/rootfs.ts';
import { diffIdOf, type LayerFile } from '../../image/layer.ts';
import { serializeImageConfig, type HistoryEntry, type ImageConfigBody, type ImageConfigDoc } from '../../image/config.ts';
import { familiarString, parseNormalizedNamed, type Reference } from '../../image/reference.ts';
import type { LayerInput } from '../../image/store.ts';
import { DOCKER_VERSION } from '../../versions.ts';
import type { ContainerConfig } from '../container.ts';
import type { Daemon } from '../daemon.ts';
import { ApiError, badRequest } from '../errors.ts';
import { applyChanges } from './changes.ts';
import { store } from './images.ts';

export interface CommitRequest {
  readonly container: string;
  readonly repo: string;
  readonly tag: string;
  readonly comment: string;
  readonly author: string;
  readonly changes: readonly string[];
  readonly pause: boolean;
}

function bodyOf(c: ContainerConfig): ImageConfigBody {
  return {
    Hostname: c.Hostname, Domainname: c.Domainname, User: c.User, AttachStdin: c.AttachStdin, AttachStdout: c.AttachStdout, AttachStderr: c.AttachStderr,
    ExposedPorts: c.ExposedPorts, Tty: c.Tty, OpenStdin: c.OpenStdin, StdinOnce: c.StdinOnce, Env: [...c.Env], Cmd: c.Cmd ? [...c.Cmd] : null, Image: c.Image,
    Volumes: c.Volumes, WorkingDir: c.WorkingDir, Entrypoint: c.Entrypoint ? [...c.Entrypoint] : null, OnBuild: c.OnBuild, Labels: c.Labels,
    ...(c.StopSignal ? { StopSignal: c.StopSignal } : {}), ...(c.StopTimeout !== undefined ? { StopTimeout: c.StopTimeout } : {}),
  };
}

/** Bytes of a layer's regular files and symlinks (overlay2 DiffSize: directory sizes ignored). */
function diffSize(files: readonly LayerFile[]): number {
  return files.reduce((s, f) => s + (f.type === 'dir' ? 0 : f.type === 'symlink' ? f.target.length : f.size), 0);
}

/** POST /commit?container=&repo=&tag=&comment=&author=&pause=&changes= → the new image ID. */
export function commitContainer(d: Daemon, req: CommitRequest): { Id: string } {
  const q = [`container=${encodeURIComponent(req.container)}`, req.repo ? `repo=${encodeURIComponent(req.repo)}` : '', req.tag ? `tag=${encodeURIComponent(req.tag)}` : '',
    req.comment ? `comment=${encodeURIComponent(req.comment)}` : '', req.author ? `author=${encodeURIComponent(req.author)}` : '', `pause=${req.pause ? 1 : 0}`,
    ...req.changes.map((c) => `changes=${encodeURIComponent(c)}`)].filter(Boolean).join('&');
  return d.call('POST', `/commit?${q}`, 201, () => {
    let ref: Reference | null = null;
    if (req.repo) {
      const r = parseNormalizedNamed(req.tag ? `${req.repo}:${req.tag}` : req.repo);
      if (!r.ok) throw badRequest(r.error.message);
      ref = r.ref;
    }
    const c = d.lookup(req.container);
    if (c.state.Dead) throw new ApiError(409, `You cannot commit container ${c.id} which is Dead`);
    if (c.state.Status === 'removing') throw new ApiError(409, `cannot commit container ${c.id}: container is being removed`);
    const images = store(d);
    const parent = images.get(c.imageId);
    if (!parent) throw new ApiError(404, `No such image: ${c.imageId}`);
    const config = applyChanges(bodyOf(c.config), req.changes);

    // Freeze the container while its r/w layer is read (cgroup.freeze), then thaw it.
    const freeze = req.pause && c.state.Running && !c.state.Paused && !c.state.Restarting;
    if (freeze) {
      d.containerd.pause(c.id);
      d.emit('container', 'pause', c.id, { name: c.name });
    }
    const files = layerFilesOf(c.rootfs.upper);
    if (freeze) {
      d.containerd.resume(c.id);
      d.emit('container', 'unpause', c.id, { name: c.name });
    }

    const empty = files.length === 0;
    const diffId = diffIdOf(files);
    const created = d.clock.rfc3339Nano(d.now);
    const history: HistoryEntry = {
      created, createdBy: (c.config.Cmd ?? []).join(' '), ...(req.author ? { author: req.author } : {}), ...(req.comment ? { comment: req.comment } : {}),
      ...(empty ? { emptyLayer: true } : {}),
    };
    const doc: ImageConfigDoc = {
      architecture: parent.doc.architecture || 'amd64', os: parent.doc.os || 'linux', created, author: req.author, comment: req.comment,
      dockerVersion: DOCKER_VERSION, config, history: [...parent.doc.history, history], diffIds: empty ? [...parent.diffIds] : [...parent.diffIds, diffId],
      container: c.id, containerConfig: bodyOf(c.config),
    };
    const layers: LayerInput[] = images.imageLayers(parent.id).map((l) => ({ diffId: l.diffId, size: l.size, digest: l.digest, compressedSize: l.compressedSize, files: l.files }));
    if (!empty) layers.push({ diffId, size: diffSize(files), files });
    const added = images.add({ configBytes: serializeImageConfig(doc, 'classic'), layers, parent: parent.id });
    if (!added.ok) throw new ApiError(added.error.status, added.error.message);
    const id = added.value.image.id;
    if (ref) {
      const t = images.tag(id, ref, created);
      if (!t.ok) throw new ApiError(t.error.status, t.error.message);
    }
    d.emit('container', 'commit', c.id, { comment: req.comment, imageID: id, imageRef: ref ? familiarString(ref) : '', name: c.name });
    d.rev += 1;
    return { Id: id };
  });
}
