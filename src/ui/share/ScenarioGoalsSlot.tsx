/**
 * Where a shared scenario's goals show (under the session notices): nothing for a plain sandbox;
 * the checklist, loaded lazily with the lesson catalog, when the session carries goals.
 */
import { lazy, Suspense } from 'react';
import { useScenarioGoals } from './goalsStorage.ts';

const ScenarioGoals = lazy(() => import('./ScenarioGoals.tsx'));

export function ScenarioGoalsSlot() {
  const saved = useScenarioGoals();
  if (!saved) return null;
  return (
    <Suspense fallback={null}>
      <ScenarioGoals key={saved.goals.join(' ')} saved={saved} />
    </Suspense>
  );
}
