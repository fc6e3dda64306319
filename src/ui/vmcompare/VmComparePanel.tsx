/**
 * VM vs container (design.md §4): the same three services as three VMs (hardware → hypervisor →
 * a guest kernel and OS each) and as three containers (hardware → one Linux kernel → the runtime →
 * each app with its libraries). Start plays both boots as one honest time-lapse from the sourced
 * figures (facts.ts); below, the figures with their sources, what a container cannot do, and a
 * live line with the containers running in this playground.
 */
import { useMemo } from 'react';
import type { ContainerView } from '../../engine/snapshot.ts';
import { useStoreValue, useT } from '../context.ts';
import { formatBytes, formatNumber } from '../format.ts';
import { useReducedMotion } from '../reducedMotion.ts';
import { BOOT, NON_LINUX_ERRORS, ROW_SOURCES, SOURCES, TIMELAPSE, type SourceId } from './facts.ts';
import { useBootClock } from './useBootClock.ts';

const SERVICES = ['nginx', 'redis', 'postgres'] as const;
/** A VM's boot, in fractions of its whole: firmware + guest kernel, then the OS's init, then the app. */
const VM_PHASES = { kernel: 0.35, os: 0.85 } as const;

type Phase = 'stopped' | 'booting' | 'ready';

function phaseAt(seconds: number | null, total: number): Phase {
  if (seconds === null) return 'stopped';
  return seconds >= total ? 'ready' : 'booting';
}

export default function VmComparePanel() {
  const t = useT();
  const lang = useStoreValue((s) => s.lang);
  const reduced = useReducedMotion();
  const { seconds, start, reset } = useBootClock(BOOT.vmIllustrative, reduced);
  const vm = phaseAt(seconds, BOOT.vmIllustrative);
  const ct = phaseAt(seconds, BOOT.containerRunSsd);
  const vmProgress = seconds === null ? 0 : Math.min(1, seconds / BOOT.vmIllustrative);
  const ctProgress = seconds === null ? 0 : Math.min(1, seconds / BOOT.containerRunSsd);
  const cite = (ids: readonly SourceId[]) => ids.map((id) => `[${Object.keys(SOURCES).indexOf(id) + 1}]`).join('');

  return (
    <div className="vmc">
      <div className="vmc__controls">
        <button type="button" className="vmc__start" onClick={start}>{t('vm.start')}</button>
        <button type="button" className="vmc__reset" onClick={reset} disabled={seconds === null}>{t('vm.reset')}</button>
        <span className="vmc__clock mono" aria-live="off">{t('vm.elapsed', { seconds: formatNumber(seconds ?? 0, lang, 1) })}</span>
        <span className="vmc__lapse">{t('vm.timelapse', { factor: String(TIMELAPSE) })}</span>
      </div>
      <div className="vmc__sides">
        <section className="vmc-side vmc-side--vm" aria-labelledby="vmc-vms" data-phase={vm}>
          <h3 id="vmc-vms" className="vmc-side__title">{t('vm.vms')}</h3>
          <p className="vmc-side__summary">{t('vm.vmSummary')}</p>
          <div className="vmc-row">
            {SERVICES.map((name) => (
              <div key={name} className={`vmc-vm vmc--${vm}`}>
                <div className={`vmc-block vmc-block--app${vmProgress >= VM_PHASES.os ? ' vmc-block--on' : ''}`}>{name}</div>
                <div className={`vmc-block vmc-block--os${vmProgress >= VM_PHASES.kernel ? ' vmc-block--on' : ''}`}>{t('vm.guestOs')}</div>
                <div className={`vmc-block vmc-block--kernel${vmProgress > 0 ? ' vmc-block--on' : ''}`}>{t('vm.guestKernel')}</div>
                <Progress name={name} value={vmProgress} label={t(`vm.${vm}` as const)} />
              </div>
            ))}
          </div>
          <div className="vmc-layer vmc-layer--hv">{t('vm.hypervisor')}</div>
          <div className="vmc-layer vmc-layer--hw">{t('vm.hardware')}</div>
        </section>
        <section className="vmc-side vmc-side--ct" aria-labelledby="vmc-cts" data-phase={ct}>
          <h3 id="vmc-cts" className="vmc-side__title">{t('vm.containers')}</h3>
          <p className="vmc-side__summary">{t('vm.ctSummary', { cite: cite(ROW_SOURCES.boot) })}</p>
          <div className="vmc-row">
            {SERVICES.map((name) => (
              <div key={name} className={`vmc-ct vmc--${ct}`}>
                <div className={`vmc-block vmc-block--app${ctProgress > 0 ? ' vmc-block--on' : ''}`}>{name}<span className="vmc-block__libs"> + {t('vm.libs')}</span></div>
                <Progress name={name} value={ctProgress} label={t(`vm.${ct}` as const)} />
              </div>
            ))}
          </div>
          <div className="vmc-layer vmc-layer--rt">{t('vm.runtime')}</div>
          <div className="vmc-layer vmc-layer--kernel">{t('vm.hostKernel')}</div>
          <div className="vmc-layer vmc-layer--hw">{t('vm.hardware')}</div>
          <LiveContainers />
        </section>
      </div>
      <table className="vmc-facts">
        <thead>
          <tr><td /><th scope="col">{t('vm.vms')}</th><th scope="col">{t('vm.containers')}</th></tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('vm.boot')}</th>
            <td>{t('vm.vmBoot', { seconds: String(BOOT.vmIllustrative) })} <em className="vmc-facts__u">({t('vm.typical')})</em></td>
            <td>{t('vm.ctBoot')} <sup>{cite(ROW_SOURCES.boot)}</sup></td>
          </tr>
          <tr>
            <th scope="row">{t('vm.memory')}</th>
            <td>{t('vm.vmMemory')} <em className="vmc-facts__u">({t('vm.typical')})</em></td>
            <td>{t('vm.ctMemory')}</td>
          </tr>
          <tr>
            <th scope="row">{t('vm.cpu')}</th>
            <td>{t('vm.vmCpu')} <sup>{cite(ROW_SOURCES.cpu)}</sup></td>
            <td>{t('vm.ctCpu')} <sup>{cite(ROW_SOURCES.cpu)}</sup></td>
          </tr>
        </tbody>
      </table>
      <p className="vmc-note">{t('vm.microvm')} <sup>{cite(ROW_SOURCES.memory)}</sup></p>
      <section className="vmc-cannot" aria-labelledby="vmc-cannot">
        <h3 id="vmc-cannot" className="vmc-side__title">{t('vm.cannot')}</h3>
        <ul>
          <li><KernelFact /></li>
          <li>
            {t('vm.cannotOs')}
            {NON_LINUX_ERRORS.map((e) => <pre key={e} className="vmc-error mono">{e}</pre>)}
          </li>
        </ul>
        <p>{t('vm.canVm')}</p>
      </section>
      <footer className="vmc-sources">
        <h3 className="vmc-sources__title">{t('vm.sources')}</h3>
        <ol>
          {Object.values(SOURCES).map((s) => (
            <li key={s.id}>{'url' in s && s.url ? <a href={s.url} target="_blank" rel="noreferrer">{s.citation}</a> : s.citation}</li>
          ))}
        </ol>
      </footer>
    </div>
  );
}

function Progress({ name, value, label }: { name: string; value: number; label: string }) {
  return (
    <div className="vmc-progress">
      <div className="vmc-progress__bar" role="progressbar" aria-label={name} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(value * 100)} aria-valuetext={label}>
        <div className="vmc-progress__fill" style={{ width: `${value * 100}%` }} />
      </div>
      <span className="vmc-progress__label">{label}</span>
    </div>
  );
}

function KernelFact() {
  const t = useT();
  const kernel = useStoreValue((s) => s.host?.kernelVersion ?? '');
  return <>{t('vm.cannotKernel', { kernel })}</>;
}

/** The containers running in the engine right now, with their memory (docker stats MEM USAGE). */
function LiveContainers() {
  const t = useT();
  const table = useStoreValue((s) => s.containers);
  const running = useMemo(() => Object.values(table).filter((c) => c.status === 'running').map((c) => c.id), [table]);
  if (running.length === 0) return <p className="vmc-live" data-testid="vmc-live">{t('vm.liveNone')}</p>;
  return (
    <p className="vmc-live" data-testid="vmc-live">
      {t('vm.live', { count: running.length })}:{' '}
      {running.slice(0, 4).map((id, i) => <LiveContainer key={id} id={id} first={i === 0} />)}
    </p>
  );
}

function LiveContainer({ id, first }: { id: string; first: boolean }) {
  const lang = useStoreValue((s) => s.lang);
  const c: ContainerView | undefined = useStoreValue((s) => s.containers[id]);
  const mem = useStoreValue((s) => s.gauges.containers[id]?.memoryBytes);
  if (!c) return null;
  return <span className="vmc-live__item mono">{first ? '' : ' · '}{c.name}{mem !== undefined ? ` ${formatBytes(mem, lang)}` : ''}</span>;
}
