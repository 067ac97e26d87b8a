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
import type { Condition, NumericRule, Question, Questionnaire } from './schema.ts';
import { choiceValues, isNumeric, isScored, numericRange } from './values.ts';
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
  checkOptionScores(questionnaire, report);
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
    if (question.type === 'singleChoice' || question.type === 'multipleChoice') {
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
    if (question.type === 'number' || question.type === 'percentage')
      check(question.scoring?.basis?.sources, [...path, 'scoring', 'basis']);
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
  for (const key of ['atLeast', 'atMost'] as const) {
    if (key in condition && !isNumeric(target)) {
      report(
        [...path, key],
        `"${key}" needs a maturity, number or percentage question; "${target.id}" is ${target.type}`,
      );
    }
  }
  if ('includes' in condition) {
    if (target.type !== 'multipleChoice') {
      report(
        [...path, 'includes'],
        `"includes" needs a multiple-choice question; "${target.id}" is ${target.type}`,
      );
    } else {
      checkValue(condition.includes, target, [...path, 'includes'], report);
    }
  }
  if ('equals' in condition) checkValue(condition.equals, target, [...path, 'equals'], report);
  if ('in' in condition)
    condition.in.forEach((value, i) => checkValue(value, target, [...path, 'in', i], report));
  if ('notIn' in condition)
    condition.notIn.forEach((value, i) => checkValue(value, target, [...path, 'notIn', i], report));
}

/** A value a condition compares with must be one the referenced question can take. */
function checkValue(value: string | number, target: Question, path: PathSegment[], report: Report): void {
  const choices = choiceValues(target);
  if (choices) {
    if (typeof value !== 'string' || !choices.includes(value)) {
      report(
        path,
        `"${target.id}" can be ${choices.map((c) => `"${c}"`).join(', ')}; found ${JSON.stringify(value)}`,
      );
    }
  } else if (isNumeric(target)) {
    if (typeof value !== 'number')
      report(path, `"${target.id}" is answered with a number; found ${JSON.stringify(value)}`);
  } else {
    report(path, `"${target.id}" is a free-text question; conditions cannot compare its answer`);
  }
}

function checkNumericQuestions(questionnaire: Questionnaire, report: Report): void {
  for (const { question, path } of questionsInOrder(questionnaire)) {
    if (question.type !== 'number' && question.type !== 'percentage') continue;
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

/** Each option of a scored choice question has a score; those of an unscored one have none. */
function checkOptionScores(questionnaire: Questionnaire, report: Report): void {
  for (const { question, path } of questionsInOrder(questionnaire)) {
    if (question.type !== 'singleChoice' && question.type !== 'multipleChoice') continue;
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
    });
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

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) (seen.has(value) ? repeated : seen).add(value);
  return [...repeated];
}
