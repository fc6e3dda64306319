import { useStoreValue, useT } from '../context.ts';
import { useGoalAnnouncement } from './current.ts';

/**
 * The aria-live line for lesson goals: “✓ Goal met: …” each time one ticks, whichever tab is open
 * (it sits in the footer, beside the narration, not in the lazily loaded Lessons panel); visible
 * too, so a learner working in another tab sees the tick.
 */
export function GoalAnnouncer() {
  const t = useT();
  const lang = useStoreValue((s) => s.lang);
  const announcement = useGoalAnnouncement();
  return (
    <p className="narration__goal" aria-live="polite" aria-atomic="true" data-testid="lessons-live">
      {announcement ? <span key={announcement.seq} className="narration__fresh">✓ {t('lessons.goalMet', { goal: announcement.goal[lang] })}</span> : ''}
    </p>
  );
}
