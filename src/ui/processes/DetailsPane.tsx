import { useCallback, useEffect, useRef } from 'react';
import type { ContainerView, ProcessView } from '../../engine/snapshot.ts';
import type { PlaygroundState } from '../../store/index.ts';
import { usePlayground, useStoreValue, useT } from '../context.ts';
import { formatBytes, formatPercent, shortId } from '../format.ts';
import { stateLabel, statusLabel } from '../labels.ts';
import { LiveText } from '../LiveText.tsx';

/** The selected process or container, in full: what the diagram can only hint at. */
export function DetailsPane() {
  const selection = useStoreValue((s) => s.selection);
  const { store } = usePlayground();
  const close = useCallback(() => store.getState().select(null), [store]);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && ref.current?.contains(document.activeElement)) close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [close]);
  if (!selection) return null;
  return (
    <div className="details" role="group" aria-labelledby="details-title" ref={ref}>
      {selection.kind === 'process' ? <ProcessDetails id={selection.id} onClose={close} /> : <ContainerDetails id={selection.id} onClose={close} />}
    </div>
  );
}

function Head({ title, onClose }: { title: string; onClose: () => void }) {
  const t = useT();
  return (
    <div className="details__head">
      <h3 id="details-title">{title}</h3>
      <button type="button" className="icon-button" onClick={onClose} aria-label={t('details.close')} title={t('details.close')}>
        ✕
      </button>
    </div>
  );
}

const NAMESPACE_KINDS = ['pid', 'net', 'mnt', 'uts', 'ipc', 'user', 'cgroup'] as const;

function ProcessDetails({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const lang = useStoreValue((s) => s.lang);
  const p: ProcessView | undefined = useStoreValue((s) => s.processes[id]);
  const hostNs = useStoreValue((s) => s.processes.p1?.namespaces);
  const launcher = useStoreValue((s) => (p?.launcherPid ? s.processes[`p${p.launcherPid}`] : undefined));
  const hostPid = p?.hostPid ?? -1;
  const selectSample = useCallback((s: PlaygroundState) => s.gauges.processes[hostPid], [hostPid]);
  const cpu = useCallback((v: { cpuPercent: number } | undefined) => (v ? formatPercent(v.cpuPercent, lang) : '—'), [lang]);
  const rss = useCallback((v: { rssBytes: number } | undefined) => (v ? formatBytes(v.rssBytes, lang) : '—'), [lang]);
  if (!p) {
    return (
      <>
        <Head title={t('details.title')} onClose={onClose} />
        <p className="details__gone">{t('details.gone')}</p>
      </>
    );
  }
  return (
    <>
      <Head title={p.comm} onClose={onClose} />
      <dl className="details__list">
        <dt>{t('details.command')}</dt>
        <dd className="mono details__wide">{p.args}</dd>
        <dt>{t('details.hostPid')}</dt>
        <dd className="mono">{p.hostPid}</dd>
        <dt>{t('details.nsPid')}</dt>
        <dd className="mono">{p.nsPid ?? t('details.nsPidNone')}</dd>
        <dt>{t('details.ppid')}</dt>
        <dd className="mono">{p.ppid}</dd>
        {p.launcherPid ? (
          <>
            <dt>{t('details.launcher')}</dt>
            <dd className="mono">{launcher ? `${launcher.comm} (${p.launcherPid})` : p.launcherPid}</dd>
          </>
        ) : null}
        <dt>{t('details.state')}</dt>
        <dd>{stateLabel(t, p.state)}</dd>
        <dt>{t('details.user')}</dt>
        <dd className="mono">{p.user}</dd>
        <dt>{t('details.cpu')}</dt>
        <dd className="mono"><LiveText select={selectSample} format={cpu} /></dd>
        <dt>{t('details.rss')}</dt>
        <dd className="mono"><LiveText select={selectSample} format={rss} /></dd>
        <dt>{t('details.cgroup')}</dt>
        <dd className="mono details__wide">{p.cgroup}</dd>
        <dt>{t('details.namespaces')}</dt>
        <dd className="details__wide">
          <ul className="details__ns mono">
            {NAMESPACE_KINDS.map((kind) => (
              <li key={kind} className={hostNs && hostNs[kind] === p.namespaces[kind] ? 'is-host' : ''}>
                {p.namespaces[kind]}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </>
  );
}

function ContainerDetails({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const lang = useStoreValue((s) => s.lang);
  const c: ContainerView | undefined = useStoreValue((s) => s.containers[id]);
  if (!c) {
    return (
      <>
        <Head title={t('details.title')} onClose={onClose} />
        <p className="details__gone">{t('details.gone')}</p>
      </>
    );
  }
  const { limits } = c;
  const limitParts = [
    limits.memory ? `Memory ${limits.memory} (${formatBytes(limits.memory, lang)})` : null,
    limits.nanoCpus ? `NanoCpus ${limits.nanoCpus}` : null,
    limits.cpuShares ? `CpuShares ${limits.cpuShares}` : null,
    limits.pidsLimit ? `PidsLimit ${limits.pidsLimit}` : null,
    limits.cpusetCpus ? `CpusetCpus ${limits.cpusetCpus}` : null,
  ].filter(Boolean);
  return (
    <>
      <Head title={c.name} onClose={onClose} />
      <dl className="details__list">
        <dt>{t('details.id')}</dt>
        <dd className="mono">{shortId(c.id)}</dd>
        <dt>{t('details.image')}</dt>
        <dd className="mono">{c.image}</dd>
        <dt>{t('details.command')}</dt>
        <dd className="mono details__wide">{c.command}</dd>
        <dt>{t('details.status')}</dt>
        <dd>{statusLabel(t, c)}</dd>
        <dt>{t('details.pid1')}</dt>
        <dd className="mono">{c.pid || '—'}</dd>
        <dt>{t('details.limits')}</dt>
        <dd className="mono details__wide">{limitParts.length ? limitParts.join(' · ') : '—'}</dd>
        <dt>{t('details.cgroup')}</dt>
        <dd className="mono details__wide">{c.cgroup}</dd>
      </dl>
    </>
  );
}
