import { memo, useCallback, useEffect, useRef } from 'react';
import { motion, useMotionValue } from 'framer-motion';
import type { CgroupView, ContainerView, GaugeSample, KernelEvent } from '../../engine/snapshot.ts';
import type { PlaygroundState } from '../../store/index.ts';
import { usePlayground, useStoreValue, useT } from '../context.ts';
import { containerColor } from '../containerColors.ts';
import { formatBytes, formatNumber, formatPercent } from '../format.ts';
import { statusLabel } from '../labels.ts';
import { GaugeBar } from './GaugeBar.tsx';
import { useGaugeFeed, writeText } from './useGaugeFeed.ts';

/** The newest OOM kill in a container's cgroup (the event object is stable: no re-render churn). */
function lastOomKill(events: readonly KernelEvent[], containerId: string): KernelEvent | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.kind === 'oom-kill' && e.containerId === containerId) return e;
  }
  return null;
}

/** One container's cgroup: memory against memory.max, CPU against the host, PIDs against pids.max. */
function ContainerCardView({ id }: { id: string }) {
  const t = useT();
  const { store } = usePlayground();
  const container = useStoreValue((s) => s.containers[id]);
  const cgroup = useStoreValue((s) => (container ? s.cgroups[container.cgroup] : undefined));
  const selectOom = useCallback((s: PlaygroundState) => lastOomKill(s.events, id), [id]);
  const lastOom = useStoreValue(selectOom);
  const selected = useStoreValue((s) => s.selection?.kind === 'container' && s.selection.id === id);
  if (!container) return null;
  const color = containerColor(id);
  const live = cgroup && (container.status === 'running' || container.status === 'paused' || container.status === 'restarting');
  const oomKills = cgroup?.memoryEvents.oom_kill ?? (container.oomKilled ? 1 : 0);
  const nameId = `cg-${id.slice(0, 12)}-name`;
  return (
    <article
      className={`cg-card${live ? '' : ' cg-card--stopped'}${selected ? ' cg-card--selected' : ''}`}
      style={{ '--accent': color } as React.CSSProperties}
      aria-labelledby={nameId}
    >
      <header className="cg-card__head">
        <h3 id={nameId} className="cg-card__name">
          <button type="button" className="linklike" onClick={() => store.getState().select({ kind: 'container', id })} aria-pressed={selected}>
            {container.name}
          </button>
        </h3>
        <span className="cg-card__image">{container.image}</span>
        <span className={`badge badge--${container.status}`}>{statusLabel(t, container)}</span>
        {container.oomKilled && <span className="badge badge--oom">{t('cg.oomKilled')}</span>}
      </header>
      {live ? (
        <Gauges container={container} cgroup={cgroup} oomKills={oomKills} lastOom={lastOom} />
      ) : (
        lastOom && <p className="cg-card__oom">⚠ {t('cg.oomKills', { count: oomKills })} · {t('cg.lastOom', { comm: lastOom.comm ?? '?', pid: lastOom.hostPid ?? 0 })}</p>
      )}
    </article>
  );
}

export const ContainerCard = memo(ContainerCardView);

interface GaugesProps {
  readonly container: ContainerView;
  readonly cgroup: CgroupView;
  readonly oomKills: number;
  readonly lastOom: KernelEvent | null;
}

function Gauges({ container, cgroup, oomKills, lastOom }: GaugesProps) {
  const t = useT();
  const lang = useStoreValue((s) => s.lang);
  const cpus = useStoreValue((s) => s.host?.cpus ?? 1);
  const hostMemory = useStoreValue((s) => s.host?.memoryBytes ?? 0);
  const name = container.name;

  const memory = useMotionValue(0);
  const cpu = useMotionValue(0);
  const pids = useMotionValue(0);
  const memText = useRef<HTMLSpanElement>(null);
  const cpuText = useRef<HTMLSpanElement>(null);
  const pidsText = useRef<HTMLSpanElement>(null);
  const throttledText = useRef<HTMLSpanElement>(null);
  const memMeter = useRef<HTMLDivElement>(null);
  const cpuMeter = useRef<HTMLDivElement>(null);
  const pidsMeter = useRef<HTMLDivElement>(null);

  // Bars follow every sample; numbers change at most every TEXT_MS (readable, and cheaper to lay
  // out), with a trailing update so the last sample always shows (e.g. when paused).
  const textAt = useRef(0);
  const trailing = useRef<{ timer: ReturnType<typeof setTimeout> | null; sample: GaugeSample | null }>({ timer: null, sample: null });
  useEffect(() => () => {
    if (trailing.current.timer) clearTimeout(trailing.current.timer);
  }, []);
  const render = useCallback(
    (g: GaugeSample, force = false): void => {
      const memFraction = g.memoryLimit > 0 ? Math.min(1, g.memoryBytes / g.memoryLimit) : 0;
      const cpuFraction = Math.min(1, g.cpuPercent / (cpus * 100));
      const pidsFraction = g.pidsLimit ? Math.min(1, g.pids / g.pidsLimit) : 0;
      memory.set(memFraction);
      cpu.set(cpuFraction);
      pids.set(pidsFraction);
      const now = performance.now();
      const wait = TEXT_MS - (now - textAt.current);
      if (!force && wait > 0) {
        trailing.current.sample = g;
        trailing.current.timer ??= setTimeout(() => {
          trailing.current.timer = null;
          const last = trailing.current.sample;
          if (last) render(last, true);
        }, wait);
        return;
      }
      textAt.current = now;
      trailing.current.sample = null;
      const memValue = t('cg.of', { used: formatBytes(g.memoryBytes, lang), limit: formatBytes(g.memoryLimit, lang) });
      const cpuValue = t('cg.cpuOfHost', { value: formatPercent(g.cpuPercent, lang), total: formatPercent(cpus * 100, lang), cpus });
      const pidsValue = g.pidsLimit ? t('cg.of', { used: g.pids, limit: g.pidsLimit }) : String(g.pids);
      writeText(memText, memValue);
      writeText(cpuText, cpuValue);
      writeText(pidsText, pidsValue);
      writeText(throttledText, g.throttled ? t('cg.throttled', { count: g.throttled }) : '');
      setMeter(memMeter, memFraction, memValue);
      setMeter(cpuMeter, cpuFraction, cpuValue);
      setMeter(pidsMeter, pidsFraction, pidsValue);
    },
    [t, lang, cpus, memory, cpu, pids],
  );
  useGaugeFeed(container.id, render);

  const { quota, period } = cgroup.cpuMax;
  const quotaCpus = quota === null ? null : quota / period;
  const oomSeen = useRef(oomKills);
  const flash = oomKills > oomSeen.current;

  return (
    <div className="cg-gauges">
      <div className="gauge-row">
        <span className="gauge-row__label">{t('cg.memory')}</span>
        <GaugeBar ref={memMeter} fraction={memory} label={t('cg.memoryAria', { name })}>
          {flash && (
            <motion.div
              key={oomKills}
              className="gauge__flash"
              initial={{ opacity: 1 }}
              animate={{ opacity: 0 }}
              transition={{ duration: 2.4, ease: 'easeOut' }}
              onAnimationComplete={() => (oomSeen.current = oomKills)}
            />
          )}
        </GaugeBar>
        <span className="gauge-row__value" ref={memText} />
        <div className="gauge-row__meta">
          <span className="mono">
            {cgroup.memoryMax === null ? t('cg.noLimit', { value: formatBytes(hostMemory, lang) }) : t('cg.memoryMax', { value: formatBytes(cgroup.memoryMax, lang) })}
          </span>
          {oomKills > 0 && (
            <span className="oom-note">
              ⚠ {t('cg.oomKills', { count: oomKills })}
              {lastOom && ` · ${t('cg.lastOom', { comm: lastOom.comm ?? '?', pid: lastOom.hostPid ?? 0 })}`}
            </span>
          )}
        </div>
      </div>

      <div className="gauge-row">
        <span className="gauge-row__label">{t('cg.cpu')}</span>
        <GaugeBar
          ref={cpuMeter}
          fraction={cpu}
          label={t('cg.cpuAria', { name })}
          marker={quotaCpus === null ? null : quotaCpus / cpus}
          markerLabel={quotaCpus === null ? undefined : t('cg.cpuQuota', { cpus: formatNumber(quotaCpus, lang, 2) })}
          warnAt={0.75}
          critAt={0.95}
        />
        <span className="gauge-row__value" ref={cpuText} />
        <div className="gauge-row__meta mono">
          <span>{t('cg.cpuWeight', { value: cgroup.cpuWeight })}</span>
          <span>
            {t('cg.cpuMax', { value: `${quota ?? 'max'} ${period}` })}
            {quotaCpus !== null && ` (${t('cg.cpuQuota', { cpus: formatNumber(quotaCpus, lang, 2) })})`}
          </span>
          <span className="throttled" ref={throttledText} />
        </div>
      </div>

      <div className="gauge-row">
        <span className="gauge-row__label">{t('cg.pids')}</span>
        {cgroup.pidsMax === null ? (
          <span className="gauge gauge--none" aria-hidden="true" />
        ) : (
          <GaugeBar ref={pidsMeter} fraction={pids} label={t('cg.pidsAria', { name })} />
        )}
        <span className="gauge-row__value" ref={pidsText} />
        <div className="gauge-row__meta mono">
          <span>{t('cg.pidsMax', { value: cgroup.pidsMax ?? t('cg.unlimited') })}</span>
        </div>
      </div>
    </div>
  );
}

const TEXT_MS = 200;

function setMeter(ref: React.RefObject<HTMLElement | null>, fraction: number, text: string): void {
  const el = ref.current;
  if (!el) return;
  const now = String(Math.round(fraction * 100));
  if (el.getAttribute('aria-valuenow') !== now) el.setAttribute('aria-valuenow', now);
  if (el.getAttribute('aria-valuetext') !== text) el.setAttribute('aria-valuetext', text);
}
