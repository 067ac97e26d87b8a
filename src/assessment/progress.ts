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
