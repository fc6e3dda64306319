import { useStoreValue, useT } from './context.ts';
import { narrationText } from './narrationText.ts';
import { GoalAnnouncer } from './lessons/GoalAnnouncer.tsx';

/**
 * The aria-live line (design.md §4): what the last change did, in words ("web started", "hog was
 * OOM-killed"). Polite, so it never interrupts; visible too, for the back row of a classroom.
 */
export function LiveNarration() {
  const t = useT();
  const narration = useStoreValue((s) => s.narration);
  const connection = useStoreValue((s) => s.connection);
  const idle = connection === 'connecting' ? t('app.connecting') : connection === 'ready' ? t('narration.idle') : '';
  const text = narration ? narration.items.map((item) => narrationText(t, item)).join(' · ') : idle;
  const alarming = narration?.items.some((i) => i.kind === 'oom-kill' || i.kind === 'fork-failed' || i.kind === 'pid-max') ?? false;
  return (
    <div className="narration">
      <span className="narration__label" aria-hidden="true">{t('narration.label')}</span>
      <p className={`narration__text${alarming ? ' narration__text--alarm' : ''}`} aria-live="polite" aria-atomic="true">
        <span key={narration?.batch ?? 0} className="narration__fresh">{text}</span>
      </p>
      <GoalAnnouncer />
    </div>
  );
}
