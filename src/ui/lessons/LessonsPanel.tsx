/**
 * The Lessons panel (design.md §3.5, §4): the lesson map (progress ✓ saved locally, reset per
 * lesson, the sandbox for free play) and the lesson being followed: narration, steps whose
 * command can be *inserted* at the prompt (never run for the learner), goals ticking live as the
 * snapshot meets them (announced through aria-live), hints for typical wrong states, and the
 * closing check. Goals and hints are the lesson's own predicates over the store's tables.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { LESSON_MAP, lessonById } from '../../lessons/catalog.ts';
import { activeHints, metGoals } from '../../lessons/evaluate.ts';
import { grade, isCorrect } from '../../lessons/quiz.ts';
import type { Lesson } from '../../lessons/types.ts';
import { usePlayground, useStoreValue, useT } from '../context.ts';
import { insertAtPrompt } from './insert.ts';
import { writeLessonFiles } from './lessonFiles.ts';
import { ShareLesson } from './ShareLesson.tsx';
import { lessonsStore, watchGoals, worldOf } from './lessonsStore.ts';
import './lessons.css';

const store = lessonsStore();

export default function LessonsPanel() {
  const { store: playground } = usePlayground();
  useEffect(() => watchGoals(playground, store), [playground]);
  const current = useStore(store, (s) => s.current);
  const lesson = current ? lessonById(current) : undefined;
  // “Goal met: …” is announced from the footer (GoalAnnouncer.tsx), whichever tab is open.
  return <div className="lessons">{lesson ? <LessonView key={lesson.id} lesson={lesson} /> : <LessonMap />}</div>;
}

function LessonMap() {
  const t = useT();
  const { client, store: playground } = usePlayground();
  const lang = useStoreValue((s) => s.lang);
  const progress = useStore(store, (s) => s.progress);
  const { open, restart } = store.getState();
  const [status, setStatus] = useState('');
  /** The lesson whose reset awaits confirmation. */
  const [confirming, setConfirming] = useState<string | null>(null);
  const startOver = (lesson: Lesson) => {
    setConfirming(null);
    // Reloads into a clean sandbox where it can; otherwise goals met now are held (lessonsStore.reset).
    if (!restart(lesson.id, metGoals(lesson, worldOf(playground.getState())))) setStatus(t('lessons.resetHeld', { title: lesson.title[lang] }));
  };
  return (
    <nav className="lessons__map" aria-label={t('lessons.map')}>
      <p className="lessons__sandbox">{t('lessons.sandboxOn')}</p>
      <ol className="lessons__list">
        {LESSON_MAP.map((entry) => {
          if (entry.kind === 'outline') {
            return (
              <li key={entry.id} className="lessons__item lessons__item--soon">
                <span className="lessons__n">{entry.order}</span>
                <span className="lessons__name">{entry.title[lang]}</span>
                <span className="lessons__badge">{t('lessons.soon')}</span>
              </li>
            );
          }
          const { lesson } = entry;
          const p = progress[lesson.id];
          return (
            <li key={lesson.id} className="lessons__item" data-lesson={lesson.id}>
              <span className="lessons__n">{lesson.order}</span>
              <button
                type="button"
                className="lessons__open"
                onClick={() => {
                  // Only on first opening: reopening a lesson must not overwrite the learner's edits.
                  if (lesson.files && !p) void writeLessonFiles(client, lesson.files);
                  open(lesson.id);
                }}
              >
                {lesson.title[lang]}
              </button>
              {p?.done ? <span className="lessons__badge lessons__badge--done">✓ {t('lessons.done')}</span> : p ? <span className="lessons__badge">{p.goals.length}/{lesson.goals.length}</span> : null}
              {p ? (
                <button
                  type="button"
                  className="button lessons__reset"
                  aria-expanded={confirming === lesson.id}
                  onClick={() => setConfirming(confirming === lesson.id ? null : lesson.id)}
                  aria-label={`${t('lessons.reset')}: ${lesson.title[lang]}`}
                >
                  {t('lessons.reset')}
                </button>
              ) : null}
              {confirming === lesson.id ? (
                <div className="lessons__confirm" role="group" aria-label={`${t('lessons.reset')}: ${lesson.title[lang]}`}>
                  <p>{t('lessons.resetConfirm', { back: t('session.restorePrevious') })}</p>
                  {/* Focus (and so scroll) to the choice just offered. */}
                  <button type="button" className="button button--primary" autoFocus onClick={() => startOver(lesson)}>
                    {t('lessons.resetStart')}
                  </button>
                  <button type="button" className="button" onClick={() => setConfirming(null)}>
                    {t('lessons.resetCancel')}
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      <p className="lessons__status" role="status">{status}</p>
    </nav>
  );
}

function LessonView({ lesson }: { lesson: Lesson }) {
  const t = useT();
  const lang = useStoreValue((s) => s.lang);
  const { client } = usePlayground();
  const progress = useStore(store, (s) => s.progress[lesson.id]);
  const met = new Set(progress?.goals ?? []);
  const allMet = lesson.goals.every((g) => met.has(g.id));
  // Hints are re-evaluated on every store change; the joined ids keep re-renders to real changes.
  const hintIds = useStoreValue((s) => activeHints(lesson, worldOf(s), met).map((h) => h.id).join(' '));
  const hints = lesson.hints.filter((h) => hintIds.split(' ').includes(h.id));
  const [inserted, setInserted] = useState<string | null>(null);

  return (
    <article className="lesson" aria-labelledby="lesson-title" data-lesson={lesson.id}>
      <div className="lesson__bar">
        <button type="button" className="button" onClick={() => store.getState().open(null)}>
          ← {t('lessons.back')}
        </button>
        <ShareLesson lesson={lesson} />
      </div>
      <h3 id="lesson-title" className="lesson__title">
        {lesson.order}. {lesson.title[lang]}
      </h3>
      <p className="lesson__intro">{lesson.intro[lang]}</p>

      <h4>{t('lessons.goals')}</h4>
      <p className="lesson__progress">{t('lessons.goalsProgress', { met: String(met.size), total: String(lesson.goals.length) })}</p>
      <ul className="lesson__goals">
        {lesson.goals.map((goal) => {
          const ok = met.has(goal.id);
          return (
            <li key={goal.id} className={`lesson__goal${ok ? ' lesson__goal--met' : ''}`} data-goal={goal.id} data-met={ok}>
              <span className="lesson__tick" aria-hidden="true">{ok ? '✓' : '○'}</span>
              <span className="visually-hidden">{ok ? t('lessons.done') : ''}</span> {goal.text[lang]}
            </li>
          );
        })}
      </ul>

      {hints.map((hint) => (
        <aside key={hint.id} className="lesson__hint" data-hint={hint.id}>
          <strong>{t('lessons.hint')}:</strong> {hint.text[lang]}
        </aside>
      ))}

      <h4>{t('lessons.steps')}</h4>
      <ol className="lesson__steps">
        {lesson.steps.map((step) => (
          <li key={step.run} className="lesson__step">
            <p>{step.say[lang]}</p>
            <div className="lesson__command">
              <code className="mono">{step.run}</code>
              <button
                type="button"
                className="button lesson__insert"
                aria-label={t('lessons.insertLabel', { command: step.run })}
                onClick={() => {
                  insertAtPrompt(client, step.run);
                  setInserted(step.run);
                }}
              >
                {t('lessons.insert')}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <p className="lesson__inserted" role="status">{inserted ? t('lessons.inserted') : ''}</p>

      <h4>{t('lessons.quiz')}</h4>
      {allMet ? <Quiz lesson={lesson} /> : <p className="lesson__locked">{t('lessons.quizLocked')}</p>}
    </article>
  );
}

function Quiz({ lesson }: { lesson: Lesson }) {
  const t = useT();
  const lang = useStoreValue((s) => s.lang);
  const answers = useStore(store, (s) => s.progress[lesson.id]?.answers) ?? {};
  const result = grade(lesson.quiz, answers);
  return (
    <div className="quiz">
      {lesson.quiz.map((q, qi) => {
        const chosen = answers[q.id];
        const correct = isCorrect(q, chosen);
        return (
          <fieldset key={q.id} className="quiz__question" data-question={q.id}>
            <legend>
              {qi + 1}. {q.question[lang]}
            </legend>
            {q.choices.map((choice, ci) => (
              <label key={ci} className="quiz__choice">
                <input
                  type="radio"
                  name={`quiz-${lesson.id}-${q.id}`}
                  checked={chosen === ci}
                  onChange={() => store.getState().answer(lesson.id, q.id, ci)}
                />
                {choice[lang]}
              </label>
            ))}
            <p className={`quiz__feedback${correct === false ? ' quiz__feedback--wrong' : ''}`} role="status">
              {correct === null ? '' : correct ? `${t('lessons.right')} ${q.explain[lang]}` : t('lessons.wrong')}
            </p>
          </fieldset>
        );
      })}
      <p className="quiz__score" role="status">
        {Object.keys(answers).length ? t('lessons.score', { right: String(result.right), total: String(result.total) }) : ''}
        {result.passed ? ` ${t('lessons.complete')}` : ''}
      </p>
    </div>
  );
}
