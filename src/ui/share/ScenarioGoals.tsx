/**
 * The viewer's checklist: the goals a shared scenario carries ("Goals of this scenario"), ticked
 * live as the session meets them (the lessons' own predicates over the playground store, latched,
 * announced through aria-live) and saved next to the session so a reload keeps them. A compact
 * card under the session notices, collapsible. Loaded lazily (ScenarioGoalsSlot.tsx) only when the
 * session has goals: it brings the lesson catalog with it.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { LESSONS } from '../../lessons/catalog.ts';
import { usePlayground, useStoreValue, useT } from '../context.ts';
import { goalGroups } from './goalPicking.ts';
import { pageStorage, saveMetGoals, type SavedGoals } from './goalsStorage.ts';
import { createScenarioGoalsStore, watchScenarioGoals, type ScenarioGoalsStore } from './scenarioGoalsStore.ts';
import './goals.css';

const groups = goalGroups(LESSONS);

export default function ScenarioGoals({ saved }: { saved: SavedGoals }) {
  const { store: playground } = usePlayground();
  // Created once per mount (the slot keys it by the goal ids); the saved `met` only seeds it.
  const [goals] = useState(() => createScenarioGoalsStore(saved.goals, saved.met, groups, (met) => saveMetGoals(pageStorage(), met)));
  useEffect(() => watchScenarioGoals(playground, goals), [playground, goals]);
  return <Checklist goals={goals} />;
}

function Checklist({ goals }: { goals: ScenarioGoalsStore }) {
  const t = useT();
  const lang = useStoreValue((s) => s.lang);
  const options = useStore(goals, (s) => s.options);
  const unknown = useStore(goals, (s) => s.unknown);
  const met = useStore(goals, (s) => s.met);
  const announcement = useStore(goals, (s) => s.announcement);
  const announced = announcement ? options.find((o) => o.ref === announcement.ref) : undefined;
  const done = options.length > 0 && met.length === options.length;
  return (
    <section className="scenario-goals" aria-labelledby="scenario-goals-title" data-testid="scenario-goals">
      <details open>
        <summary className="scenario-goals__summary">
          <span id="scenario-goals-title" className="scenario-goals__title">{t('scenarioGoals.title')}</span>
          <span className={`scenario-goals__count${done ? ' scenario-goals__count--done' : ''}`}>
            {done ? `✓ ${t('scenarioGoals.allMet')}` : t('scenarioGoals.progress', { met: met.length, total: options.length })}
          </span>
        </summary>
        <ul className="scenario-goals__list">
          {options.map((o) => {
            const ok = met.includes(o.ref);
            return (
              <li key={o.ref} className={`scenario-goals__goal${ok ? ' scenario-goals__goal--met' : ''}`} data-goal={o.ref} data-met={ok}>
                <span className="scenario-goals__tick" aria-hidden="true">{ok ? '✓' : '○'}</span>
                <span className="scenario-goals__text">
                  {o.goal.text[lang]}
                  <span className="scenario-goals__lesson"> · {o.lessonTitle[lang]}</span>
                  <span className="visually-hidden"> ({ok ? t('scenarioGoals.met') : t('scenarioGoals.notMet')})</span>
                </span>
              </li>
            );
          })}
        </ul>
        {unknown.length > 0 && <p className="scenario-goals__unknown">{t('scenarioGoals.unknown', { count: unknown.length })}</p>}
      </details>
      <p className="visually-hidden" aria-live="polite" data-testid="scenario-goals-live">
        {announced ? t('scenarioGoals.announce', { goal: announced.goal.text[lang] }) : ''}
      </p>
    </section>
  );
}
