import type { BuildStepStatus, BuildView } from '../../engine/snapshot.ts';
import type { Translate } from '../../i18n/index.ts';
import { useT } from '../context.ts';
import { stageSteps } from './buildLighting.ts';

function stepLabel(t: Translate, s: BuildStepStatus): string {
  switch (s) {
    case 'waiting': return t('build.step.waiting');
    case 'running': return t('build.step.running');
    case 'done': return t('build.step.done');
    case 'cached': return t('build.step.cached');
    case 'error': return t('build.step.error');
  }
}

function buildLabel(t: Translate, s: BuildView['status']): string {
  switch (s) {
    case 'running': return t('build.status.running');
    case 'done': return t('build.status.done');
    case 'error': return t('build.status.error');
  }
}

/**
 * The latest build's Dockerfile steps, as BuildKit names them (`[2/4] RUN apk add curl`), each with
 * its state: running (pulsing), built (amber) or CACHED (blue) — the same colours the layers they
 * produced get in the diagram.
 */
export function BuildStrip({ build }: { build: BuildView }) {
  const t = useT();
  const steps = stageSteps(build);
  return (
    <section className={`bstrip bstrip--${build.status}`} aria-label={t('build.stepsLabel')} tabIndex={0}>
      <div className="bstrip__head">
        <span className="bstrip__title mono">{t('build.title', { tags: build.tags.length ? build.tags.join(' ') : t('build.untagged') })}</span>
        <span className={`bstrip__status bstrip__status--${build.status}`}>{buildLabel(t, build.status)}</span>
        <ul className="llegend" aria-hidden="true">
          <li><span className="llegend__swatch llegend__swatch--done" />{t('layers.legendBuilt')}</li>
          <li><span className="llegend__swatch llegend__swatch--cached" />{t('layers.legendCached')}</li>
        </ul>
      </div>
      <ol className="bstrip__steps">
        {steps.map((s) => (
          <li key={s.n} className={`bstep bstep--${s.status}`}>
            <span className="bstep__name mono">{s.name}</span>
            <span className={`bstep__state bstep__state--${s.status}`}>{stepLabel(t, s.status)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
