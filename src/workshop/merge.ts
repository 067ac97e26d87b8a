/**
 * Merging the answers of a workshop's participants into one picture, per question and per
 * pillar, for everyone and by stakeholder group.
 *
 * Everything is measured on the score scale (each answer's score in [0, 1], see
 * `src/scoring/valueScore.ts`), so yes/partly/no, maturity levels, choices and figures compare
 * alike, and "agree" means "agree on what it means for the assessment".
 *
 * - Responses: a value, "not applicable", "don't know", no answer, or not asked (hidden by a
 *   condition on the participant's own answers). Only values enter the median, spread and
 *   agreement; the others are counted beside them. An answer that is not valid for the question
 *   counts as no answer.
 * - Median: the lower median, i.e. the answer at rank ⌈n/2⌉ when the n values are sorted by
 *   score (ties in score by the answer's own order). When the two middle answers differ the
 *   lower one is taken, so the median is always an answer somebody gave and never overstates.
 * - Spread: the middle half of the answers, from rank ⌈n/4⌉ to rank ⌈3n/4⌉ (nearest rank), and
 *   its width in score points (0 to 100).
 * - Agreement: Tastle and Wierman's consensus, 1 + Σ pᵢ·log₂(1 − |sᵢ − μ|) over the values'
 *   scores sᵢ with mean μ: 1 when everyone gives the same answer, 0 when the room is split
 *   evenly between the two ends of the scale. `null` with fewer than two values.
 * - A pillar's agreement is the mean agreement of its questions that have one; the overall
 *   agreement is the mean over all such questions. Participants' own pillar scores are shown
 *   beside it, from those who answered at least one of its questions.
 * - Free-text questions have no median or agreement; their texts are listed. Questions
 *   collected for context (`"scored": false`) have no place on the score scale either: only
 *   their distribution is shown.
 */
import { distributionKeys, isFreeText, isScored, keysOf, valueOrder } from '../questionnaire/answerTypes.ts';
import { visibleQuestionIds } from '../questionnaire/conditions.ts';
import type { Question, Questionnaire } from '../questionnaire/schema.ts';
import type { Answers, AnswerValue, Response } from '../assessment/types.ts';
import { scoreAssessment } from '../scoring/score.ts';
import { valueScore } from '../scoring/valueScore.ts';
import type { Weights } from '../scoring/weights.ts';

export interface MergeParticipant {
  participantId: string;
  group: string;
  answers: Answers;
}

export interface MergeInput {
  questionnaire: Questionnaire;
  /** The workshop's groups, in order; a group with nobody in it is still reported. */
  groups: readonly string[];
  participants: readonly MergeParticipant[];
  weights?: Weights;
}

export interface Counts {
  values: number;
  notApplicable: number;
  dontKnow: number;
  unanswered: number;
  hidden: number;
}

/** One answer somebody gave, with its score. */
export interface Rated {
  value: AnswerValue;
  score: number;
}

export interface DistributionEntry {
  /** An option id, a level, a figure, or for multiple choice one option. */
  key: string;
  count: number;
}

export interface QuestionStats {
  participants: number;
  counts: Counts;
  /** How many gave each answer (multiple choice: how many chose each option), in the question's order. */
  distribution: DistributionEntry[];
  median: Rated | null;
  /** The answers at the lower and upper quartile (nearest rank). */
  middleHalf: { low: Rated; high: Rated } | null;
  /** Width of the middle half in score points, 0 to 100. */
  spread: number | null;
  lowest: Rated | null;
  highest: Rated | null;
  agreement: number | null;
}

export interface QuestionMerge {
  questionId: string;
  pillarId: string;
  type: Question['type'];
  all: QuestionStats;
  byGroup: Record<string, QuestionStats>;
  /** What the consensus starts from: the median, or the response most participants gave when that is not a value. */
  suggested: Response | undefined;
  /** Free-text answers, in participants' order. */
  texts: string[];
}

export interface PillarStats {
  agreement: number | null;
  /** Questions of the pillar that have an agreement figure. */
  measured: number;
  /** Participants' own pillar scores (0 to 100): lower median and range. */
  scores: { median: number; lowest: number; highest: number; count: number } | null;
}

export interface PillarMerge {
  pillarId: string;
  all: PillarStats;
  byGroup: Record<string, PillarStats>;
}

export interface MergeResult {
  participants: { total: number; byGroup: Record<string, number> };
  /** Participants who gave no response at all. */
  empty: string[];
  questions: QuestionMerge[];
  pillars: PillarMerge[];
  agreement: number | null;
  agreementByGroup: Record<string, number | null>;
}

type Kind = keyof Counts;

interface Classified {
  kind: Kind;
  rated?: Rated;
  /** A value with no place on the score scale: a question collected for context. */
  unrated?: AnswerValue;
  text?: string;
}

/** What one participant's response to one question amounts to. */
function classify(question: Question, answers: Answers, visible: ReadonlySet<string>): Classified {
  if (!visible.has(question.id)) return { kind: 'hidden' };
  const response = answers[question.id]?.response;
  if (!response) return { kind: 'unanswered' };
  if (response.kind === 'notApplicable') return { kind: 'notApplicable' };
  if (response.kind === 'dontKnow') return { kind: 'dontKnow' };
  const score = valueScore(question, response.value);
  if (isFreeText(question))
    return typeof response.value === 'string' && response.value.trim() !== ''
      ? { kind: 'values', text: response.value }
      : { kind: 'unanswered' };
  if (score === null) return { kind: 'values', unrated: response.value };
  return typeof score === 'number'
    ? { kind: 'values', rated: { value: response.value, score } }
    : { kind: 'unanswered' };
}

function compareRated(question: Question) {
  return (a: Rated, b: Rated): number => {
    if (a.score !== b.score) return a.score - b.score;
    const ka = valueOrder(question, a.value);
    const kb = valueOrder(question, b.value);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
}

/** Nearest rank: the value at rank ⌈p·n⌉ (1-based) of sorted values; p = ½ gives the lower median. */
export function nearestRank<T>(sorted: readonly T[], p: number): T | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1];
}

/** Tastle and Wierman's consensus of values in [0, 1]; `null` for fewer than two. */
export function agreementOf(scores: readonly number[]): number | null {
  if (scores.length < 2) return null;
  const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
  const p = 1 / scores.length;
  let total = 1;
  // |s − μ| < 1 always holds for two or more values in [0, 1]; the floor guards rounding only.
  for (const score of scores) total += p * Math.log2(Math.max(1e-12, 1 - Math.abs(score - mean)));
  return Math.min(1, Math.max(0, total));
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** How many gave each answer: every value the question offers, or each distinct figure, smallest first. */
function distributionOf(question: Question, values: readonly AnswerValue[]): DistributionEntry[] {
  const counts = new Map<string, number>();
  const keys = distributionKeys(question);
  for (const key of keys ?? []) counts.set(key, 0);
  const ordered = keys
    ? values
    : [...values].sort((a, b) => (valueOrder(question, a) as number) - (valueOrder(question, b) as number));
  for (const value of ordered) for (const key of keysOf(value)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count }));
}

function statsOf(question: Question, classified: readonly Classified[]): QuestionStats {
  const counts: Counts = { values: 0, notApplicable: 0, dontKnow: 0, unanswered: 0, hidden: 0 };
  for (const entry of classified) counts[entry.kind] += 1;
  const rated = classified
    .flatMap((entry) => (entry.rated ? [entry.rated] : []))
    .sort(compareRated(question));
  const low = nearestRank(rated, 0.25);
  const high = nearestRank(rated, 0.75);
  return {
    participants: classified.length,
    counts,
    distribution: isFreeText(question)
      ? []
      : distributionOf(question, [
          ...rated.map((entry) => entry.value),
          ...classified.flatMap((entry) => (entry.unrated === undefined ? [] : [entry.unrated])),
        ]),
    median: nearestRank(rated, 0.5) ?? null,
    middleHalf: low && high ? { low, high } : null,
    spread: low && high ? 100 * (high.score - low.score) : null,
    lowest: rated[0] ?? null,
    highest: rated[rated.length - 1] ?? null,
    agreement: agreementOf(rated.map((entry) => entry.score)),
  };
}

/** The consensus's starting point: the median value, unless more participants said "not applicable" (or only "don't know"). */
function suggestionOf(stats: QuestionStats): Response | undefined {
  const { values, notApplicable, dontKnow } = stats.counts;
  if (stats.median && values >= notApplicable) return { kind: 'value', value: stats.median.value };
  if (notApplicable > 0 && notApplicable >= dontKnow) return { kind: 'notApplicable' };
  if (dontKnow > 0) return { kind: 'dontKnow' };
  return undefined;
}

function pillarStats(
  pillarQuestions: readonly QuestionMerge[],
  pick: (question: QuestionMerge) => QuestionStats | undefined,
  pillarScores: readonly number[],
): PillarStats {
  const agreements = pillarQuestions.flatMap((question) => {
    const agreement = pick(question)?.agreement;
    return agreement === null || agreement === undefined ? [] : [agreement];
  });
  const sorted = [...pillarScores].sort((a, b) => a - b);
  return {
    agreement: mean(agreements),
    measured: agreements.length,
    scores:
      sorted.length === 0
        ? null
        : {
            median: nearestRank(sorted, 0.5)!,
            lowest: sorted[0]!,
            highest: sorted[sorted.length - 1]!,
            count: sorted.length,
          },
  };
}

export function mergeAnswers(input: MergeInput): MergeResult {
  const { questionnaire, participants } = input;
  const groups = [...input.groups];
  for (const participant of participants)
    if (!groups.includes(participant.group)) groups.push(participant.group);

  const visible = participants.map((participant) => visibleQuestionIds(questionnaire, participant.answers));
  const results = participants.map((participant) =>
    scoreAssessment(questionnaire, participant.answers, input.weights),
  );
  const inGroup = (group: string) =>
    participants.flatMap((participant, index) => (participant.group === group ? [index] : []));
  const members = Object.fromEntries(groups.map((group) => [group, inGroup(group)]));

  const questions: QuestionMerge[] = questionnaire.pillars.flatMap((pillar) =>
    pillar.questions.map((question) => {
      const classified = participants.map((participant, index) =>
        classify(question, participant.answers, visible[index]!),
      );
      const all = statsOf(question, classified);
      const byGroup = Object.fromEntries(
        groups.map((group) => [
          group,
          statsOf(
            question,
            members[group]!.map((index) => classified[index]!),
          ),
        ]),
      );
      return {
        questionId: question.id,
        pillarId: pillar.id,
        type: question.type,
        all,
        byGroup,
        // Free text and context questions have no median to start from: the room writes its own.
        suggested: isScored(question) ? suggestionOf(all) : undefined,
        texts: classified.flatMap((entry) => (entry.text === undefined ? [] : [entry.text])),
      };
    }),
  );

  // A participant who answered nothing in a pillar has no view on it, rather than a view of 0.
  const pillarScoresOf = (pillarIndex: number, indices: readonly number[]) =>
    indices.flatMap((index) => {
      const pillar = results[index]!.pillars[pillarIndex];
      return pillar && pillar.score !== null && pillar.answered > 0 ? [pillar.score] : [];
    });
  const everyone = participants.map((_, index) => index);
  const pillars: PillarMerge[] = questionnaire.pillars.map((pillar, pillarIndex) => {
    const own = questions.filter((question) => question.pillarId === pillar.id);
    return {
      pillarId: pillar.id,
      all: pillarStats(own, (question) => question.all, pillarScoresOf(pillarIndex, everyone)),
      byGroup: Object.fromEntries(
        groups.map((group) => [
          group,
          pillarStats(
            own,
            (question) => question.byGroup[group],
            pillarScoresOf(pillarIndex, members[group]!),
          ),
        ]),
      ),
    };
  });

  const overallOf = (pick: (question: QuestionMerge) => number | null | undefined) =>
    mean(
      questions.flatMap((question) => {
        const agreement = pick(question);
        return agreement === null || agreement === undefined ? [] : [agreement];
      }),
    );

  return {
    participants: {
      total: participants.length,
      byGroup: Object.fromEntries(groups.map((group) => [group, members[group]!.length])),
    },
    empty: participants
      .filter(
        (participant) => !Object.values(participant.answers).some((answer) => answer?.response !== undefined),
      )
      .map((participant) => participant.participantId),
    questions,
    pillars,
    agreement: overallOf((question) => question.all.agreement),
    agreementByGroup: Object.fromEntries(
      groups.map((group) => [group, overallOf((question) => question.byGroup[group]?.agreement)]),
    ),
  };
}

/** Questions with the least agreement first; those without an agreement figure last, in questionnaire order. */
export function byDisagreement(questions: readonly QuestionMerge[]): QuestionMerge[] {
  return questions
    .map((question, index) => ({ question, index }))
    .sort((a, b) => {
      const x = a.question.all.agreement;
      const y = b.question.all.agreement;
      if (x === null || y === null) return x === null && y === null ? a.index - b.index : x === null ? 1 : -1;
      return x - y || a.index - b.index;
    })
    .map(({ question }) => question);
}
