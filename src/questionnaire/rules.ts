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
import type { Condition, NumericRule, Question, Questionnaire } from './schema.ts';
import { choiceValues, isNumeric, numericRange } from './values.ts';
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
  // Conditions that would let a better answer lower a score (the scoring rule's own check).
  for (const { path, message } of checkFollowUps(questionnaire)) report(path, message);
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

function checkSources(questionnaire: Questionnaire, known: ReadonlySet<string>, report: Report): void {
  const check = (sources: string[], path: PathSegment[]) =>
    sources.forEach((source, s) => {
      if (!known.has(source))
        report(
          [...path, 'sources', s],
          `unknown clause id "${source}": expected an id from questionnaires/reference/clauses.json`,
        );
    });
  questionnaire.pillars.forEach((pillar, p) => check(pillar.sources, ['pillars', p]));
  for (const { question, path } of questionsInOrder(questionnaire)) check(question.sources, path);
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
  if ('atLeast' in condition && !isNumeric(target)) {
    report(
      [...path, 'atLeast'],
      `"atLeast" needs a maturity, number or percentage question; "${target.id}" is ${target.type}`,
    );
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
    checkRule(question.scoring, [...path, 'scoring'], { min, max }, report);
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
