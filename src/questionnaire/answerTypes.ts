/**
 * Each answer type described once. A descriptor says what answers of its type look like, which
 * values it accepts, how a value scores, how it is put into words and which interface words it
 * needs; everything else (scoring, conditions, the validator, the workshop merge, imports,
 * reports, exports, the answering controls) asks the descriptor. `ANSWER_TYPES` must describe
 * every type of the schema (the compiler checks), so a new type is one schema variant
 * (`schema.ts`), one descriptor here, one control (`src/components/questions/controls.ts`) and
 * the interface words it names.
 */
import type { AnswerValue } from '../assessment/types.ts';
import type { PathSegment } from '../validation/problems.ts';
import { YES_NO_SCORES, YES_PARTLY_NO_SCORES, type QuestionType } from './constants.ts';
import type { LocalizedText, NumericRule, Question, QuestionOf } from './schema.ts';

/** What an answer value says in the questionnaire's terms; the caller supplies the words. */
export type ValueDescription =
  | { kind: 'word'; word: 'yes' | 'partly' | 'no' }
  | {
      kind: 'level';
      /** The level as stored and scored, 0 to L − 1. */
      level: number;
      /** The number shown for it (`levelNumbering.from` + level). */
      shown: number;
      /** The word shown before the number ("Stage"), when the questionnaire names one. */
      word?: LocalizedText;
      descriptor?: LocalizedText;
    }
  | { kind: 'options'; labels: LocalizedText[] }
  | { kind: 'figure'; value: number; unit?: LocalizedText; percent: boolean }
  | { kind: 'text'; text: string };

export interface NumericRange {
  min?: number;
  max?: number;
  integer: boolean;
}

export interface AnswerType<T extends QuestionType> {
  /** The shape of an answer: one choice (an id), a list of option ids, a number, or a text. */
  value: 'choice' | 'choices' | 'number' | 'text';
  /**
   * How its answers score: a fixed scale, its levels, its options' scores, the question's
   * `scoring` rule, or never (free text).
   */
  scoredBy: 'fixed' | 'levels' | 'options' | 'rule' | 'never';
  /** The values it offers, in the order they are shown; undefined where any figure or text goes. */
  choices(question: QuestionOf<T>): Array<string | number> | undefined;
  /** The range a number answer must lie in. */
  range(question: QuestionOf<T>): NumericRange | undefined;
  /** The score in [0, 1] of an accepted value; `null` where the question says none. */
  score(question: QuestionOf<T>, value: AnswerValue): number | null;
  /** An accepted value in words. */
  describe(question: QuestionOf<T>, value: AnswerValue): ValueDescription;
  /** Its own translatable texts, beside those every question has, with their paths in the question. */
  texts(question: QuestionOf<T>): Array<{ path: PathSegment[]; text: LocalizedText | undefined }>;
  /** The interface words (translation keys) its answers are shown with. */
  words: readonly string[];
}

const none = () => undefined;
const noTexts = () => [];

const fixedWords = <T extends 'yesNo' | 'yesPartlyNo'>(
  scores: Readonly<Record<string, number>>,
): AnswerType<T> => ({
  value: 'choice',
  scoredBy: 'fixed',
  choices: () => Object.keys(scores),
  range: none,
  score: (_question, value) => scores[value as string] ?? 0,
  describe: (_question, value) => ({ kind: 'word', word: value as 'yes' | 'partly' | 'no' }),
  texts: noTexts,
  words: Object.keys(scores).map((word) => `question.${word}`),
});

type ChoiceQuestion = QuestionOf<'singleChoice' | 'multipleChoice'>;

const optionScore = (question: ChoiceQuestion, id: string) =>
  question.options.find((option) => option.id === id)?.score ?? 0;

const optionLabels = (question: ChoiceQuestion, value: AnswerValue) => {
  const chosen = new Set(Array.isArray(value) ? value : [value]);
  return question.options.filter((option) => chosen.has(option.id)).map((option) => option.label);
};

const optionTexts = (question: ChoiceQuestion) =>
  question.options.map((option, o) => ({ path: ['options', o, 'label'], text: option.label }));

const figureTexts = (question: QuestionOf<'number' | 'percentage'>) => [
  { path: ['definition'], text: question.definition },
  { path: ['scoring', 'basis', 'text'], text: question.scoring?.basis?.text },
];

const ruleScore = (question: QuestionOf<'number' | 'percentage'>, value: AnswerValue) =>
  question.scoring ? applyRule(question.scoring, value as number) : null;

/** Maps a figure to a score with the question's documented rule (see the format's schema). */
export function applyRule(rule: NumericRule, value: number): number {
  if (rule.kind === 'linear') {
    const fraction = (value - rule.scoreZeroAt) / (rule.scoreFullAt - rule.scoreZeroAt);
    return Math.min(1, Math.max(0, fraction));
  }
  let score = 0;
  for (const step of rule.steps) if (value >= step.from) score = step.score;
  return score;
}

export const ANSWER_TYPES = {
  yesNo: fixedWords<'yesNo'>(YES_NO_SCORES),
  yesPartlyNo: fixedWords<'yesPartlyNo'>(YES_PARTLY_NO_SCORES),
  maturity: {
    value: 'number',
    scoredBy: 'levels',
    choices: (question) => question.levels.map((_level, index) => index),
    range: (question) => ({ min: 0, max: question.levels.length - 1, integer: true }),
    // Level n of L scores n / (L − 1): 0 for the first level, 1 for the last.
    score: (question, value) => (value as number) / (question.levels.length - 1),
    describe: (question, value) => {
      const level = value as number;
      const { from = 0, word } = question.levelNumbering ?? {};
      return { kind: 'level', level, shown: from + level, word, descriptor: question.levels[level] };
    },
    texts: (question) => [
      ...question.levels.map((level, l) => ({ path: ['levels', l], text: level })),
      { path: ['levelNumbering', 'word'], text: question.levelNumbering?.word },
    ],
    words: ['question.level', 'question.levelNamed'],
  },
  singleChoice: {
    value: 'choice',
    scoredBy: 'options',
    choices: (question) => question.options.map((option) => option.id),
    range: none,
    score: (question, value) => optionScore(question, value as string),
    describe: (question, value) => ({ kind: 'options', labels: optionLabels(question, value) }),
    texts: optionTexts,
    words: [],
  },
  multipleChoice: {
    value: 'choices',
    scoredBy: 'options',
    choices: (question) => question.options.map((option) => option.id),
    range: none,
    // The sum of the chosen options' scores, capped at 1.
    score: (question, value) =>
      Math.min(
        1,
        [...new Set(value as string[])].reduce((sum, id) => sum + optionScore(question, id), 0),
      ),
    describe: (question, value) => ({ kind: 'options', labels: optionLabels(question, value) }),
    texts: optionTexts,
    words: [],
  },
  number: {
    value: 'number',
    scoredBy: 'rule',
    choices: none,
    range: (question) => ({ min: question.min, max: question.max, integer: question.integer ?? false }),
    score: ruleScore,
    describe: (question, value) => ({
      kind: 'figure',
      value: value as number,
      unit: question.unit,
      percent: false,
    }),
    texts: (question) => [{ path: ['unit'], text: question.unit }, ...figureTexts(question)],
    words: [],
  },
  percentage: {
    value: 'number',
    scoredBy: 'rule',
    choices: none,
    range: () => ({ min: 0, max: 100, integer: false }),
    score: ruleScore,
    describe: (_question, value) => ({ kind: 'figure', value: value as number, percent: true }),
    texts: figureTexts,
    words: [],
  },
  text: {
    value: 'text',
    scoredBy: 'never',
    choices: none,
    range: none,
    score: () => null,
    describe: (_question, value) => ({ kind: 'text', text: value as string }),
    texts: noTexts,
    words: [],
  },
} as const satisfies { [T in QuestionType]: AnswerType<T> };

type Descriptors = typeof ANSWER_TYPES;

/** The question types whose answers go through a `scoring` rule (figures). */
export type RuleQuestion = QuestionOf<
  { [T in QuestionType]: Descriptors[T]['scoredBy'] extends 'rule' ? T : never }[QuestionType]
>;
/** The question types answered by choosing among options. */
export type OptionQuestion = QuestionOf<
  { [T in QuestionType]: Descriptors[T]['scoredBy'] extends 'options' ? T : never }[QuestionType]
>;

/** The descriptor of a question's type. */
export function answerType(question: Question): AnswerType<QuestionType> {
  // Each descriptor is only ever called with a question of its own type.
  return ANSWER_TYPES[question.type] as AnswerType<QuestionType>;
}

export function hasRule(question: Question): question is RuleQuestion {
  return answerType(question).scoredBy === 'rule';
}

export function hasOptions(question: Question): question is OptionQuestion {
  return answerType(question).scoredBy === 'options';
}

/** Questions answered with a number, which conditions can compare with `atLeast` and `atMost`. */
export function isNumeric(question: Question): boolean {
  return answerType(question).value === 'number';
}

/** Free text: listed, never placed on a scale. */
export function isFreeText(question: Question): boolean {
  return answerType(question).value === 'text';
}

/** The answer values a choice question accepts (ids), or undefined for numbers and text. */
export function choiceValues(question: Question): string[] | undefined {
  const type = answerType(question);
  return type.value === 'choice' || type.value === 'choices'
    ? type.choices(question)?.map(String)
    : undefined;
}

/** The range a number answer must lie in, where the format fixes one. */
export function numericRange(question: Question): NumericRange {
  return answerType(question).range(question) ?? { integer: false };
}

/** Whether a question's answers count towards its pillar's score (and coverage). */
export function isScored(question: Question): boolean {
  return answerType(question).scoredBy !== 'never' && !('scored' in question && question.scored === false);
}

/** An exclusive option ("none of these") is an answer only when chosen alone. */
function exclusiveAlone(question: Question, chosen: readonly string[]): boolean {
  if (new Set(chosen).size <= 1 || !('options' in question)) return true;
  return !question.options.some((option) => option.exclusive === true && chosen.includes(option.id));
}

/** Whether a value is an answer this question can take (an option removed in a later version is not). */
export function accepts(question: Question, value: AnswerValue): boolean {
  const type = answerType(question);
  switch (type.value) {
    case 'choice':
      return typeof value === 'string' && (choiceValues(question) ?? []).includes(value);
    case 'choices': {
      const ids = choiceValues(question) ?? [];
      return Array.isArray(value) && value.every((id) => ids.includes(id)) && exclusiveAlone(question, value);
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      const { min, max, integer } = numericRange(question);
      return (
        (min === undefined || value >= min) &&
        (max === undefined || value <= max) &&
        (!integer || Number.isInteger(value))
      );
    }
    case 'text':
      return typeof value === 'string';
  }
}

/** An accepted value in words (the caller checks `accepts` first). */
export function describeValue(question: Question, value: AnswerValue): ValueDescription {
  return answerType(question).describe(question, value);
}

/**
 * The question's own order of values, for ties on the score scale: a choice by its place in the
 * list, options chosen together by their ids, a number by itself.
 */
export function valueOrder(question: Question, value: AnswerValue): number | string {
  switch (answerType(question).value) {
    case 'choice':
      return (choiceValues(question) ?? []).indexOf(value as string);
    case 'choices':
      return JSON.stringify([...(value as string[])].sort());
    case 'number':
      return value as number;
    case 'text':
      return value as string;
  }
}

/**
 * The keys a distribution of answers is counted under, in the order they are shown: every value
 * the question offers (a level, an option), or `undefined` where each distinct figure is its own.
 */
export function distributionKeys(question: Question): string[] | undefined {
  return answerType(question).choices(question)?.map(String);
}

/** The keys one value counts under: itself, or for options chosen together each option once. */
export function keysOf(value: AnswerValue): string[] {
  return Array.isArray(value) ? [...new Set(value)] : [String(value)];
}

/** The value a distribution key stands for (an option chosen alone, for multiple choice). */
export function keyValue(question: Question, key: string): AnswerValue {
  switch (answerType(question).value) {
    case 'choices':
      return [key];
    case 'number':
      return Number(key);
    case 'choice':
    case 'text':
      return key;
  }
}
