/**
 * How questions are grouped into the units that get a score: the questionnaire's own pillars,
 * or the five pillars of the ITU Global Cybersecurity Index (each question names the one it
 * informs in `gciPillar`). Both views score the same answers; only the grouping differs.
 */
import { GCI_PILLARS } from '../questionnaire/constants.ts';
import type { Pillar, Question, Questionnaire } from '../questionnaire/schema.ts';
import { questionsInOrder } from '../questionnaire/walk.ts';
import type { Grouping } from './groupings.ts';

export { GROUPINGS, type Grouping } from './groupings.ts';

export interface GroupedQuestion {
  question: Question;
  /** The questionnaire pillar the question belongs to, whatever the grouping. */
  pillarId: string;
}

export interface ScoringGroup {
  /** A pillar id of the questionnaire, or a GCI pillar id. */
  id: string;
  /** Default weight: the pillar's own for questionnaire pillars, none (so 1) for GCI pillars. */
  weight?: number;
  questions: GroupedQuestion[];
}

/**
 * The groups in display order. Under the GCI grouping all five pillars are present, in the
 * GCI's order, even one that no question informs (it then has nothing to score).
 */
export function scoringGroups(questionnaire: Questionnaire, groupBy: Grouping = 'pillar'): ScoringGroup[] {
  if (groupBy === 'pillar') return questionnaire.pillars.map(pillarGroup);
  const located = questionsInOrder(questionnaire);
  return GCI_PILLARS.map((id) => ({
    id,
    questions: located
      .filter(({ question }) => question.gciPillar === id)
      .map(({ question, pillar }) => ({ question, pillarId: pillar.id })),
  }));
}

function pillarGroup(pillar: Pillar): ScoringGroup {
  return {
    id: pillar.id,
    weight: pillar.weight,
    questions: pillar.questions.map((question) => ({ question, pillarId: pillar.id })),
  };
}
