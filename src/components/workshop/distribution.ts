import type { Question } from '../../questionnaire/schema.ts';
import type { QuestionMerge } from '../../workshop/merge.ts';
import type { StakeholderGroup } from '../../workshop/setup.ts';

/**
 * One question's answers in the room: what QuestionDistribution shows (in the list or on the
 * projector) and a consensus card weighs (`useWorkshopPage().distributionOf`).
 */
export interface Distribution {
  question: Question;
  merged: QuestionMerge;
  groups: readonly StakeholderGroup[];
  defaultLanguage: string;
}
