/** Grading the end-of-lesson check. */
import type { QuizQuestion } from './types.ts';

export type Answers = Readonly<Record<string, number>>;

/** Whether `choice` answers `question` right; null when the question is unanswered. */
export function isCorrect(question: QuizQuestion, choice: number | undefined): boolean | null {
  return choice === undefined ? null : choice === question.answer;
}

/** Right answers out of all questions; passed when every question is answered right. */
export function grade(quiz: readonly QuizQuestion[], answers: Answers): { readonly right: number; readonly total: number; readonly passed: boolean } {
  const right = quiz.filter((q) => isCorrect(q, answers[q.id]) === true).length;
  return { right, total: quiz.length, passed: right === quiz.length };
}
