/**
 * Two or more assessments side by side: pillar scores and gaps, and question by question what
 * changed. Assessments made on different questionnaires (a later version, or the quick variant
 * of the full one) are matched by pillar and question id; a question that is missing from one
 * of them, or asks for a different kind of answer, cannot be compared and is listed as such.
 */
import { analyse, type GapAnalysis } from '../analysis/gaps.ts';
import { shownScore, shownShortfall } from '../analysis/shown.ts';
import type { Targets } from '../analysis/targets.ts';
import type { Answers, Response } from '../assessment/types.ts';
import type { WeightProfile } from '../profiles/schema.ts';
import type { LocalizedText, Question, Questionnaire } from '../questionnaire/schema.ts';
import { questionsInOrder } from '../questionnaire/walk.ts';
import type { QuestionStatus } from '../scoring/score.ts';

export interface Compared {
  id: string;
  name: string;
  /** The date the assessment describes, YYYY-MM-DD (`assessmentDate`). */
  date: string;
  questionnaire: Questionnaire;
  answers: Answers;
  /** Its own weight profile and targets, as `assessmentSettings` resolves them. */
  profile: WeightProfile;
  targets?: Targets;
}

export interface PillarComparison {
  pillarId: string;
  title: LocalizedText;
  defaultLanguage: string;
  /** One entry per assessment, in the order given, in whole points; `null` where there is no score. */
  scores: (number | null)[];
  /** The pillar's target in each assessment (its own, else the questionnaire's, else 100). */
  targets: (number | null)[];
  /** target − score, never below 0 (a target met leaves no gap), from the figures as shown. */
  gaps: (number | null)[];
  /** Whether each score is provisional (too much of it still to answer). */
  provisional: boolean[];
  /** Last score − first score, as shown, when both exist. */
  change: number | null;
}

export interface QuestionComparison {
  questionId: string;
  pillarId: string;
  question: Question;
  defaultLanguage: string;
  responses: (Response | undefined)[];
  /** Score 0 to 100, in whole points, per assessment; `null` where it does not count (not applicable, free text). */
  scores: (number | null)[];
  change: number | null;
  /** Whether the responses differ between any of the assessments. */
  changed: boolean;
  /** How each assessment counts it: a question without a response may be decided by an earlier answer. */
  statuses: (QuestionStatus | undefined)[];
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

/** Questions that could not be compared for the same reason, in the same assessments. */
export interface UnmatchedGroup {
  /** The reason and the assessments, as one string: the group's identity, for a list. */
  key: string;
  reason: UnmatchedReason;
  presentIn: number[];
  entries: Unmatched[];
}

/**
 * The questions that could not be compared, grouped by why (a full questionnaire beside its
 * short variant leaves dozens "only in" the full one): each group once, in the order its first
 * question comes.
 */
export function groupUnmatched(unmatched: readonly Unmatched[]): UnmatchedGroup[] {
  const groups = new Map<string, UnmatchedGroup>();
  for (const entry of unmatched) {
    const key = `${entry.reason}:${entry.presentIn.join(',')}`;
    const group = groups.get(key) ?? { key, reason: entry.reason, presentIn: entry.presentIn, entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export interface Comparison {
  /** The dates the assessments describe, in the order given: the first is the baseline. */
  dates: string[];
  overall: (number | null)[];
  /** Whether each overall score is provisional, or there is none for want of any answer. */
  states: GapAnalysis['state'][];
  overallChange: number | null;
  pillars: PillarComparison[];
  questions: QuestionComparison[];
  unmatched: Unmatched[];
  /** Whether the assessments were made on different questionnaires or versions. */
  mixedQuestionnaires: boolean;
}

/** Changes and gaps are differences of scores as shown, so 17 and 15 always differ by 2, never by 3. */
const shown = (value: number | null | undefined): number | null =>
  value === null || value === undefined ? null : shownScore(value);

const change = (values: readonly (number | null)[]): number | null => {
  const first = values[0];
  const last = values[values.length - 1];
  return values.length >= 2 && first !== null && first !== undefined && last !== null && last !== undefined
    ? last - first
    : null;
};

/**
 * Compares in the order given: the first is the baseline, changes run from it to the last. Each
 * assessment is analysed by the questionnaire's pillars with its own profile and targets.
 * @throws WeightError (from scoring) when an assessment's weights cannot give a score.
 */
export function compareAssessments(items: readonly Compared[]): Comparison {
  const analyses = items.map((item) =>
    analyse(item.questionnaire, item.answers, {
      profile: item.profile,
      targets: item.targets,
      groupBy: 'pillar',
    }),
  );
  const overall = analyses.map((analysis) => shown(analysis.overall.score));
  return {
    dates: items.map((item) => item.date),
    overall,
    states: analyses.map((analysis) => analysis.state),
    overallChange: change(overall),
    pillars: comparePillars(items, analyses),
    ...compareQuestions(items, analyses),
    mixedQuestionnaires:
      new Set(items.map((item) => `${item.questionnaire.id}@${item.questionnaire.version}`)).size > 1,
  };
}

function comparePillars(items: readonly Compared[], analyses: readonly GapAnalysis[]): PillarComparison[] {
  const seen = new Map<string, { title: LocalizedText; defaultLanguage: string }>();
  for (const item of items)
    for (const pillar of item.questionnaire.pillars)
      if (!seen.has(pillar.id))
        seen.set(pillar.id, { title: pillar.title, defaultLanguage: item.questionnaire.defaultLanguage });

  return [...seen].map(([pillarId, { title, defaultLanguage }]) => {
    // A pillar absent from an assessment's questionnaire has no score or target there.
    const groups = analyses.map((analysis) => analysis.groups.find((group) => group.pillarId === pillarId));
    const scores = groups.map((group) => shown(group?.score));
    const targets = groups.map((group) => shown(group?.target));
    const gaps = groups.map((group) => (group ? shownShortfall(group) : null));
    const provisional = groups.map((group) => group?.provisional ?? false);
    return { pillarId, title, defaultLanguage, scores, targets, gaps, provisional, change: change(scores) };
  });
}

function compareQuestions(
  items: readonly Compared[],
  analyses: readonly GapAnalysis[],
): Pick<Comparison, 'questions' | 'unmatched'> {
  const byQuestion = analyses.map(
    (analysis) =>
      new Map(analysis.groups.flatMap((group) => group.questions.map((entry) => [entry.questionId, entry]))),
  );
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
    const scores = byQuestion.map((found) => {
      const score = found.get(questionId)?.score;
      return score === null || score === undefined ? null : shownScore(100 * score);
    });
    const responses = items.map((item) => item.answers[questionId]?.response);
    const statuses = byQuestion.map((found) => found.get(questionId)?.status);
    const key = (response: Response | undefined) => JSON.stringify(response ?? null);
    questions.push({
      questionId,
      pillarId: first.pillar.id,
      question: first.question,
      defaultLanguage,
      responses,
      statuses,
      scores,
      change: change(scores),
      changed: responses.some((response) => key(response) !== key(responses[0])),
    });
  }
  return { questions, unmatched };
}
