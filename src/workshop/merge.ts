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
 * - Free-text questions have no median or agreement; their texts are listed.
 *
 * How it is fast: `responseTable.ts` reads every answer once into columns and lists each
 * question's few distinct answers in order, so each figure comes from counts per distinct
 * answer (500 participants × 120 questions in a few milliseconds). The figures are exactly
 * those of the straightforward method (sort each list of answers and read it), which
 * `tests/unit/workshop/mergeReference.ts` keeps and a property test compares on random workshops.
 */
import type { Answers, Response } from '../assessment/types.ts';
import { distributionKeys, keysOf } from '../questionnaire/answerTypes.ts';
import type { Question, Questionnaire } from '../questionnaire/schema.ts';
import type { Weights } from '../scoring/weights.ts';
import {
  answerInBlock,
  blockOf,
  KINDS,
  responseTable,
  type QuestionColumn,
  type Rated,
} from './responseTable.ts';

export type { Rated } from './responseTable.ts';

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

/** Nearest rank: the rank ⌈p·n⌉ (1-based, at least 1) among n sorted values; p = ½ gives the lower median. */
function rankOf(n: number, p: number): number {
  return Math.max(1, Math.ceil(p * n));
}

/** Nearest rank: the value at rank ⌈p·n⌉ (1-based) of sorted values; p = ½ gives the lower median. */
export function nearestRank<T>(sorted: ArrayLike<T>, p: number): T | undefined {
  return sorted.length === 0 ? undefined : sorted[rankOf(sorted.length, p) - 1];
}

/** Tastle and Wierman's consensus of values in [0, 1]; `null` for fewer than two. */
export function agreementOf(scores: readonly number[]): number | null {
  return agreementOfRuns(
    scores,
    scores.map(() => 1),
  );
}

/**
 * The same for `counts[start + i]` values equal to `scores[i]`, for i < `length`, in that order.
 * The sums are taken value by value, so the figure is exactly the one `agreementOf` gives for
 * the values spelled out.
 */
function agreementOfRuns(
  scores: ArrayLike<number>,
  counts: ArrayLike<number>,
  start = 0,
  length = counts.length,
): number | null {
  let n = 0;
  for (let i = 0; i < length; i++) n += counts[start + i]!;
  if (n < 2) return null;
  let sum = 0;
  for (let i = 0; i < length; i++) for (let k = 0; k < counts[start + i]!; k++) sum += scores[i]!;
  const mean = sum / n;
  const p = 1 / n;
  let total = 1;
  for (let i = 0; i < length; i++) {
    const count = counts[start + i]!;
    if (count === 0) continue;
    // |s − μ| < 1 always holds for two or more values in [0, 1]; the floor guards rounding only.
    const term = p * Math.log2(Math.max(1e-12, 1 - Math.abs(scores[i]! - mean)));
    for (let k = 0; k < count; k++) total += term;
  }
  return Math.min(1, Math.max(0, total));
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * How a question's distribution is listed: its keys (each answer, or for multiple choice each
 * option), those the question offers first, in its order, then any others (figures, smallest
 * first); and for each block in that order, the keys it counts under, as indices.
 */
interface DistributionPlan {
  keys: string[];
  /** How many of `keys` the question offers: listed even when nobody gave them. */
  offered: number;
  /** The blocks in the order their keys are listed. */
  order: number[];
  blockKeys: number[][];
  /** Scratch counts per key, reused for each group. */
  counts: Int32Array;
}

function distributionPlan(column: QuestionColumn): DistributionPlan {
  const { question, blocks } = column;
  const offered = distributionKeys(question);
  const keys: string[] = [];
  const index = new Map<string, number>();
  for (const key of offered ?? []) if (!index.has(key)) index.set(key, keys.push(key) - 1);
  const offeredCount = keys.length;
  const order = blocks.map((_, block) => block);
  if (offered === undefined)
    order.sort((a, b) => (blocks[a]!.rated.value as number) - (blocks[b]!.rated.value as number));
  const blockKeys: number[][] = blocks.map(() => []);
  for (const block of order)
    for (const key of keysOf(blocks[block]!.rated.value)) {
      let position = index.get(key);
      if (position === undefined) index.set(key, (position = keys.push(key) - 1));
      blockKeys[block]!.push(position);
    }
  return { keys, offered: offeredCount, order, blockKeys, counts: new Int32Array(keys.length) };
}

/**
 * How many gave each answer (multiple choice: chose each option), from the counts per block
 * (`blockCounts[start + block]`): the keys the question offers, then the others given, in the
 * order the blocks that give them are listed.
 */
function distributionOf(plan: DistributionPlan, blockCounts: Int32Array, start: number): DistributionEntry[] {
  const counts = plan.counts.fill(0);
  const listed: DistributionEntry[] = [];
  for (let key = 0; key < plan.offered; key++) listed.push({ key: plan.keys[key]!, count: 0 });
  const extra: number[] = [];
  for (const block of plan.order) {
    const count = blockCounts[start + block]!;
    if (count === 0) continue;
    for (const key of plan.blockKeys[block]!) {
      if (key >= plan.offered && counts[key] === 0) extra.push(key);
      counts[key]! += count;
    }
  }
  for (let key = 0; key < plan.offered; key++) listed[key]!.count = counts[key]!;
  for (const key of extra) listed.push({ key: plan.keys[key]!, count: counts[key]! });
  return listed;
}

/** The counts of one row of a question's tables (one group, or everyone). */
interface Row {
  kindCounts: Int32Array;
  kindStart: number;
  blockCounts: Int32Array;
  blockStart: number;
}

/** One question's figures for `people`, from their counts per kind and per block. */
function statsOf(
  column: QuestionColumn,
  row: Row,
  blockScores: Float64Array,
  plan: DistributionPlan,
  people: ArrayLike<number>,
): QuestionStats {
  const { kindCounts, kindStart, blockCounts, blockStart } = row;
  const counts: Counts = {
    values: kindCounts[kindStart]!,
    notApplicable: kindCounts[kindStart + 1]!,
    dontKnow: kindCounts[kindStart + 2]!,
    unanswered: kindCounts[kindStart + 3]!,
    hidden: kindCounts[kindStart + 4]!,
  };
  const width = blockScores.length;
  let n = 0;
  for (let block = 0; block < width; block++) n += blockCounts[blockStart + block]!;
  const at = (rank: number): Rated => {
    let before = 0;
    for (let block = 0; ; block++) {
      const count = blockCounts[blockStart + block]!;
      if (before + count >= rank) {
        const { rated, mixed } = column.blocks[block]!;
        return mixed ? answerInBlock(column, block, rank - before - 1, people) : rated;
      }
      before += count;
    }
  };
  const low = n > 0 ? at(rankOf(n, 0.25)) : undefined;
  const high = n > 0 ? at(rankOf(n, 0.75)) : undefined;
  return {
    participants: people.length,
    counts,
    distribution: column.freeText ? [] : distributionOf(plan, blockCounts, blockStart),
    median: n > 0 ? at(rankOf(n, 0.5)) : null,
    middleHalf: low && high ? { low, high } : null,
    spread: low && high ? 100 * (high.score - low.score) : null,
    lowest: n > 0 ? at(1) : null,
    highest: n > 0 ? at(n) : null,
    agreement: agreementOfRuns(blockScores, blockCounts, blockStart, width),
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

/** Who is who: each participant's group, and the members of each distinct group in participants' order. */
interface Rooms {
  /** The workshop's groups, then any others participants named, in order (as given, repeats kept). */
  groups: string[];
  index: Map<string, number>;
  groupOf: Int32Array;
  members: Int32Array[];
  everyone: Int32Array;
}

function roomsOf(workshopGroups: readonly string[], participants: readonly MergeParticipant[]): Rooms {
  const groups = [...workshopGroups];
  for (const participant of participants)
    if (!groups.includes(participant.group)) groups.push(participant.group);
  const distinct = [...new Set(groups)];
  const index = new Map(distinct.map((group, position) => [group, position]));
  const groupOf = Int32Array.from(participants, (participant) => index.get(participant.group)!);
  const sizes = new Int32Array(distinct.length);
  for (const group of groupOf) sizes[group]!++;
  const members = Array.from(sizes, (size) => new Int32Array(size));
  const filled = new Int32Array(distinct.length);
  groupOf.forEach((group, person) => (members[group]![filled[group]!++] = person));
  return { groups, index, groupOf, members, everyone: Int32Array.from(participants, (_, person) => person) };
}

/** `value(group index)` for each of the workshop's groups, as a record by group id. */
function byGroup<T>(rooms: Rooms, value: (group: number) => T): Record<string, T> {
  return Object.fromEntries(rooms.groups.map((group) => [group, value(rooms.index.get(group)!)]));
}

function mergeQuestion(column: QuestionColumn, rooms: Rooms, pillarId: string): QuestionMerge {
  const { question, kinds, blocks } = column;
  const groupCount = rooms.members.length;
  const width = blocks.length;
  // Row g of each table: group g; the last row: everyone.
  const kindCounts = new Int32Array((groupCount + 1) * KINDS.length);
  const blockCounts = new Int32Array((groupCount + 1) * width);
  const everyoneRow = groupCount;
  for (let person = 0; person < kinds.length; person++) {
    const group = rooms.groupOf[person]!;
    const kind = kinds[person]!;
    kindCounts[group * KINDS.length + kind]!++;
    kindCounts[everyoneRow * KINDS.length + kind]!++;
    const block = blockOf(column, person);
    if (block < 0) continue;
    blockCounts[group * width + block]!++;
    blockCounts[everyoneRow * width + block]!++;
  }
  const blockScores = new Float64Array(width);
  for (let block = 0; block < width; block++) blockScores[block] = blocks[block]!.rated.score;
  const plan = distributionPlan(column);
  const statsFor = (row: number, people: Int32Array) =>
    statsOf(
      column,
      { kindCounts, kindStart: row * KINDS.length, blockCounts, blockStart: row * width },
      blockScores,
      plan,
      people,
    );
  const all = statsFor(everyoneRow, rooms.everyone);
  const groups = rooms.members.map((people, group) => statsFor(group, people));
  return {
    questionId: question.id,
    pillarId,
    type: question.type,
    all,
    byGroup: byGroup(rooms, (group) => groups[group]!),
    suggested: column.freeText ? undefined : suggestionOf(all),
    texts: column.texts,
  };
}

/** The pillar scores of `people` who have one, smallest first. */
function sortedScores(scores: Float64Array, people: Int32Array): Float64Array {
  const own = new Float64Array(people.length);
  let count = 0;
  for (const person of people) if (!Number.isNaN(scores[person]!)) own[count++] = scores[person]!;
  return own.subarray(0, count).sort();
}

function pillarStats(
  pillarQuestions: readonly QuestionMerge[],
  pick: (question: QuestionMerge) => QuestionStats | undefined,
  sorted: Float64Array,
): PillarStats {
  const agreements = pillarQuestions.flatMap((question) => {
    const agreement = pick(question)?.agreement;
    return agreement === null || agreement === undefined ? [] : [agreement];
  });
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

export function mergeParticipants(input: MergeInput): MergeResult {
  const { questionnaire, participants } = input;
  const rooms = roomsOf(input.groups, participants);
  const table = responseTable(questionnaire, participants, input.weights);
  const pillarIds = questionnaire.pillars.map((pillar) => pillar.id);
  const questions = table.questions.map((column) =>
    mergeQuestion(column, rooms, pillarIds[column.pillarIndex]!),
  );

  const pillars: PillarMerge[] = questionnaire.pillars.map((pillar, pillarIndex) => {
    const own = questions.filter((question) => question.pillarId === pillar.id);
    const scores = table.pillarScores[pillarIndex]!;
    return {
      pillarId: pillar.id,
      all: pillarStats(own, (question) => question.all, sortedScores(scores, rooms.everyone)),
      byGroup: Object.fromEntries(
        rooms.groups.map((group) => [
          group,
          pillarStats(
            own,
            (question) => question.byGroup[group],
            sortedScores(scores, rooms.members[rooms.index.get(group)!]!),
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
      byGroup: byGroup(rooms, (group) => rooms.members[group]!.length),
    },
    empty: table.empty.map((person) => participants[person]!.participantId),
    questions,
    pillars,
    agreement: overallOf((question) => question.all.agreement),
    agreementByGroup: Object.fromEntries(
      rooms.groups.map((group) => [group, overallOf((question) => question.byGroup[group]?.agreement)]),
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
