/**
 * A workshop's responses laid out for counting, so that merging 500 participants takes a frame
 * (see `merge.ts`, which computes the statistics from it).
 *
 * Each participant's answers are read once, participant by participant. Every question gets a
 * column with one entry per participant: what kind of response it is, and which of the
 * question's distinct answers it gave. A question has few distinct answers (a yes/no question
 * two, a maturity level six, a figure at most one per participant), each listed once with its
 * score; answers that sort as equals (same score, same place in the question's own order) form
 * a block, and the blocks are put in order once per question. The median, quartiles and
 * agreement of any group then come from counts per block, without sorting anyone's answers.
 *
 * Alongside, each participant's own pillar scores are worked out with the scoring module's
 * rules (`questionStatus`, `countedScore`, `pillarScore`), as `scoreAssessment` would; a
 * question's status is worked out once for each way of responding to it (`statusTable`) and
 * looked up for each answer.
 */
import type { Answers, AnswerValue, Response } from '../assessment/types.ts';
import { isFreeText, valueOrder } from '../questionnaire/answerTypes.ts';
import type { Question, Questionnaire } from '../questionnaire/schema.ts';
import { askedStates, type Asked } from '../scoring/followUps.ts';
import { countedScore, pillarScore, questionStatus } from '../scoring/score.ts';
import { valueScore } from '../scoring/valueScore.ts';
import { checkWeights, questionWeight, type Weights } from '../scoring/weights.ts';

/** What a response amounts to; the codes index `KINDS`. */
export const KINDS = ['values', 'notApplicable', 'dontKnow', 'unanswered', 'hidden'] as const;
export type Kind = (typeof KINDS)[number];
const VALUES = 0;
const NOT_APPLICABLE = 1;
const DONT_KNOW = 2;
const UNANSWERED = 3;
const HIDDEN = 4;

/** One answer somebody gave, with its score. */
export interface Rated {
  value: AnswerValue;
  score: number;
}

/** One distinct answer as participants gave it (the same JSON). */
interface Variant {
  /** `undefined` when it is not a valid answer to the question. */
  rated: Rated | undefined;
  /** Its block, in the order blocks were met; -1 when not valid. */
  block: number;
}

/** Answers that sort as equals: one run of the sorted answers. */
export interface Block {
  rated: Rated;
  /** Its place in the question's own order (`valueOrder`). */
  order: number | string;
  /**
   * More than one variant falls into it (the same choices listed in another order), so which
   * participant's answer stands at a rank depends on who gave it.
   */
  mixed: boolean;
}

export interface QuestionColumn {
  question: Question;
  pillarIndex: number;
  /** Free text: listed, never placed on a scale. */
  freeText: boolean;
  /** Per participant: the kind of response, an index into `KINDS`. */
  kinds: Uint8Array;
  /** Per participant: the variant given, or -1 (no valid value, or free text). */
  given: Int32Array;
  variants: Variant[];
  /** Per variant: its score, NaN when it is not a valid answer (read in the hot loop, no object to follow). */
  variantScores: number[];
  /** Per variant: its block (filled once the blocks are in order); -1 when not valid. */
  variantBlocks: Int32Array;
  /** In order: lowest score first. */
  blocks: Block[];
  /** Free-text answers, in participants' order. */
  texts: string[];
}

export interface ResponseTable {
  questions: QuestionColumn[];
  /** Per pillar, then per participant: the participant's own pillar score, NaN when they have none. */
  pillarScores: Float64Array[];
  /** Participants who gave no response at all. */
  empty: number[];
}

/** Distinct answers of one question met so far, by their JSON type, and its blocks by score and order. */
interface Dictionary {
  strings: Map<string, number>;
  /** Levels and whole percentages, by value: quicker than a map. */
  smallIntegers: (number | undefined)[];
  numbers: Map<number, number>;
  negativeZero: number | undefined;
  /** Arrays element by element (a trie), which is quicker than a JSON key. */
  arrays: ArrayNode;
  /**
   * The blocks by place in the question's order, then by score (an answer's place nearly always
   * settles its score: one small list per place, not a map per score). Map keys compare 0 and −0
   * alike, as the order does.
   */
  blocks: Map<number | string, number[]>;
}

interface ArrayNode {
  next: Map<unknown, ArrayNode>;
  /** The variant of the array that ends here. */
  variant?: number;
}

function newDictionary(): Dictionary {
  return {
    strings: new Map(),
    smallIntegers: [],
    numbers: new Map(),
    negativeZero: undefined,
    arrays: { next: new Map() },
    blocks: new Map(),
  };
}

/**
 * A column per question, each a view into one table for every question (one allocation, not
 * two per question).
 */
function newColumns(questionnaire: Questionnaire, participants: number): QuestionColumn[] {
  const questions = questionnaire.pillars.flatMap((pillar, pillarIndex) =>
    pillar.questions.map((question) => ({ question, pillarIndex })),
  );
  const kinds = new Uint8Array(questions.length * participants);
  const given = new Int32Array(questions.length * participants).fill(-1);
  return questions.map(({ question, pillarIndex }, index) => ({
    question,
    pillarIndex,
    freeText: isFreeText(question),
    kinds: kinds.subarray(index * participants, (index + 1) * participants),
    given: given.subarray(index * participants, (index + 1) * participants),
    variants: [],
    variantScores: [],
    variantBlocks: new Int32Array(0),
    blocks: [],
    texts: [],
  }));
}

/** The block of answers equal to `rated` in the order (same score, same place in the question's order). */
function blockFor(column: QuestionColumn, dictionary: Dictionary, rated: Rated): number {
  const order = valueOrder(column.question, rated.value);
  let atOrder = dictionary.blocks.get(order);
  if (!atOrder) dictionary.blocks.set(order, (atOrder = []));
  for (const block of atOrder) {
    if (sameValueZero(column.blocks[block]!.rated.score, rated.score)) {
      column.blocks[block]!.mixed = true;
      return block;
    }
  }
  const block = column.blocks.push({ rated, order, mixed: false }) - 1;
  atOrder.push(block);
  return block;
}

/** Equality as map keys see it: 0 and −0 alike, NaN equal to itself. */
function sameValueZero(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}

function addVariant(column: QuestionColumn, dictionary: Dictionary, value: AnswerValue): number {
  const score = valueScore(column.question, value);
  const rated = typeof score === 'number' ? { value, score } : undefined;
  const block = rated ? blockFor(column, dictionary, rated) : -1;
  column.variantScores.push(rated ? rated.score : NaN);
  return column.variants.push({ rated, block }) - 1;
}

/** The variant `value` is, added when first met (so its score is worked out once). */
function variantOf(column: QuestionColumn, dictionary: Dictionary, value: AnswerValue): number {
  let known: number | undefined;
  if (typeof value === 'string') {
    known = dictionary.strings.get(value);
    if (known === undefined) dictionary.strings.set(value, (known = addVariant(column, dictionary, value)));
  } else if (typeof value === 'number' && value > 0 && value <= 1000 && Number.isInteger(value)) {
    known = dictionary.smallIntegers[value] ??= addVariant(column, dictionary, value);
  } else if (typeof value === 'number' && !Object.is(value, -0)) {
    known = dictionary.numbers.get(value);
    if (known === undefined) dictionary.numbers.set(value, (known = addVariant(column, dictionary, value)));
  } else if (typeof value === 'number') {
    known = dictionary.negativeZero ??= addVariant(column, dictionary, value);
  } else if (Array.isArray(value)) {
    let node = dictionary.arrays;
    for (const element of value as unknown[]) {
      let next = node.next.get(element);
      if (!next) node.next.set(element, (next = { next: new Map() }));
      node = next;
    }
    known = node.variant ??= addVariant(column, dictionary, value);
  }
  // Not a JSON answer value: scored as it comes.
  return known ?? addVariant(column, dictionary, value);
}

/** Puts the blocks in order and renumbers the variants' blocks to their places. */
function sortBlocks(column: QuestionColumn): void {
  const { blocks } = column;
  // Lower score first; equal scores in the question's own order.
  const before = (a: Block, b: Block) =>
    a.rated.score !== b.rated.score
      ? a.rated.score - b.rated.score
      : a.order < b.order
        ? -1
        : a.order > b.order
          ? 1
          : 0;
  const order = blocks.map((_, index) => index).sort((a, b) => before(blocks[a]!, blocks[b]!));
  const place = new Int32Array(blocks.length);
  order.forEach((block, index) => (place[block] = index));
  column.blocks = order.map((block) => blocks[block]!);
  const { variants } = column;
  column.variantBlocks = new Int32Array(variants.length);
  for (let variant = 0; variant < variants.length; variant++) {
    const { block } = variants[variant]!;
    column.variantBlocks[variant] = block < 0 ? -1 : place[block]!;
  }
}

function hasConditions(questionnaire: Questionnaire): boolean {
  return questionnaire.pillars.some((pillar) => pillar.questions.some((question) => question.showIf));
}

/** How a participant stands towards a question (`askedStates`), as an index. */
const ASKED: readonly Asked[] = ['shown', 'notAsked', 'credited', 'pending', 'outOfScope'];
const ASKED_INDEX: Readonly<Record<Asked, number>> = {
  shown: 0,
  notAsked: 1,
  credited: 2,
  pending: 3,
  outOfScope: 4,
};
/** What a response is, for its status: none, "not applicable", "don't know", a value without a score, a scored value. */
const RESPONSES: readonly (Response | undefined)[] = [
  undefined,
  { kind: 'notApplicable' },
  { kind: 'dontKnow' },
  { kind: 'value', value: '' },
  { kind: 'value', value: '' },
];
const SCORED_VALUE = 4;
/** In a status table: the question counts with the answer's own score. */
const OWN_SCORE = -1;

/**
 * A question's status for every way a participant can stand towards it and respond
 * (`ASKED` × `RESPONSES`), worked out once with the scoring module's `questionStatus`, which
 * looks only at those and at whether the answer has a score: what it counts for in its pillar
 * (NaN: it does not count; `OWN_SCORE`: the answer's score) and whether it is answered.
 */
function statusTable(question: Question): { points: Float64Array; answered: Uint8Array } {
  const points = new Float64Array(ASKED.length * RESPONSES.length);
  const answered = new Uint8Array(points.length);
  ASKED.forEach((state, askedIndex) =>
    RESPONSES.forEach((response, responseIndex) => {
      // Any score stands for all: the status depends only on there being one.
      const score = responseIndex === SCORED_VALUE ? 0.5 : undefined;
      const status = questionStatus(question, response, state, score);
      const cell = askedIndex * RESPONSES.length + responseIndex;
      points[cell] = status === 'answered' ? OWN_SCORE : (countedScore(status, score) ?? NaN);
      answered[cell] = status === 'answered' ? 1 : 0;
    }),
  );
  return { points, answered };
}

/**
 * Records what `person`'s response amounts to (its kind, and the variant when it is a valid
 * value) and returns which of `RESPONSES` it is.
 */
function classify(
  column: QuestionColumn,
  dictionary: Dictionary,
  person: number,
  response: Response | undefined,
  shown: boolean,
): number {
  let responseIndex = 0;
  let kind = UNANSWERED;
  if (response?.kind === 'notApplicable') {
    responseIndex = 1;
    kind = NOT_APPLICABLE;
  } else if (response?.kind === 'dontKnow') {
    responseIndex = 2;
    kind = DONT_KNOW;
  } else if (response) {
    // Hidden answers are not read: they do not count.
    if (shown) kind = readValue(column, dictionary, person, response.value);
    responseIndex = kind === VALUES && !column.freeText ? SCORED_VALUE : 3;
  }
  column.kinds[person] = shown ? kind : HIDDEN;
  return responseIndex;
}

/**
 * Reads a value someone was asked for: a valid answer (its variant recorded; free text listed),
 * or no answer. Returns its kind.
 */
function readValue(
  column: QuestionColumn,
  dictionary: Dictionary,
  person: number,
  value: AnswerValue,
): number {
  if (column.freeText) {
    if (typeof value !== 'string' || value.trim() === '') return UNANSWERED;
    column.texts.push(value);
    return VALUES;
  }
  const variant = variantOf(column, dictionary, value);
  if (Number.isNaN(column.variantScores[variant]!)) return UNANSWERED;
  column.given[person] = variant;
  return VALUES;
}

/**
 * Reads every participant's answers into columns. Throws `WeightError` when the weights cannot
 * give a score (as scoring does), unless there is nobody to score.
 */
export function responseTable(
  questionnaire: Questionnaire,
  participants: readonly { answers: Answers }[],
  weights: Weights = {},
): ResponseTable {
  const count = participants.length;
  if (count > 0) checkWeights(questionnaire, weights);
  const columns = newColumns(questionnaire, count);
  const dictionaries = columns.map(newDictionary);
  const statuses = columns.map((column) => statusTable(column.question));
  const questionWeights = Float64Array.from(columns, (column) => questionWeight(column.question, weights));
  const indexOf = new Map(columns.map((column, index) => [column.question.id, index]));
  let end = 0;
  const pillarEnds = questionnaire.pillars.map((pillar) => (end += pillar.questions.length));
  const pillarScores = questionnaire.pillars.map(() => new Float64Array(count).fill(NaN));
  const conditional = hasConditions(questionnaire);
  const empty: number[] = [];
  // One participant at a time: which questions they responded to, and what each counts for in
  // its pillar (NaN: does not count).
  const readBy = new Int32Array(columns.length).fill(-1);
  const points = new Float64Array(columns.length);
  const answered = new Uint8Array(columns.length);
  const countedWeights = new Float64Array(columns.length);
  const countedScores = new Float64Array(columns.length);

  let person = 0;
  let asked: Map<string, Asked> | undefined;
  const read = (index: number, response: Response | undefined) => {
    const column = columns[index]!;
    const askedIndex = asked ? ASKED_INDEX[asked.get(column.question.id) ?? 'shown'] : 0;
    const responseIndex = classify(column, dictionaries[index]!, person, response, askedIndex === 0);
    const cell = askedIndex * RESPONSES.length + responseIndex;
    const status = statuses[index]!;
    const counted = status.points[cell]!;
    points[index] = counted === OWN_SCORE ? column.variantScores[column.given[person]!]! : counted;
    answered[index] = status.answered[cell]!;
    readBy[index] = person;
  };

  for (; person < count; person++) {
    const { answers } = participants[person]!;
    asked = conditional ? askedStates(questionnaire, answers) : undefined;
    // The answers in their own order: much faster than looking each question up in records as
    // IndexedDB returns them. Then the questions nobody answered.
    let responded = false;
    for (const id in answers) {
      const response = answers[id]?.response;
      if (response !== undefined) responded = true;
      const index = indexOf.get(id);
      if (index !== undefined) read(index, response);
    }
    if (!responded) empty.push(person);
    for (let index = 0; index < columns.length; index++) if (readBy[index] !== person) read(index, undefined);

    // Pillar scores add up in questionnaire order, as scoring does.
    let index = 0;
    for (let pillarIndex = 0; pillarIndex < pillarEnds.length; pillarIndex++) {
      let counted = 0;
      let answers = 0;
      for (; index < pillarEnds[pillarIndex]!; index++) {
        if (Number.isNaN(points[index]!)) continue;
        countedWeights[counted] = questionWeights[index]!;
        countedScores[counted++] = points[index]!;
        answers += answered[index]!;
      }
      // A participant who answered nothing in a pillar has no view on it, rather than a view of 0.
      const own = pillarScore(countedWeights, countedScores, counted);
      if (own !== null && answers > 0) pillarScores[pillarIndex]![person] = own;
    }
  }
  for (const column of columns) sortBlocks(column);
  return { questions: columns, pillarScores, empty };
}

/** The block a participant's valid answer falls in, or -1. */
export function blockOf(column: QuestionColumn, person: number): number {
  const variant = column.given[person]!;
  return variant < 0 ? -1 : column.variantBlocks[variant]!;
}

/** The answer of the `offset`-th (from 0) of `people`, in their order, whose answer is in `block`. */
export function answerInBlock(
  column: QuestionColumn,
  block: number,
  offset: number,
  people: ArrayLike<number>,
): Rated {
  let remaining = offset;
  for (let i = 0; i < people.length; i++) {
    const person = people[i]!;
    if (blockOf(column, person) === block && remaining-- === 0)
      return column.variants[column.given[person]!]!.rated!;
  }
  throw new Error(`No answer at ${offset} in block ${block}`);
}
