/**
 * `docker system df` (cli/command/system/df.go, formatter/disk_usage.go as of Docker 28.5):
 * GET /system/df, then one row per kind (Images, Containers, Local Volumes, Build Cache) or,
 * with `-v`, a table per kind. Image SIZE is the layer store's total (each shared layer once);
 * RECLAIMABLE is that total minus the unique size of images some container uses.
 */
import { systemDf, type DiskUsage } from '../../daemon/router/images.ts';
import { humanDuration, humanSize, imageSizeString } from '../../image/units.ts';
import { goStruct } from '../format/index.ts';
import { bool, str, StatusError, type Command, type DockerCli } from './command.ts';
import { formatTable, TemplateFailure } from './formatter.ts';
import { psFields } from './ps.ts';
import { volumesUsage } from '../../volumes/store.ts';

const DEFAULT_FORMAT = 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}';
const RAW_FORMAT = 'type: {{.Type}}\ntotal: {{.TotalCount}}\nactive: {{.Active}}\nsize: {{.Size}}\nreclaimable: {{.Reclaimable}}\n';
const HEADERS = { Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' };

const IMAGE_FORMAT = 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}';
const IMAGE_HEADERS = { Repository: 'REPOSITORY', Tag: 'TAG', ID: 'IMAGE ID', Digest: 'DIGEST', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', Size: 'SIZE', Containers: 'CONTAINERS', SharedSize: 'SHARED SIZE', UniqueSize: 'UNIQUE SIZE', VirtualSize: 'VIRTUAL SIZE' };
const CONTAINER_FORMAT = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}\t{{.Status}}\t{{.Names}}';
const CONTAINER_HEADERS = { ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', LocalVolumes: 'LOCAL VOLUMES', Size: 'SIZE', RunningFor: 'CREATED', Status: 'STATUS', Names: 'NAMES' };
const VOLUME_FORMAT = 'table {{.Name}}\t{{.Links}}\t{{.Size}}';
const VOLUME_HEADERS = { Name: 'VOLUME NAME', Links: 'LINKS', Size: 'SIZE' };
const BUILD_CACHE_FORMAT = 'table {{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}\t{{.LastUsedSince}}\t{{.UsageCount}}\t{{.Shared}}';
const BUILD_CACHE_HEADERS = { ID: 'CACHE ID', CacheType: 'CACHE TYPE', Size: 'SIZE', CreatedSince: 'CREATED', LastUsedSince: 'LAST USED', UsageCount: 'USAGE', Shared: 'SHARED' };

/** `(n%)` after a size when the total is not zero (integer division, as Go's int64). */
function reclaimableString(reclaimable: number, total: number): string {
  return total > 0 ? `${humanSize(reclaimable)} (${Math.trunc((reclaimable * 100) / total)}%)` : humanSize(reclaimable);
}

const ACTIVE_STATES = ['running', 'paused', 'restarting'];

/** The four summary rows (diskUsageImagesContext, …ContainersContext, …VolumesContext, …BuilderContext). */
function summaryRows(du: DiskUsage, volumes: VolumeUsage[]): Record<string, string>[] {
  let used = 0;
  for (const i of du.Images) if (i.Containers !== 0 && i.Size !== -1 && i.SharedSize !== -1) used += i.Size - i.SharedSize;
  const ctrTotal = du.Containers.reduce((n, c) => n + (c.SizeRw ?? 0), 0);
  const ctrActive = du.Containers.filter((c) => ACTIVE_STATES.includes(c.State.toLowerCase()));
  const ctrReclaimable = ctrTotal - ctrActive.reduce((n, c) => n + (c.SizeRw ?? 0), 0);
  return [
    {
      Type: 'Images', TotalCount: String(du.Images.length), Active: String(du.Images.filter((i) => i.Containers > 0).length),
      Size: humanSize(du.LayersSize), Reclaimable: reclaimableString(du.LayersSize - used, du.LayersSize),
    },
    { Type: 'Containers', TotalCount: String(du.Containers.length), Active: String(ctrActive.length), Size: humanSize(ctrTotal), Reclaimable: reclaimableString(ctrReclaimable, ctrTotal) },
    volumesRow(volumes),
    buildCacheRow(du),
  ];
}

type VolumeUsage = ReturnType<typeof volumesUsage>[number];

/** diskUsageVolumesContext: RECLAIMABLE is the size of the volumes no container references. */
function volumesRow(volumes: VolumeUsage[]): Record<string, string> {
  const size = volumes.reduce((n, v) => n + v.Size, 0);
  const reclaimable = volumes.filter((v) => v.RefCount === 0).reduce((n, v) => n + v.Size, 0);
  return { Type: 'Local Volumes', TotalCount: String(volumes.length), Active: String(volumes.filter((v) => v.RefCount > 0).length), Size: humanSize(size), Reclaimable: reclaimableString(reclaimable, size) };
}

/** formatter.volumeContext rows of `-v`. */
function volumeRows(volumes: VolumeUsage[]): Record<string, string>[] {
  return volumes.map((v) => ({ Name: v.Name, Links: String(v.RefCount), Size: humanSize(v.Size) }));
}

/** diskUsageBuilderContext: shared records (layers an image also holds) are not counted. */
function buildCacheRow(du: DiskUsage): Record<string, string> {
  const bc = du.BuildCache;
  const size = bc.filter((r) => !r.Shared).reduce((n, r) => n + r.Size, 0);
  const inUse = bc.filter((r) => r.InUse && !r.Shared).reduce((n, r) => n + r.Size, 0);
  return { Type: 'Build Cache', TotalCount: String(bc.length), Active: String(bc.filter((r) => r.InUse).length), Size: humanSize(size), Reclaimable: humanSize(size - inUse) };
}

/** formatter.buildCacheContext rows (IDs cut to 12 characters unless --no-trunc). */
function buildCacheRows(cli: DockerCli, du: DiskUsage, trunc: boolean): Record<string, string>[] {
  const now = cli.daemon.now;
  return du.BuildCache.map((r) => ({
    ID: trunc ? r.ID.slice(0, 12) : r.ID, CacheType: r.Type, Size: imageSizeString(r.Size), CreatedSince: `${humanDuration(now - r.CreatedAt)} ago`,
    LastUsedSince: `${humanDuration(now - r.LastUsedAt)} ago`, UsageCount: String(r.UsageCount), Shared: String(r.Shared),
  }));
}

/** formatter.imageContext for `-v`: first tag only, `<none>` for dangling images. */
function imageRows(cli: DockerCli, du: DiskUsage, trunc: boolean): Record<string, string>[] {
  const now = cli.daemon.clock.unix();
  return du.Images.map((i) => {
    let repo = '<none>';
    let tag = '<none>';
    if (i.RepoTags.length > 0) {
      const t = i.RepoTags[0];
      const cut = t.lastIndexOf(':');
      repo = t.slice(0, cut);
      tag = t.slice(cut + 1);
    }
    const hex = i.Id.slice(i.Id.indexOf(':') + 1);
    return {
      Repository: repo, Tag: tag, ID: trunc ? hex.slice(0, 12) : i.Id,
      CreatedSince: `${humanDuration((now - i.Created) * 1000)} ago`,
      Size: imageSizeString(i.Size),
      SharedSize: i.SharedSize === -1 ? 'N/A' : imageSizeString(i.SharedSize),
      UniqueSize: i.SharedSize === -1 ? 'N/A' : imageSizeString(i.Size - i.SharedSize),
      Containers: i.Containers === -1 ? 'N/A' : String(i.Containers),
    };
  });
}

/** A formatter context: its fields for templates, and `json` marshals them with sorted keys (formatter.MarshalJSON). */
function ctx(type: string, fields: Record<string, string>) {
  const sorted = Object.fromEntries(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return goStruct(type, { ...fields, MarshalJSON: () => sorted });
}

function verboseTable(cli: DockerCli, du: DiskUsage): string {
  let out = 'Images space usage:\n\n';
  out += formatTable(IMAGE_FORMAT, imageRows(cli, du, true).map((r) => ctx('*formatter.imageContext', r)), IMAGE_HEADERS);
  out += '\nContainers space usage:\n\n';
  const containers = du.Containers.map((c) => {
    const fields = psFields(cli, c, true);
    return ctx('*formatter.ContainerContext', { ...fields, Size: imageSizeString(c.SizeRw ?? 0) });
  });
  out += formatTable(CONTAINER_FORMAT, containers, CONTAINER_HEADERS);
  out += '\nLocal Volumes space usage:\n\n';
  out += formatTable(VOLUME_FORMAT, volumeRows(volumesUsage(cli.daemon)).map((r) => ctx('*formatter.volumeContext', r)), VOLUME_HEADERS);
  const builderSize = du.BuildCache.filter((r) => !r.Shared).reduce((n, r) => n + r.Size, 0);
  out += `\nBuild cache usage: ${humanSize(builderSize)}\n\n`;
  out += formatTable(BUILD_CACHE_FORMAT, buildCacheRows(cli, du, true).map((r) => ctx('*formatter.buildCacheContext', r)), BUILD_CACHE_HEADERS);
  return out;
}

export const systemDfCmd: Command = {
  name: 'df', path: 'docker system df', use: 'docker system df [OPTIONS]', short: 'Show docker disk usage', args: { kind: 'none' },
  flags: [
    { name: 'format', type: 'string', usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'verbose', short: 'v', type: 'bool', usage: 'Show detailed information on space usage' },
  ],
  *run(cli, f) {
    const du = systemDf(cli.daemon);
    const verbose = bool(f, 'verbose');
    const format = str(f, 'format') || 'table';
    try {
      if (verbose && format === 'table') {
        cli.out(verboseTable(cli, du));
      } else if (verbose) {
        // A custom template runs once over {Images, Containers, Volumes, BuildCache}.
        const trunc = format.startsWith('table');
        const data = goStruct('*formatter.diskUsageContext', {
          Images: imageRows(cli, du, trunc).map((r) => ctx('*formatter.imageContext', r)),
          Containers: du.Containers.map((c) => ctx('*formatter.ContainerContext', { ...psFields(cli, c, trunc), Size: imageSizeString(c.SizeRw ?? 0) })),
          Volumes: volumeRows(volumesUsage(cli.daemon)).map((r) => ctx('*formatter.volumeContext', r)),
          BuildCache: buildCacheRows(cli, du, trunc).map((r) => ctx('*formatter.buildCacheContext', r)),
        });
        cli.out(formatTable(format, [data], {}).replace(/\n$/, ''));
      } else {
        const tmpl = format === 'table' ? DEFAULT_FORMAT : format === 'raw' ? RAW_FORMAT : format;
        const types = ['Images', 'Containers', 'Volumes', 'Builder'].map((t) => `*formatter.diskUsage${t}Context`);
        cli.out(formatTable(tmpl, summaryRows(du, volumesUsage(cli.daemon)).map((r, i) => ctx(types[i], r)), HEADERS));
      }
    } catch (e) {
      if (e instanceof TemplateFailure) throw new StatusError(e.message, 1);
      throw e;
    }
    return 0;
  },
};
