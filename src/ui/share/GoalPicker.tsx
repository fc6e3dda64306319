/**
 * Record's goal picker ("goals picked from a list", issue 5): every lesson's goals grouped under
 * the lesson's title, in the UI language, with checkboxes; a filter by words; how many are picked
 * (within the scenario format's limit); goals this session already meets are marked, so the author
 * knows the replay will meet them too. Loaded lazily by ShareControls (it brings the lesson
 * catalog with it).
 */
import { useId, useMemo, useState } from 'react';
import { LESSONS } from '../../lessons/catalog.ts';
import { LIMITS } from '../../scenario/format.ts';
import { useStoreValue, useT } from '../context.ts';
import { allRefs, canPickMore, filterGroups, goalGroups, metNow, togglePick } from './goalPicking.ts';
import './goals.css';

const groups = goalGroups(LESSONS);
const refs = allRefs(groups);
const options = groups.flatMap((g) => g.goals);

export interface GoalPickerProps {
  readonly picked: readonly string[];
  readonly onChange: (picked: readonly string[]) => void;
}

export default function GoalPicker({ picked, onChange }: GoalPickerProps) {
  const t = useT();
  const id = useId();
  const lang = useStoreValue((s) => s.lang);
  const [query, setQuery] = useState('');
  const shown = useMemo(() => filterGroups(groups, query, lang), [query, lang]);
  // The goals the session meets now (re-evaluated on store changes; the joined ids keep renders to real changes).
  const met = new Set(useStoreValue((s) => metNow(options, s).join(' ')).split(' '));
  const full = !canPickMore(picked);
  return (
    // A div, not a fieldset: a fieldset's content box will not shrink in a flex column, and the list must.
    <div className="goal-picker" role="group" aria-labelledby={`${id}-legend`}>
      <div id={`${id}-legend`} className="goal-picker__legend">{t('record.goals')}</div>
      <p className="goal-picker__hint">{t('record.goalsHint')}</p>
      <div className="goal-picker__bar">
        <label className="goal-picker__filter">
          <span>{t('record.goalsFilter')}</span>
          <input
            type="search"
            value={query}
            placeholder={t('record.goalsFilterPlaceholder')}
            onChange={(e) => setQuery(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && query) {
                e.stopPropagation();
                setQuery('');
              }
            }}
          />
        </label>
        <span className="goal-picker__count" role="status">
          {t('record.goalsPicked', { count: picked.length, max: LIMITS.goals })}
        </span>
      </div>
      {full && <p className="goal-picker__full">{t('record.goalsFull', { max: LIMITS.goals })}</p>}
      <div className="goal-picker__list" role="group" aria-label={t('record.goalsList')}>
        {shown.map((group) => (
          <div key={group.lessonId} className="goal-picker__group" role="group" aria-labelledby={`${id}-${group.lessonId}`}>
            <div id={`${id}-${group.lessonId}`} className="goal-picker__lesson">
              <span className="goal-picker__n">{group.order}</span> {group.title[lang]}
            </div>
            <ul className="goal-picker__goals">
              {group.goals.map((o) => {
                const checked = picked.includes(o.ref);
                const metHere = met.has(o.ref);
                return (
                  <li key={o.ref} data-goal={o.ref}>
                    <label className={`goal-picker__goal${checked ? ' goal-picker__goal--picked' : ''}`}>
                      <input
                        type="checkbox"
                        checked={checked}
                        disabled={!checked && full}
                        onChange={(e) => onChange(togglePick(picked, o.ref, e.currentTarget.checked, refs))}
                      />
                      <span className="goal-picker__text">{o.goal.text[lang]}</span>
                      {metHere && (
                        <span className="goal-picker__met" title={t('record.goalMetNowHint')}>
                          ✓ {t('record.goalMetNow')}
                        </span>
                      )}
                    </label>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
        {shown.length === 0 && <p className="goal-picker__none">{t('record.goalsNone', { query: query.trim() })}</p>}
      </div>
    </div>
  );
}
