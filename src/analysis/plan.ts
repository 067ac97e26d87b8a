/**
 * The action plan: the ranked gaps turned into steps. For each pillar with a priority, in
 * order, the questions that keep it below its target (scored below it, answered "don't know",
 * or not answered), largest shortfall first, each with the next step the questionnaire
 * suggests and the clauses of the resolution that call for it.
 *
 * Plain data, with texts left in all their languages, so the results screen, the printed
 * report and exports can each present it their own way.
 */
import type { LocalizedText, Question, Questionnaire } from '../questionnaire/schema.ts';
import { questionsInOrder } from '../questionnaire/walk.ts';
import type { QuestionStatus } from '../scoring/score.ts';
import type { GapAnalysis, GroupAnalysis, QuestionAnalysis } from './gaps.ts';

export interface PlanStep {
  questionId: string;
  /** The questionnaire pillar of the question. */
  pillarId: string;
  status: QuestionStatus;
  /** 0 to 100. */
  points: number;
  target: number;
  /** Points of the pillar's score this question keeps below the target. */
  shortfall: number;
  text: LocalizedText;
  /** The suggested next step, as written in the questionnaire; absent when it gives none. */
  action?: LocalizedText;
  sources: string[];
}

export interface PlanItem {
  rank: number;
  /** A questionnaire pillar, or a GCI pillar under that grouping. */
  groupId: string;
  score: number;
  target: number;
  gap: number;
  /** The pillar's part of the overall score, in [0, 1]. */
  share: number;
  priority: number;
  steps: PlanStep[];
  /** The clauses behind the pillar and its steps, each once, the pillar's first. */
  clauses: string[];
}

export function actionPlan(analysis: GapAnalysis, questionnaire: Questionnaire): PlanItem[] {
  const definitions = new Map(questionsInOrder(questionnaire).map(({ question }) => [question.id, question]));
  const pillarSources = new Map(questionnaire.pillars.map((pillar) => [pillar.id, pillar.sources]));
  return analysis.ranking.map((group) => {
    const steps = missing(group)
      .map((question) => step(question, definitions.get(question.questionId)))
      .filter((entry): entry is PlanStep => entry !== undefined);
    const own = analysis.groupBy === 'pillar' ? (pillarSources.get(group.pillarId) ?? []) : [];
    return {
      rank: group.rank ?? 0,
      groupId: group.pillarId,
      score: group.score ?? 0,
      target: group.target ?? 0,
      gap: group.gap ?? 0,
      share: group.share ?? 0,
      priority: group.priority,
      steps,
      clauses: unique([...own, ...steps.flatMap((entry) => entry.sources)]),
    };
  });
}

/** The counted questions below the target, largest shortfall first (then document order). */
function missing(group: GroupAnalysis): QuestionAnalysis[] {
  return group.questions
    .map((question, index) => ({ question, index }))
    .filter(({ question }) => (question.gap ?? 0) > 0)
    .sort((a, b) => (b.question.shortfall ?? 0) - (a.question.shortfall ?? 0) || a.index - b.index)
    .map(({ question }) => question);
}

function step(question: QuestionAnalysis, definition: Question | undefined): PlanStep | undefined {
  if (!definition) return undefined;
  return {
    questionId: question.questionId,
    pillarId: question.pillarId,
    status: question.status,
    points: question.points ?? 0,
    target: question.target,
    shortfall: question.shortfall ?? 0,
    text: definition.text,
    ...(definition.action && { action: definition.action }),
    sources: definition.sources,
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
