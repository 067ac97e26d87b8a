import { visibleQuestionIds } from '../questionnaire/conditions.ts';
import type { Pillar, Questionnaire } from '../questionnaire/schema.ts';
import { isResponded } from './answers.ts';
import type { Answers } from './types.ts';

export interface Progress {
  /** Shown questions with any response, "not applicable" and "don't know" included. */
  responded: number;
  /** Questions shown for the current answers (conditional ones may come and go). */
  shown: number;
}

export interface PillarProgress extends Progress {
  pillarId: string;
}

/** How far a person has got, pillar by pillar, counting only the questions they are shown. */
export function pillarProgress(questionnaire: Questionnaire, answers: Answers): PillarProgress[] {
  const visible = visibleQuestionIds(questionnaire, answers);
  return questionnaire.pillars.map((pillar: Pillar) => {
    const shown = pillar.questions.filter((question) => visible.has(question.id));
    return {
      pillarId: pillar.id,
      shown: shown.length,
      responded: shown.filter((question) => isResponded(answers, question.id)).length,
    };
  });
}

export function totalProgress(questionnaire: Questionnaire, answers: Answers): Progress {
  return pillarProgress(questionnaire, answers).reduce<Progress>(
    (total, pillar) => ({ responded: total.responded + pillar.responded, shown: total.shown + pillar.shown }),
    { responded: 0, shown: 0 },
  );
}

export interface Place {
  pillarId: string;
  questionId: string;
}

/**
 * Where a person coming back picks up: the first unanswered question after the one they answered
 * last (going round to the start), else the last one they answered when nothing is left; the
 * first question when nothing is answered yet. Only questions shown for the answers count.
 */
export function resumePlace(questionnaire: Questionnaire, answers: Answers): Place | undefined {
  const visible = visibleQuestionIds(questionnaire, answers);
  const shown = questionnaire.pillars.flatMap((pillar) =>
    pillar.questions
      .filter((question) => visible.has(question.id))
      .map((question) => ({ pillarId: pillar.id, questionId: question.id })),
  );
  let last = -1;
  shown.forEach((place, index) => {
    const at = answers[place.questionId]?.updatedAt;
    const lastAt = last >= 0 ? answers[shown[last]!.questionId]?.updatedAt : undefined;
    if (at !== undefined && isResponded(answers, place.questionId) && (lastAt === undefined || at >= lastAt))
      last = index;
  });
  const ordered = [...shown.slice(last + 1), ...shown.slice(0, last + 1)];
  return ordered.find((place) => !isResponded(answers, place.questionId)) ?? shown[last] ?? shown[0];
}
