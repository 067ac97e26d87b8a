/**
 * The rules of format v1 that a JSON Schema cannot express. They run on a questionnaire that
 * has already passed the schema, so the shapes are known to be right.
 */
import {
  enclosingId,
  jsonPath,
  withinMessage,
  type PathSegment,
  type Problem,
} from '../validation/problems.ts';
import { checkFollowUps } from '../scoring/soundness.ts';
import { checkCarryOver } from './carryOver.ts';
import { GCI_PILLARS } from './constants.ts';
import type { Condition, NumericRule, Question, Questionnaire } from './schema.ts';
import {
  answerType,
  choiceValues,
  hasOptions,
  hasRule,
  isNumeric,
  isScored,
  numericRange,
} from './answerTypes.ts';
import { localizedTexts, questionsInOrder } from './walk.ts';

export interface RuleContext {
  file: string;
  knownClauses: ReadonlySet<string>;
}

type Report = (path: PathSegment[], message: string) => void;

export function checkRules(questionnaire: Questionnaire, context: RuleContext): Problem[] {
  const problems: Problem[] = [];
  // Authors read these on the command line, in English: they carry no code to translate.
  const report: Report = (path, message) =>
    problems.push({
      file: context.file,
      path: jsonPath(path),
      message: withinMessage(message, enclosingId(questionnaire, path)),
    });

  checkLanguages(questionnaire, report);
  checkUniqueIds(questionnaire, report);
  checkSources(questionnaire, context.knownClauses, report);
  checkConditions(questionnaire, report);
  checkNumericQuestions(questionnaire, report);
  checkOptions(questionnaire, report);
  checkWeights(questionnaire, report);
  // Conditions that would let a better answer lower a score (the scoring rule's own check).
  for (const { path, message } of checkFollowUps(questionnaire)) report(path, message);
  checkCarryOver(questionnaire, report);
  return problems;
}

function checkLanguages(questionnaire: Questionnaire, report: Report): void {
  const { languages, defaultLanguage } = questionnaire;
  duplicates(languages).forEach((language) =>
    report(['languages'], `language "${language}" is declared more than once`),
  );
  if (!languages.includes(defaultLanguage)) {
    report(
      ['defaultLanguage'],
      `expected one of the declared languages (${languages.join(', ')}), found "${defaultLanguage}"`,
    );
  }
  for (const { path, text } of localizedTexts(questionnaire)) {
    const missing = languages.filter((language) => !(language in text));
    if (missing.length > 0)
      report(
        path,
        `missing text in ${missing.map((l) => `"${l}"`).join(', ')} (every declared language is required)`,
      );
    const undeclared = Object.keys(text).filter((language) => !languages.includes(language));
    if (undeclared.length > 0)
      report(
        path,
        `text in ${quoted(undeclared)}, which "languages" does not declare (${languages.join(', ')}): ` +
          'declare the language, or remove the text',
      );
  }
}

function checkUniqueIds(questionnaire: Questionnaire, report: Report): void {
  const pillarIds = new Set<string>();
  questionnaire.pillars.forEach((pillar, p) => {
    if (pillarIds.has(pillar.id)) report(['pillars', p, 'id'], `pillar id "${pillar.id}" is used twice`);
    pillarIds.add(pillar.id);
  });

  const referenceIds = new Set<string>();
  questionnaire.references?.forEach((reference, r) => {
    if (referenceIds.has(reference.id))
      report(['references', r, 'id'], `reference id "${reference.id}" is used twice`);
    referenceIds.add(reference.id);
  });

  const questionIds = new Set<string>();
  for (const { question, path } of questionsInOrder(questionnaire)) {
    if (questionIds.has(question.id)) report([...path, 'id'], `question id "${question.id}" is used twice`);
    questionIds.add(question.id);
    if (hasOptions(question)) {
      const optionIds = question.options.map((option) => option.id);
      duplicates(optionIds).forEach((id) =>
        report([...path, 'options'], `option id "${id}" is used twice in question "${question.id}"`),
      );
    }
  }
}

/** A source names a clause of the registry (its id has a "/") or one of the file's own references. */
function checkSources(questionnaire: Questionnaire, clauses: ReadonlySet<string>, report: Report): void {
  const references = new Set(questionnaire.references?.map((reference) => reference.id));
  const check = (sources: readonly string[] | undefined, path: PathSegment[]) =>
    sources?.forEach((source, s) => {
      if (source.includes('/') ? clauses.has(source) : references.has(source)) return;
      report(
        [...path, 'sources', s],
        source.includes('/')
          ? `unknown clause id "${source}": expected an id from questionnaires/reference/clauses.json`
          : `unknown reference "${source}": expected the id of an entry in "references"` +
              (references.size > 0
                ? ` (${[...references].map((id) => `"${id}"`).join(', ')})`
                : ' (there is none)'),
      );
    });
  questionnaire.pillars.forEach((pillar, p) => check(pillar.sources, ['pillars', p]));
  for (const { question, path } of questionsInOrder(questionnaire)) {
    check(question.sources, path);
    if (hasRule(question)) check(question.scoring?.basis?.sources, [...path, 'scoring', 'basis']);
  }
}

function checkConditions(questionnaire: Questionnaire, report: Report): void {
  const earlier = new Map<string, Question>();
  const all = new Set(questionsInOrder(questionnaire).map(({ question }) => question.id));
  for (const { question, path } of questionsInOrder(questionnaire)) {
    if (question.showIf) {
      checkCondition(question.showIf, [...path, 'showIf'], { earlier, all, self: question.id }, report);
    }
    earlier.set(question.id, question);
  }
}

interface ConditionScope {
  earlier: ReadonlyMap<string, Question>;
  all: ReadonlySet<string>;
  self: string;
}

function checkCondition(
  condition: Condition,
  path: PathSegment[],
  scope: ConditionScope,
  report: Report,
): void {
  if ('all' in condition || 'any' in condition) {
    const key = 'all' in condition ? 'all' : 'any';
    const parts = 'all' in condition ? condition.all : condition.any;
    parts.forEach((part, i) => checkCondition(part, [...path, key, i], scope, report));
    return;
  }
  if ('not' in condition) {
    checkCondition(condition.not, [...path, 'not'], scope, report);
    return;
  }
  const target = scope.earlier.get(condition.question);
  if (!target) {
    const why =
      condition.question === scope.self
        ? 'a question cannot depend on itself'
        : scope.all.has(condition.question)
          ? 'it comes later; a condition may only refer to an earlier question'
          : 'no question has this id';
    report([...path, 'question'], `condition refers to "${condition.question}", but ${why}`);
    return;
  }
  const bounds: Array<['atLeast' | 'atMost', number]> = [];
  if ('atLeast' in condition) bounds.push(['atLeast', condition.atLeast]);
  if ('atMost' in condition) bounds.push(['atMost', condition.atMost]);
  for (const [key, bound] of bounds) {
    if (isNumeric(target)) checkBound(key, bound, target, [...path, key], report);
    else
      report(
        [...path, key],
        `"${key}" needs a maturity, number or percentage question; "${target.id}" is ${target.type}`,
      );
  }
  if ('includes' in condition) {
    if (answerType(target).value !== 'choices') {
      report(
        [...path, 'includes'],
        `"includes" needs a multiple-choice question; "${target.id}" is ${target.type}`,
      );
    } else {
      checkValue(condition.includes, target, [...path, 'includes'], report);
    }
  }
  const compared: Array<{ key: 'equals' | 'in' | 'notIn'; values: Array<string | number> }> = [];
  if ('equals' in condition) compared.push({ key: 'equals', values: [condition.equals] });
  if ('in' in condition) compared.push({ key: 'in', values: condition.in });
  if ('notIn' in condition) compared.push({ key: 'notIn', values: condition.notIn });
  for (const { key, values } of compared) {
    if (answerType(target).value === 'choices') {
      report(
        [...path, key],
        `"${key}" compares one answer, but "${target.id}" is answered with a list of options, so it can ` +
          'never match: use "includes" (and "not" for "does not include")',
      );
    } else if (key === 'equals') {
      checkValue(values[0]!, target, [...path, key], report);
    } else {
      values.forEach((value, i) => checkValue(value, target, [...path, key, i], report));
    }
  }
}

/** A value a condition compares with must be one the referenced question can take. */
function checkValue(value: string | number, target: Question, path: PathSegment[], report: Report): void {
  const choices = choiceValues(target);
  if (choices) {
    if (typeof value !== 'string' || !choices.includes(value)) {
      report(path, `"${target.id}" can be ${quoted(choices)}; found ${JSON.stringify(value)}`);
    }
  } else if (isNumeric(target)) {
    if (typeof value !== 'number')
      report(path, `"${target.id}" is answered with a number; found ${JSON.stringify(value)}`);
    else {
      const { min, max, integer } = numericRange(target);
      if ((min !== undefined && value < min) || (max !== undefined && value > max))
        report(path, `"${target.id}" takes ${takes(target)}; ${value} can never be its answer`);
      else if (integer && !Number.isInteger(value))
        report(path, `"${target.id}" takes whole numbers only; ${value} can never be its answer`);
    }
  } else {
    report(path, `"${target.id}" is a free-text question; conditions cannot compare its answer`);
  }
}

/**
 * An `atLeast` or `atMost` bound outside what the question can take makes the condition never
 * true (or true for every answer, so pointless); a fraction on a whole-number question hides
 * the bound that is really meant.
 */
function checkBound(
  key: 'atLeast' | 'atMost',
  bound: number,
  target: Question,
  path: PathSegment[],
  report: Report,
): void {
  const { min, max, integer } = numericRange(target);
  const below = min !== undefined && bound < min;
  const above = max !== undefined && bound > max;
  if (below || above) {
    const never = key === 'atLeast' ? above : below;
    report(
      path,
      `${bound} lies outside what "${target.id}" can take (${takes(target)}), so the condition is ` +
        (never ? 'never true' : 'true for every answer'),
    );
  } else if (integer && !Number.isInteger(bound)) {
    const meant = key === 'atLeast' ? Math.ceil(bound) : Math.floor(bound);
    report(path, `"${target.id}" takes whole numbers only: write ${meant} instead of ${bound}`);
  }
}

/** What a numeric question's answers can be, in words: "levels 0 to 4", "0…100". */
function takes(question: Question): string {
  const { min, max, integer } = numericRange(question);
  if (answerType(question).scoredBy === 'levels') return `levels 0 to ${max}`;
  return `${integer ? 'whole numbers ' : ''}${rangeText({ min, max })}`;
}

function checkNumericQuestions(questionnaire: Questionnaire, report: Report): void {
  for (const { question, path } of questionsInOrder(questionnaire)) {
    if (!hasRule(question)) continue;
    const { min, max } = numericRange(question);
    if (min !== undefined && max !== undefined && min >= max) {
      report([...path, 'max'], `expected "max" above "min" (${min}), found ${max}`);
    }
    if (!question.scoring) {
      if (isScored(question))
        report(
          [...path, 'scoring'],
          `missing "scoring": a scored ${question.type} question needs a rule that turns the figure into a score ` +
            '("linear" or "steps"), or "scored": false to collect it for context only',
        );
    } else if (!isScored(question)) {
      report(
        [...path, 'scoring'],
        'a question with "scored": false is never scored: remove "scoring", or "scored": false',
      );
    } else {
      checkRule(question.scoring, [...path, 'scoring'], { min, max }, report);
    }
  }
}

/**
 * Each option of a scored choice question has a score, those of an unscored one have none;
 * `exclusive` ("none of these") only means something where several options can be chosen.
 */
function checkOptions(questionnaire: Questionnaire, report: Report): void {
  for (const { question, path } of questionsInOrder(questionnaire)) {
    if (!hasOptions(question)) continue;
    const scored = isScored(question);
    question.options.forEach((option, o) => {
      if (scored && option.score === undefined)
        report(
          [...path, 'options', o],
          `missing "score": each option of a scored question needs a score from 0 to 1 ` +
            '(or the question "scored": false to collect it for context only)',
        );
      if (!scored && option.score !== undefined)
        report(
          [...path, 'options', o, 'score'],
          'a question with "scored": false is never scored: remove the options\' "score", or "scored": false',
        );
      if (answerType(question).value === 'choice' && option.exclusive !== undefined)
        report(
          [...path, 'options', o, 'exclusive'],
          '"exclusive" is for multiple-choice questions: a single choice already excludes the other options',
        );
    });
  }
}

/**
 * The file's own weights must be able to give a score in both views (the questionnaire's
 * pillars and the five GCI pillars): not every pillar at 0, and not every scored question of a
 * weighted pillar at 0, which would divide by zero wherever no profile says otherwise.
 */
function checkWeights(questionnaire: Questionnaire, report: Report): void {
  const { pillars } = questionnaire;
  if (pillars.every((pillar) => (pillar.weight ?? 1) === 0)) {
    report(
      ['pillars'],
      'every pillar has "weight": 0, so no overall score can ever be computed; give one a weight above 0',
    );
  }
  pillars.forEach((pillar, p) => {
    if ((pillar.weight ?? 1) === 0) return;
    const scored = pillar.questions.filter(isScored);
    if (scored.length > 0 && scored.every((question) => (question.weight ?? 1) === 0))
      report(
        ['pillars', p, 'questions'],
        `every scored question of pillar "${pillar.id}" has "weight": 0, so the pillar can never be scored; ` +
          'give one a weight above 0, or the pillar "weight": 0',
      );
  });
  const located = questionsInOrder(questionnaire).filter(({ question }) => isScored(question));
  for (const gciPillar of GCI_PILLARS) {
    const informing = located.filter(({ question }) => question.gciPillar === gciPillar);
    if (informing.length > 0 && informing.every(({ question }) => (question.weight ?? 1) === 0))
      report(
        [...informing[0]!.path, 'weight'],
        `every scored question that informs the GCI pillar "${gciPillar}" has "weight": 0, so the GCI view ` +
          'can never score it; give one a weight above 0',
      );
  }
}

function checkRule(
  rule: NumericRule,
  path: PathSegment[],
  range: { min?: number; max?: number },
  report: Report,
): void {
  const outside = (value: number) =>
    (range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max);
  if (rule.kind === 'linear') {
    if (rule.scoreZeroAt === rule.scoreFullAt) {
      report(path, 'expected "scoreZeroAt" and "scoreFullAt" to differ');
    }
    for (const key of ['scoreZeroAt', 'scoreFullAt'] as const) {
      if (outside(rule[key]))
        report([...path, key], `${rule[key]} lies outside the answer's range ${rangeText(range)}`);
    }
    return;
  }
  rule.steps.forEach((step, i) => {
    const previous = rule.steps[i - 1];
    if (previous && step.from <= previous.from) {
      report(
        [...path, 'steps', i, 'from'],
        `expected steps in ascending order: ${step.from} follows ${previous.from}`,
      );
    }
    if (outside(step.from))
      report(
        [...path, 'steps', i, 'from'],
        `${step.from} lies outside the answer's range ${rangeText(range)}`,
      );
  });
}

function rangeText(range: { min?: number; max?: number }): string {
  return `${range.min ?? '−∞'}…${range.max ?? '∞'}`;
}

function quoted(values: readonly string[]): string {
  return values.map((value) => `"${value}"`).join(', ');
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) (seen.has(value) ? repeated : seen).add(value);
  return [...repeated];
}
