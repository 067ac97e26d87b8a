/**
 * The action plan: the ranked gaps turned into steps. For each pillar with a priority, in
 * order, the gaps found — questions answered below the target, or not asked because an earlier
 * answer says the capacity is absent — largest shortfall first, each with the next step the
 * questionnaire suggests and the clauses of the resolution that call for it; and, apart from
 * them, what is still to answer (unanswered, "don't know", or waiting on an earlier answer),
 * which counts as 0 for now but is not yet a gap anyone has found.
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
  /** The pillar's score is provisional: what is still to answer could close much of the gap. */
  provisional: boolean;
  /** The part of the pillar's score that is settled, and the most it can reach (see provisional.ts). */
  coverage: number | null;
  ceiling: number | null;
  /** Gaps found: questions settled below the target, largest shortfall first. */
  steps: PlanStep[];
  /** Still to answer: open questions of the pillar, in questionnaire order. */
  open: PlanStep[];
  /** The clauses behind the pillar and its steps, each once, the pillar's first. */
  clauses: string[];
}

export function actionPlan(analysis: GapAnalysis, questionnaire: Questionnaire): PlanItem[] {
  const definitions = new Map(questionsInOrder(questionnaire).map(({ question }) => [question.id, question]));
  const pillarSources = new Map(questionnaire.pillars.map((pillar) => [pillar.id, pillar.sources]));
  return analysis.ranking.map((group) => {
    const toStep = (question: QuestionAnalysis) => step(question, definitions.get(question.questionId));
    const steps = found(group)
      .map(toStep)
      .filter((entry): entry is PlanStep => entry !== undefined);
    const open = group.questions
      .filter((question) => OPEN.has(question.status))
      .map(toStep)
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
      provisional: group.provisional,
      coverage: group.coverage,
      ceiling: group.ceiling,
      steps,
      open,
      clauses: unique([...own, ...steps.flatMap((entry) => entry.sources)]),
    };
  });
}

/** Counted questions with nothing settled yet: to answer before a gap can be called one. */
const OPEN: ReadonlySet<QuestionStatus> = new Set(['unanswered', 'dontKnow', 'pending']);

/** The settled questions below the target, largest shortfall first (then document order). */
function found(group: GroupAnalysis): QuestionAnalysis[] {
  return group.questions
    .map((question, index) => ({ question, index }))
    .filter(({ question }) => (question.gap ?? 0) > 0 && !OPEN.has(question.status))
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
