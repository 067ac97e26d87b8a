/**
 * The workshop merge as it was before the columnar rewrite of `src/workshop/merge.ts`, kept
 * unchanged as the reference the property test (`mergeEquivalence.test.ts`) compares the fast
 * merge with on random workshops: every figure must be the same. Straightforward and slow
 * (it scores every participant with `scoreAssessment` and sorts every answer list), which is
 * what makes it a good oracle. Not used by the app.
 */
import { visibleQuestionIds } from '../../../src/questionnaire/conditions.ts';
import type { Question } from '../../../src/questionnaire/schema.ts';
import type { Answers, AnswerValue, Response } from '../../../src/assessment/types.ts';
import { scoreAssessment } from '../../../src/scoring/score.ts';
import { valueScore } from '../../../src/scoring/valueScore.ts';
import type {
  Counts,
  DistributionEntry,
  MergeInput,
  MergeResult,
  PillarMerge,
  PillarStats,
  QuestionMerge,
  QuestionStats,
  Rated,
} from '../../../src/workshop/merge.ts';

type Kind = keyof Counts;

interface Classified {
  kind: Kind;
  rated?: Rated;
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
  if (question.type === 'text')
    return typeof response.value === 'string' && response.value.trim() !== ''
      ? { kind: 'values', text: response.value }
      : { kind: 'unanswered' };
  return typeof score === 'number'
    ? { kind: 'values', rated: { value: response.value, score } }
    : { kind: 'unanswered' };
}

/** The question's own order of answers, for sorting equal scores and listing the distribution. */
function orderKey(question: Question, value: AnswerValue): number | string {
  switch (question.type) {
    case 'yesNo':
      return ['no', 'yes'].indexOf(value as string);
    case 'yesPartlyNo':
      return ['no', 'partly', 'yes'].indexOf(value as string);
    case 'singleChoice':
      return question.options.findIndex((option) => option.id === value);
    case 'multipleChoice':
      return JSON.stringify([...(value as string[])].sort());
    default:
      return value as number;
  }
}

function compareRated(question: Question) {
  return (a: Rated, b: Rated): number => {
    if (a.score !== b.score) return a.score - b.score;
    const ka = orderKey(question, a.value);
    const kb = orderKey(question, b.value);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
}

/** Nearest rank: the value at rank ⌈p·n⌉ (1-based) of sorted values; p = ½ gives the lower median. */
function nearestRank<T>(sorted: readonly T[], p: number): T | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1];
}

/** Tastle and Wierman's consensus of values in [0, 1]; `null` for fewer than two. */
function agreementOf(scores: readonly number[]): number | null {
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

function distributionOf(question: Question, rated: readonly Rated[]): DistributionEntry[] {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  if (question.type === 'multipleChoice') {
    for (const option of question.options) counts.set(option.id, 0);
    for (const { value } of rated) for (const id of new Set(value as string[])) add(id);
  } else {
    const keys: readonly string[] =
      question.type === 'yesNo'
        ? ['yes', 'no']
        : question.type === 'yesPartlyNo'
          ? ['yes', 'partly', 'no']
          : question.type === 'singleChoice'
            ? question.options.map((option) => option.id)
            : question.type === 'maturity'
              ? question.levels.map((_, level) => String(level))
              : [];
    for (const key of keys) counts.set(key, 0);
    // Figures: each distinct figure, smallest first.
    const sorted =
      keys.length > 0 ? rated : [...rated].sort((a, b) => (a.value as number) - (b.value as number));
    for (const { value } of sorted) add(String(value));
  }
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
    distribution: question.type === 'text' ? [] : distributionOf(question, rated),
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

export function mergeReference(input: MergeInput): MergeResult {
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
        suggested: question.type === 'text' ? undefined : suggestionOf(all),
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
