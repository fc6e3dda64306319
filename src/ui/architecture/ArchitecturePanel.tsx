/**
 * Architecture view (design.md §4): docker CLI → dockerd (Engine API) → containerd →
 * containerd-shim-runc-v2 → runc → the Linux kernel, with the image cache, volumes, networks and
 * Docker Hub beside dockerd. Each new Engine API call sends a token along the components the
 * daemon says it reached (`ApiCall.hops`); the log lists the calls, and the chosen one (or the
 * latest) stays lit.
 */
import { useMemo, useState } from 'react';
import type { PlaygroundState } from '../../store/index.ts';
import { useShallowValue, useStoreValue, useT } from '../context.ts';
import { useReducedMotion } from '../reducedMotion.ts';
import { ApiLog, displayPath } from './ApiLog.tsx';
import { Diagram, type BoxText } from './Diagram.tsx';
import type { BoxId } from './layout.ts';
import { useCallTokens } from './useCallTokens.ts';

/** Records of a table another part of the engine may not publish yet (volumes, networks): null if absent. */
function optionalCount(s: PlaygroundState, table: string): number | null {
  const v = (s as unknown as Record<string, unknown>)[table];
  return v !== null && typeof v === 'object' ? Object.keys(v).length : null;
}

function useFigures() {
  return useShallowValue((s) => ({
    api: s.host?.apiVersion ?? '',
    runtime: s.host?.runtime ?? '',
    cgroup: s.host?.cgroupVersion ?? '2',
    images: Object.keys(s.images).length,
    layers: Object.keys(s.layers).length,
    running: Object.values(s.containers).filter((c) => c.status === 'running' || c.status === 'paused').length,
    shims: Object.values(s.processes).filter((p) => p.comm === 'containerd-shim').length,
    volumes: optionalCount(s, 'volumes'),
    networks: optionalCount(s, 'networks'),
  }));
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
    volumes: { title: t('arch.volumes'), sub: f.volumes === null ? t('arch.notTracked') : t('arch.volumesSub', { count: f.volumes }) },
    networks: { title: t('arch.networks'), sub: f.networks === null ? t('arch.notTracked') : t('arch.networksSub', { count: f.networks }) },
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
