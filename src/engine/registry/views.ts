/**
 * The registries and transfers as the snapshot shows them (snapshot.ts `RegistryView`,
 * `TransferView`): Docker Hub with the repositories the user touched (pulled from, pushed or
 * mounted into), each running registry:2 with everything it stores; per repository its tags and
 * the blobs their manifests name, so blobs shared between repositories can be drawn as shared.
 */
import type { RegistryBlobView, RegistryRepositoryView, RegistryView, TransferView } from '../snapshot.ts';
import { RegistryApiError, type DistributionRegistry } from './distribution.ts';
import { HUB_HOST, type Registries } from './registries.ts';

interface ManifestJson {
  config?: { digest: string; size: number };
  layers?: { digest: string; size: number }[];
  manifests?: { digest: string; platform?: { architecture?: string; os?: string } }[];
}

/** The blobs (layers bottom → top, then config) of a tag's linux/amd64 manifest. */
function blobsOf(reg: DistributionRegistry, repo: string, ref: string): RegistryBlobView[] {
  const m = reg.getManifest(repo, ref);
  if (m instanceof RegistryApiError) return [];
  let doc = JSON.parse(m.bytes) as ManifestJson;
  if (doc.manifests) {
    const e = doc.manifests.find((x) => x.platform?.architecture === 'amd64' && x.platform.os === 'linux');
    const inner = e ? reg.getManifest(repo, e.digest) : null;
    if (!inner || inner instanceof RegistryApiError) return [];
    doc = JSON.parse(inner.bytes) as ManifestJson;
  }
  const out: RegistryBlobView[] = (doc.layers ?? []).map((l) => ({ digest: l.digest, size: l.size, kind: 'layer' as const }));
  if (doc.config) out.push({ digest: doc.config.digest, size: doc.config.size, kind: 'config' });
  return out;
}

function repositoryView(reg: DistributionRegistry, name: string, onlyTags: readonly string[] | null, readOnly: boolean): RegistryRepositoryView {
  const tags = (reg.tags(name) ?? []).filter((t) => !onlyTags || onlyTags.includes(t));
  const blobs = new Map<string, RegistryBlobView>();
  const tagViews = tags.map((tag) => {
    for (const b of blobsOf(reg, name, tag)) if (!blobs.has(b.digest)) blobs.set(b.digest, b);
    return { tag, digest: reg.tagDigest(name, tag) ?? '' };
  });
  // Blobs linked without a manifest naming them yet (a push in progress, a mount).
  for (const d of reg.layerLinks(name)) {
    if (blobs.has(d)) continue;
    const st = reg.statBlob(name, d);
    if (!(st instanceof RegistryApiError)) blobs.set(d, { digest: d, size: st.size, kind: 'layer' });
  }
  return { name, tags: tagViews, blobs: [...blobs.values()], readOnly };
}

/** The registries to show: the Hub always, registry:2 servers whose container runs and publishes their port (`localhost:<host port>`). */
export function registryViews(regs: Registries, addressOf: (containerId: string, port: number) => string | null): RegistryView[] {
  const rev = regs.rev;
  const hub = regs.hub;
  // Hub repositories the user touched: stored ones, and those pulled from (with the tags pulled).
  const pulled = new Map<string, Set<string>>();
  for (const t of regs.transfers) if (t.registry === HUB_HOST && t.kind === 'pull' && t.status === 'done') {
    const tags = pulled.get(t.repository) ?? new Set<string>();
    tags.add(t.tag);
    pulled.set(t.repository, tags);
  }
  const stored = hub.storedRepositories();
  const hubRepos: RegistryRepositoryView[] = [];
  const names = [...new Set([...pulled.keys(), ...stored])].sort();
  for (const name of names) {
    const official = hub.source?.hasRepository(name) ?? false;
    hubRepos.push(repositoryView(hub, name, official ? [...(pulled.get(name) ?? [])] : null, official));
  }
  const views: RegistryView[] = [{ id: HUB_HOST, rev, kind: 'hub', user: regs.logins.get(HUB_HOST) ?? null, containerId: null, repositories: hubRepos }];
  const seen = new Set<string>();
  for (const s of regs.servers.values()) {
    const host = addressOf(s.containerId, s.port);
    if (!host || seen.has(host)) continue;
    seen.add(host);
    const repos = s.registry.storedRepositories().map((n) => repositoryView(s.registry, n, null, false));
    views.push({ id: host, rev, kind: 'local', user: regs.logins.get(host) ?? null, containerId: s.containerId, repositories: repos });
  }
  return views;
}

/** The transfer log as views. */
export function transferViews(regs: Registries): TransferView[] {
  const rev = regs.rev;
  return regs.transfers.map((t) => ({
    id: `transfer-${t.seq}`, rev, kind: t.kind, registry: t.registry, repository: t.repository, tag: t.tag, status: t.status, digest: t.digest, start: t.start, end: t.end,
    layers: t.layers.map((l) => ({ id: l.id, digest: l.digest, size: l.size, outcome: l.outcome, from: l.from ?? null, start: l.start, end: l.end })),
  }));
}
