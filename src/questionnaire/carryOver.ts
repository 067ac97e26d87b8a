/**
 * Answers given to an earlier version of a questionnaire, carried over to the version built
 * into the app. A questionnaire says how in its `carryOver` sets (see `schema.ts`): each
 * earlier question is carried as it is, mapped onto the questions that replaced it, or not
 * carried. Nothing is lost: an answer that cannot be carried is kept, whole, in the report,
 * so the person can see it and answer the new questions. Pure functions over plain data.
 */
import type { ResponseDescription } from '../assessment/describe.ts';
import type { Answer, AnswerValue, Response } from '../assessment/types.ts';
import type { PathSegment } from '../validation/problems.ts';
import { accepts } from './answerTypes.ts';
import { questionsById } from './lookup.ts';
import type { CarriedQuestion, CarryOver, CarryRule, Question, Questionnaire } from './schema.ts';
import { YES_NO_SCORES, YES_PARTLY_NO_SCORES } from './constants.ts';
import { compareVersions } from './versions.ts';

/** What happened to the answers of an earlier version, kept with the assessment. */
export interface CarryReport {
  from: string;
  to: string;
  /** Questions answered before and carried unchanged. */
  carried: string[];
  /** Questions carried unchanged whose wording changed: the person should check the answer. */
  check: string[];
  /** Earlier answers that determined answers to the questions that replaced them. */
  mapped: { answer: Answer; to: string[] }[];
  /** Earlier answers that could not be carried, kept whole. */
  listed: Answer[];
}

export interface Carried {
  answers: Answer[];
  report: CarryReport;
}

/** The set of rules that reads answers made with `version`: the latest whose `from` it reaches. */
export function carryOverFor(questionnaire: Questionnaire, version: string): CarryOver | undefined {
  if (compareVersions(version, questionnaire.version) >= 0) return undefined;
  return (questionnaire.carryOver ?? [])
    .filter((set) => compareVersions(set.from, version) <= 0)
    .sort((a, b) => compareVersions(b.from, a.from))[0];
}

/**
 * Carries answers made with an earlier `version` over to `questionnaire`. Without a rule for
 * a question, an answer whose question still exists (and still accepts it) is carried and
 * any other is listed: what a minor version, which keeps its ids, needs.
 */
export function carryAnswers(
  questionnaire: Questionnaire,
  version: string,
  answers: readonly Answer[],
): Carried {
  const questions = questionsById(questionnaire);
  const rules = new Map(
    (carryOverFor(questionnaire, version)?.questions ?? []).map((entry) => [entry.id, entry]),
  );
  const report: CarryReport = {
    from: version,
    to: questionnaire.version,
    carried: [],
    check: [],
    mapped: [],
    listed: [],
  };
  const carried = new Map<string, Answer>();
  const mapped: { answer: Answer; entry: Extract<CarriedQuestion, { carry: 'map' }> }[] = [];

  for (const answer of answers) {
    const entry = rules.get(answer.questionId) ?? { id: answer.questionId, carry: 'same' as const };
    if (entry.carry === 'map') {
      mapped.push({ answer, entry });
    } else if (entry.carry === 'same' && fits(questions.get(answer.questionId), answer)) {
      carried.set(answer.questionId, answer);
      (entry.check ? report.check : report.carried).push(answer.questionId);
    } else if (hasContent(answer)) {
      report.listed.push(answer);
      // A value the question no longer takes (a removed option) is listed; its comment and
      // evidence stay on the question, where the person answers again.
      const { response: _, ...notes } = answer;
      if (entry.carry === 'same' && questions.has(answer.questionId) && hasContent(notes)) {
        carried.set(answer.questionId, notes);
      }
    }
  }
  // Mapped answers come second, so they never replace an answer carried as it was.
  for (const { answer, entry } of mapped) {
    const made = mapAnswer(answer, entry.rules, questions).filter((made) => !carried.has(made.questionId));
    for (const answer of made) carried.set(answer.questionId, answer);
    if (made.length > 0) report.mapped.push({ answer, to: made.map((made) => made.questionId) });
    else if (hasContent(answer)) report.listed.push(answer);
  }
  // Listed in the order the person answered, whichever pass listed them.
  const order = new Map(answers.map((answer, index) => [answer, index]));
  report.listed.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { answers: [...carried.values()], report };
}

/** The answers an earlier answer determines: for each question it maps to, the first rule that holds. */
function mapAnswer(
  answer: Answer,
  rules: readonly CarryRule[],
  questions: ReadonlyMap<string, Question>,
): Answer[] {
  const response = answer.response;
  if (response?.kind !== 'value') return [];
  const made = new Map<string, Answer>();
  for (const rule of rules) {
    const question = questions.get(rule.to);
    if (made.has(rule.to) || !question || !whenHolds(rule.when, response.value)) continue;
    if (!accepts(question, rule.value)) continue;
    const next: Answer = { ...answer, questionId: rule.to, response: { kind: 'value', value: rule.value } };
    made.set(rule.to, next);
  }
  return [...made.values()];
}

function whenHolds(when: CarryRule['when'], value: AnswerValue): boolean {
  if ('equals' in when) return value === when.equals;
  if ('in' in when) return when.in.some((candidate) => candidate === value);
  return Array.isArray(value) && value.includes(when.includes);
}

/** The question exists and takes the answer as it is (a "don't know" or a comment always fits). */
function fits(question: Question | undefined, answer: Answer): boolean {
  if (!question) return false;
  return answer.response?.kind !== 'value' || accepts(question, answer.response.value);
}

function hasContent(answer: Answer): boolean {
  return (
    answer.response !== undefined || Boolean(answer.comment?.trim()) || (answer.evidence?.length ?? 0) > 0
  );
}

/** What the rules say about an earlier question: its text, type and note, or undefined. */
export function earlierQuestion(
  questionnaire: Questionnaire,
  from: string,
  questionId: string,
): CarriedQuestion | undefined {
  return carryOverFor(questionnaire, from)?.questions.find((entry) => entry.id === questionId);
}

/** An earlier answer in words, from what the rules keep of its question. */
export function describeEarlier(
  entry: CarriedQuestion | undefined,
  response: Response | undefined,
): ResponseDescription {
  if (!response) return { kind: 'unanswered' };
  if (response.kind !== 'value') return { kind: response.kind };
  const value = response.value;
  const type = entry && entry.carry !== 'same' ? entry.type : undefined;
  if (
    (type === 'yesNo' || type === 'yesPartlyNo') &&
    (value === 'yes' || value === 'partly' || value === 'no')
  ) {
    return { kind: 'word', word: value };
  }
  if (type === 'maturity' && typeof value === 'number') return { kind: 'level', level: value, shown: value };
  const options = entry?.carry === 'map' ? entry.options : undefined;
  if (options && (typeof value === 'string' || Array.isArray(value))) {
    const chosen = new Set(Array.isArray(value) ? value : [value]);
    return {
      kind: 'options',
      labels: options.filter((option) => chosen.has(option.id)).map((option) => option.label),
    };
  }
  if (typeof value === 'number')
    return { kind: 'figure', value, unit: undefined, percent: type === 'percentage' };
  return typeof value === 'string'
    ? { kind: 'text', text: value }
    : { kind: 'invalid', raw: JSON.stringify(value) };
}

type Report = (path: PathSegment[], message: string) => void;

/**
 * The rules of `carryOver` that a JSON Schema cannot express: sets in order and older than
 * this version, each earlier question once, carried questions that exist, mapping rules whose
 * conditions fit the earlier question and whose values this version accepts.
 */
export function checkCarryOver(questionnaire: Questionnaire, report: Report): void {
  const questions = questionsById(questionnaire);
  (questionnaire.carryOver ?? []).forEach((set, s) => {
    const at = (...path: PathSegment[]) => ['carryOver', s, ...path];
    if (compareVersions(set.from, questionnaire.version) >= 0) {
      report(at('from'), `expected a version before ${questionnaire.version}, found ${set.from}`);
    }
    const previous = questionnaire.carryOver?.[s - 1];
    if (previous && compareVersions(set.from, previous.from) <= 0) {
      report(at('from'), `expected sets in ascending order of "from": ${set.from} follows ${previous.from}`);
    }
    const seen = new Set<string>();
    set.questions.forEach((entry, e) => {
      if (seen.has(entry.id)) report(at('questions', e, 'id'), `question "${entry.id}" is listed twice`);
      seen.add(entry.id);
      if (entry.carry === 'same' && !questions.has(entry.id)) {
        report(
          at('questions', e, 'id'),
          `"${entry.id}" is carried as it is, but this version has no such question`,
        );
      }
      if (entry.carry === 'map')
        checkRules(entry, questions, (path, message) => report(at('questions', e, ...path), message));
    });
  });
}

function checkRules(
  entry: Extract<CarriedQuestion, { carry: 'map' }>,
  questions: ReadonlyMap<string, Question>,
  report: Report,
): void {
  const earlierValues = valuesOf(entry);
  const shape = entry.type === 'maturity' ? 'levels' : entry.type.endsWith('Choice') ? 'options' : undefined;
  if (shape && entry[shape] === undefined) {
    report([shape], `an earlier ${entry.type} question needs its "${shape}" for its rules to be checked`);
  }
  entry.rules.forEach((rule, r) => {
    const target = questions.get(rule.to);
    if (!target) {
      report(['rules', r, 'to'], `"${rule.to}" is not a question of this version`);
    } else if (!accepts(target, rule.value)) {
      report(['rules', r, 'value'], `"${rule.to}" does not accept ${JSON.stringify(rule.value)}`);
    }
    const when = rule.when;
    if ('includes' in when && entry.type !== 'multipleChoice') {
      report(
        ['rules', r, 'when'],
        `"includes" needs an earlier multiple-choice question; "${entry.id}" was ${entry.type}`,
      );
    }
    const compared = 'equals' in when ? [when.equals] : 'in' in when ? when.in : [when.includes];
    for (const value of compared) {
      if (earlierValues && !earlierValues.includes(value)) {
        report(
          ['rules', r, 'when'],
          `"${entry.id}" could be ${earlierValues.map((v) => JSON.stringify(v)).join(', ')}; found ${JSON.stringify(value)}`,
        );
      }
    }
  });
}

/** The values the earlier question could take, where its type and shape say so. */
function valuesOf(entry: Extract<CarriedQuestion, { carry: 'map' }>): Array<string | number> | undefined {
  if (entry.type === 'singleChoice' || entry.type === 'multipleChoice')
    return entry.options?.map((option) => option.id);
  if (entry.type === 'maturity')
    return entry.levels ? Array.from({ length: entry.levels }, (_, level) => level) : undefined;
  if (entry.type === 'yesNo') return Object.keys(YES_NO_SCORES);
  if (entry.type === 'yesPartlyNo') return Object.keys(YES_PARTLY_NO_SCORES);
  return undefined;
}
