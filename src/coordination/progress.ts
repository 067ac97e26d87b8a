/**
 * How far each part has got, and who answered what: counted the way the answering screen counts
 * (only questions shown for the current answers; "not applicable" and "don't know" are answers).
 */
import { isResponded } from '../assessment/answers.ts';
import type { Answers } from '../assessment/types.ts';
import { visibleQuestionIds } from '../questionnaire/conditions.ts';
import type { Questionnaire } from '../questionnaire/schema.ts';

/** Who changed an answer last, and when (from the server of record: an answer keeps its author). */
export interface Authorship {
  questionId: string;
  /** The author's display name. */
  by: string;
  /** The organisations the author belongs to, by name. */
  organisations: string[];
  at: string;
}

export interface PartProgress {
  /** Shown questions of the part with any response. */
  answered: number;
  /** Questions of the part shown for the current answers. */
  shown: number;
  /** The latest change to an answer of the part. */
  last: Authorship | undefined;
}

export function partProgress(
  questionnaire: Questionnaire,
  answers: Answers,
  questions: readonly string[],
  authors: ReadonlyMap<string, Authorship>,
): PartProgress {
  const visible = visibleQuestionIds(questionnaire, answers);
  const shown = questions.filter((id) => visible.has(id));
  let last: Authorship | undefined;
  for (const id of questions) {
    const author = authors.get(id);
    if (author && (!last || author.at > last.at)) last = author;
  }
  return { answered: shown.filter((id) => isResponded(answers, id)).length, shown: shown.length, last };
}
