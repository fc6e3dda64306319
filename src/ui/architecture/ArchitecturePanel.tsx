/**
 * Architecture view (design.md §4): docker CLI → dockerd (Engine API) → containerd →
 * containerd-shim-runc-v2 → runc → the Linux kernel, with the image cache, volumes, networks and
 * Docker Hub beside dockerd. Each new Engine API call sends a token along the components the
 * daemon says it reached (`ApiCall.hops`); the log lists the calls, and the chosen one (or the
 * latest) stays lit.
 */
import { useMemo, useState } from 'react';
import { useStoreValue, useT } from '../context.ts';
import { useReducedMotion } from '../reducedMotion.ts';
import { ApiLog, displayPath } from './ApiLog.tsx';
import { Diagram, type BoxText } from './Diagram.tsx';
import type { BoxId } from './layout.ts';
import { useCallTokens } from './useCallTokens.ts';

/**
 * The live figures beside the diagram. Each table is selected by identity (the store keeps a
 * table's object until it changes) and counted only then — not on every gauge update.
 */
function useFigures() {
  const host = useStoreValue((s) => s.host);
  const images = useStoreValue((s) => s.images);
  const layers = useStoreValue((s) => s.layers);
  const containers = useStoreValue((s) => s.containers);
  const processes = useStoreValue((s) => s.processes);
  const volumes = useStoreValue((s) => s.volumes);
  const networks = useStoreValue((s) => s.networks);
  return useMemo(() => ({
    api: host?.apiVersion ?? '',
    runtime: host?.runtime ?? '',
    cgroup: host?.cgroupVersion ?? '2',
    images: Object.keys(images).length,
    layers: Object.keys(layers).length,
    running: Object.values(containers).filter((c) => c.status === 'running' || c.status === 'paused').length,
    shims: Object.values(processes).filter((p) => p.comm === 'containerd-shim').length,
    volumes: Object.keys(volumes).length,
    networks: Object.keys(networks).length,
  }), [host, images, layers, containers, processes, volumes, networks]);
}

export default function ArchitecturePanel() {
  const t = useT();
  const log = useStoreValue((s) => s.apiLog);
  const f = useFigures();
  const reduced = useReducedMotion();
  const [selected, setSelected] = useState<number | null>(null);
  const { tokens, done } = useCallTokens(log, reduced);
  const latest = log.length ? log[log.length - 1] : null;
  const shown = (selected !== null ? log.find((c) => c.seq === selected) : undefined) ?? latest;

  const texts = useMemo((): Record<BoxId, BoxText> => ({
    cli: { title: t('arch.cli'), sub: t('arch.cliSub') },
    dockerd: { title: t('arch.dockerd'), sub: t('arch.dockerdSub', { api: f.api }) },
    containerd: { title: t('arch.containerd'), sub: t('arch.containerdSub') },
    shim: { title: t('arch.shim'), sub: t('arch.shimSub', { count: f.shims }) },
    runc: { title: t('arch.runc'), sub: t('arch.runcSub', { runtime: f.runtime }) },
    kernel: { title: t('arch.kernel'), sub: t('arch.kernelSub', { cgroup: f.cgroup }) },
    registry: { title: t('arch.registry'), sub: t('arch.registrySub') },
    images: { title: t('arch.images'), sub: t('arch.imagesSub', { images: String(f.images), layers: String(f.layers) }) },
    volumes: { title: t('arch.volumes'), sub: t('arch.volumesSub', { count: f.volumes }) },
    networks: { title: t('arch.networks'), sub: t('arch.networksSub', { count: f.networks }) },
  }), [t, f]);

  return (
    <div className="arch">
      <div className="arch__diagram">
        <Diagram shown={shown} texts={texts} tokens={tokens} onTokenDone={done} />
        <p className="arch__status" aria-live="polite">
          {shown ? (
            <>
              <span className="arch__status-label">{t('arch.reached')}:</span>{' '}
              <span className="mono arch__status-hops" data-testid="arch-reached">{shown.hops.join(' → ')}</span>{' '}
              <span className="arch__status-label">· {selected !== null ? t('arch.showing') : t('arch.latest')}:</span>{' '}
              <span className="mono">{shown.method} {displayPath(shown.path)}</span>
            </>
          ) : (
            t('arch.containers', { count: f.running })
          )}
        </p>
      </div>
      <ApiLog log={log} selected={selected} onSelect={setSelected} />
    </div>
  );
}
