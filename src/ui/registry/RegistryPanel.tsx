/**
 * The Registry panel (issue 4): the registries the daemon reaches — Docker Hub, and each running
 * registry:2 published on a port — with their repositories, tags and the blobs the tags' manifests
 * name; a blob linked into more than one repository of a registry is drawn as shared (one copy
 * in storage: that is what a cross-repository mount makes). Above them, the latest push or pull
 * layer by layer: moving layers fill, skipped ones ("Layer already exists", "Mounted from …",
 * "Already exists") jump over. Lazy-loaded; data from the snapshot's `registries`/`transfers`.
 */
import { useT, useStoreValue } from '../context.ts';
import type { RegistryView, TransferView } from '../../engine/snapshot.ts';
import { RegistryCard } from './RegistryCard.tsx';
import { TransferStrip } from './TransferStrip.tsx';
import './registry.css';

/** The newest transfer (highest sequence number). */
export function latestTransfer(transfers: Readonly<Record<string, TransferView>>): TransferView | null {
  let best: TransferView | null = null;
  for (const t of Object.values(transfers)) if (!best || seqOf(t) > seqOf(best)) best = t;
  return best;
}

const seqOf = (t: TransferView) => Number(t.id.slice(t.id.lastIndexOf('-') + 1));

/** Hub first, then local registries by address. */
function ordered(registries: Readonly<Record<string, RegistryView>>): RegistryView[] {
  return Object.values(registries).sort((a, b) => (a.kind === b.kind ? (a.id < b.id ? -1 : 1) : a.kind === 'hub' ? -1 : 1));
}

export default function RegistryPanel() {
  const t = useT();
  const registries = useStoreValue((s) => s.registries);
  const transfers = useStoreValue((s) => s.transfers);
  const latest = latestTransfer(transfers);
  const list = ordered(registries);
  const moving = new Set(latest ? latest.layers.map((l) => l.digest) : []);
  return (
    <div className="reg" tabIndex={0}>
      {latest ? <TransferStrip transfer={latest} /> : <p className="reg__hint">{t('registry.noTransfer')}</p>}
      <div className="reg__cards">
        {list.map((r) => <RegistryCard key={r.id} registry={r} highlight={latest && latest.registry === r.id ? moving : null} />)}
        {!list.some((r) => r.kind === 'local') && <p className="reg__hint">{t('registry.localHint')}</p>}
      </div>
    </div>
  );
}
