/**
 * Two or more assessments side by side: pillar scores and gaps, and question by question what
 * changed. Assessments made on different questionnaires (a later version, or the quick variant
 * of the full one) are matched by pillar and question id; a question that is missing from one
 * of them, or asks for a different kind of answer, cannot be compared and is listed as such.
 */
import { pillarTargets, type Targets } from '../analysis/targets.ts';
import type { Answers, Response } from '../assessment/types.ts';
import type { LocalizedText, Question, Questionnaire } from '../questionnaire/schema.ts';
import { questionsInOrder } from '../questionnaire/walk.ts';
import { scoreAssessment, type AssessmentResult } from '../scoring/score.ts';
import type { Weights } from '../scoring/weights.ts';

export interface Compared {
  id: string;
  name: string;
  questionnaire: Questionnaire;
  answers: Answers;
  weights?: Weights;
  /** The assessment's own pillar targets; the questionnaire's (or 100) elsewhere. */
  targets?: Targets;
}

export interface PillarComparison {
  pillarId: string;
  title: LocalizedText;
  defaultLanguage: string;
  /** One entry per assessment, in the order given; `null` where the pillar has no score or is absent. */
  scores: (number | null)[];
  /** The pillar's target in each assessment (its own, else the questionnaire's, else 100). */
  targets: (number | null)[];
  /** target − score, never below 0 (a target met leaves no gap). */
  gaps: (number | null)[];
  /** Last score − first score, when both exist. */
  change: number | null;
}

export interface QuestionComparison {
  questionId: string;
  pillarId: string;
  question: Question;
  defaultLanguage: string;
  responses: (Response | undefined)[];
  /** Score 0 to 100 per assessment; `null` where it does not count (not applicable, hidden, free text). */
  scores: (number | null)[];
  change: number | null;
  /** Whether the responses differ between any of the assessments. */
  changed: boolean;
}

export type UnmatchedReason = 'missing' | 'differentType';

export interface Unmatched {
  questionId: string;
  text: LocalizedText;
  defaultLanguage: string;
  reason: UnmatchedReason;
  /** Indices of the assessments whose questionnaire has the question. */
  presentIn: number[];
}

export interface Comparison {
  overall: (number | null)[];
  overallChange: number | null;
  pillars: PillarComparison[];
  questions: QuestionComparison[];
  unmatched: Unmatched[];
  /** Whether the assessments were made on different questionnaires or versions. */
  mixedQuestionnaires: boolean;
}

const change = (values: readonly (number | null)[]): number | null => {
  const first = values[0];
  const last = values[values.length - 1];
  return values.length >= 2 && first !== null && first !== undefined && last !== null && last !== undefined
    ? last - first
    : null;
};

/** @throws WeightError (from scoring) when an assessment's weights cannot give a score. */
export function compareAssessments(items: readonly Compared[]): Comparison {
  const results: AssessmentResult[] = items.map((item) =>
    scoreAssessment(item.questionnaire, item.answers, item.weights),
  );
  return {
    overall: results.map((result) => result.overall),
    overallChange: change(results.map((result) => result.overall)),
    pillars: comparePillars(items, results),
    ...compareQuestions(items, results),
    mixedQuestionnaires:
      new Set(items.map((item) => `${item.questionnaire.id}@${item.questionnaire.version}`)).size > 1,
  };
}

function comparePillars(
  items: readonly Compared[],
  results: readonly AssessmentResult[],
): PillarComparison[] {
  const seen = new Map<string, { title: LocalizedText; defaultLanguage: string }>();
  for (const item of items)
    for (const pillar of item.questionnaire.pillars)
      if (!seen.has(pillar.id))
        seen.set(pillar.id, { title: pillar.title, defaultLanguage: item.questionnaire.defaultLanguage });

  return [...seen].map(([pillarId, { title, defaultLanguage }]) => {
    const scores = results.map(
      (result) => result.pillars.find((pillar) => pillar.pillarId === pillarId)?.score ?? null,
    );
    // A pillar absent from an assessment's questionnaire has no target there.
    const targets = items.map((item) => pillarTargets(item.questionnaire, item.targets)[pillarId] ?? null);
    const gaps = scores.map((score, index) => {
      const target = targets[index];
      return score === null || target === null || target === undefined ? null : Math.max(0, target - score);
    });
    return { pillarId, title, defaultLanguage, scores, targets, gaps, change: change(scores) };
  });
}

function compareQuestions(
  items: readonly Compared[],
  results: readonly AssessmentResult[],
): Pick<Comparison, 'questions' | 'unmatched'> {
  const located = items.map(
    (item) => new Map(questionsInOrder(item.questionnaire).map((entry) => [entry.question.id, entry])),
  );
  const order: string[] = [];
  for (const map of located) for (const id of map.keys()) if (!order.includes(id)) order.push(id);

  const questions: QuestionComparison[] = [];
  const unmatched: Unmatched[] = [];
  for (const questionId of order) {
    const found = located.map((map) => map.get(questionId));
    const presentIn = found.flatMap((entry, index) => (entry ? [index] : []));
    const first = found[presentIn[0]!]!;
    const defaultLanguage = items[presentIn[0]!]!.questionnaire.defaultLanguage;
    const sameType = found.every((entry) => entry?.question.type === first.question.type);
    if (presentIn.length < items.length || !sameType) {
      unmatched.push({
        questionId,
        text: first.question.text,
        defaultLanguage,
        reason: presentIn.length < items.length ? 'missing' : 'differentType',
        presentIn,
      });
      continue;
    }
    const scores = results.map((result) => {
      const score = result.questions[questionId]?.score;
      return score === null || score === undefined ? null : 100 * score;
    });
    const responses = items.map((item) => item.answers[questionId]?.response);
    const key = (response: Response | undefined) => JSON.stringify(response ?? null);
    questions.push({
      questionId,
      pillarId: first.pillar.id,
      question: first.question,
      defaultLanguage,
      responses,
      scores,
      change: change(scores),
      changed: responses.some((response) => key(response) !== key(responses[0])),
    });
  }
  return { questions, unmatched };
}
