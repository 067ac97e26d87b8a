/**
 * An assessment made with an earlier version of a built-in questionnaire, brought up to the
 * version the app has: its answers carried over (see src/questionnaire/carryOver.ts) and the
 * report of what happened kept on the assessment, so the person can check it and nothing is lost.
 */
import { carryAnswers } from '../questionnaire/carryOver.ts';
import type { Questionnaire } from '../questionnaire/schema.ts';
import { compareVersions } from '../questionnaire/versions.ts';
import type { Answer, Assessment } from './types.ts';

export interface Upgraded {
  assessment: Assessment;
  answers: Answer[];
}

/**
 * Whether the assessment should move to this questionnaire: the same questionnaire, in a
 * later version. A workshop participant's answers stay on the workshop's version, since they
 * are handed back to a facilitator who merges answers of that version only.
 */
export function needsUpgrade(assessment: Assessment, questionnaire: Questionnaire): boolean {
  return (
    assessment.questionnaire.id === questionnaire.id &&
    compareVersions(assessment.questionnaire.version, questionnaire.version) < 0 &&
    assessment.workshop === undefined
  );
}

export function upgradeAssessment(
  assessment: Assessment,
  answers: readonly Answer[],
  questionnaire: Questionnaire,
  now: Date,
): Upgraded {
  const { answers: carried, report } = carryAnswers(questionnaire, assessment.questionnaire.version, answers);
  // Earlier answers kept by a previous upgrade stay kept.
  const previous = assessment.carriedOver;
  return {
    assessment: {
      ...assessment,
      questionnaire: { id: questionnaire.id, version: questionnaire.version },
      updatedAt: now.toISOString(),
      carriedOver: {
        ...report,
        mapped: [...(previous?.mapped ?? []), ...report.mapped],
        listed: [...(previous?.listed ?? []), ...report.listed],
        at: now.toISOString(),
      },
    },
    answers: carried,
  };
}
