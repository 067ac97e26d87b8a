/**
 * Finding a question or a pillar of a questionnaire by its id: the one way every screen and
 * check does it. A map is built per call (callers that look up often keep it, in a `computed`
 * or a local): questionnaires being authored or adapted change, so none is cached here.
 */
import type { Pillar, Question, Questionnaire } from './schema.ts';

/** Every question of the questionnaire by its id, in document order. */
export function questionsById(questionnaire: Questionnaire | undefined): Map<string, Question> {
  return new Map(
    questionnaire?.pillars.flatMap((pillar) =>
      pillar.questions.map((question) => [question.id, question] as const),
    ),
  );
}

/** One question by its id (for a single look-up; `questionsById` for many). */
export function findQuestion(questionnaire: Questionnaire | undefined, id: string): Question | undefined {
  for (const pillar of questionnaire?.pillars ?? []) {
    const question = pillar.questions.find((entry) => entry.id === id);
    if (question) return question;
  }
  return undefined;
}

/** One pillar by its id. */
export function findPillar(questionnaire: Questionnaire | undefined, id: string): Pillar | undefined {
  return questionnaire?.pillars.find((pillar) => pillar.id === id);
}
