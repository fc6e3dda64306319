import { useStoreValue, useT } from './context.ts';

/** Shown when the engine cannot be talked to: a protocol mismatch or a crash. */
export function ProblemBanner() {
  const t = useT();
  const problem = useStoreValue((s) => s.problem);
  const resyncing = useStoreValue((s) => s.connection === 'resyncing');
  if (problem) {
    const text = problem.kind === 'mismatch' ? t('app.mismatch', { expected: problem.expected, got: problem.got }) : t('app.fatal', { message: problem.message });
    return <div className="banner banner--error" role="alert">{text}</div>;
  }
  return resyncing ? <div className="banner" role="status">{t('app.resyncing')}</div> : null;
}
