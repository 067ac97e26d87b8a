/**
 * How many questions a person is asked, told the same way to everyone (the catalogue, the
 * participant answering, the facilitator following the room): `always`, the questions asked
 * whatever the answers, and `atMost`, the most that any set of answers brings up, follow-ups
 * included. Resolution 130 2.0.0: 78 questions, up to 104 (no set of answers shows both the
 * preparation of a strategy and the questions about an adopted one, nor both the plans for a
 * CIRT and the questions about a working one).
 */
import type { Answers } from './types.ts';
import { conditionQuestions, visibleQuestionIds } from '../questionnaire/conditions.ts';
import type { Condition, Question, Questionnaire } from '../questionnaire/schema.ts';
import { questionsInOrder } from '../questionnaire/walk.ts';
import { answerSamples } from '../scoring/answerSamples.ts';

export interface QuestionCount {
  always: number;
  atMost: number;
}

/** Beyond this many combinations of one group's gate answers, the group counts all its follow-ups. */
const MAX_COMBINATIONS = 4096;

export function questionCount(questionnaire: Questionnaire): QuestionCount {
  const questions = questionsInOrder(questionnaire).map(({ question }) => question);
  const always = questions.filter((question) => !question.showIf).length;
  // Follow-ups whose conditions share no gate cannot affect each other: each group is counted on
  // its own, which keeps the combinations small however many independent gates a file has.
  const atMost = followUpGroups(questions).reduce(
    (total, group) => total + mostShown(questionnaire, group),
    always,
  );
  return { always, atMost };
}

/** Conditional questions joined with the gates they name (and those gates' own gates). */
function followUpGroups(questions: readonly Question[]): Question[][] {
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    const up = parent.get(id) ?? id;
    if (up === id) return id;
    const top = root(up);
    parent.set(id, top);
    return top;
  };
  for (const question of questions)
    if (question.showIf)
      for (const gate of conditionQuestions(question.showIf)) parent.set(root(gate), root(question.id));
  const groups = new Map<string, Question[]>();
  for (const question of questions) {
    const id = root(question.id);
    groups.set(id, [...(groups.get(id) ?? []), question]);
  }
  return [...groups.values()].filter((group) => group.some((question) => question.showIf));
}

/** The most conditional questions of one group that any answers to its gates bring up. */
function mostShown(questionnaire: Questionnaire, group: readonly Question[]): number {
  const followUps = group.filter((question) => question.showIf);
  const conditions = followUps.map((question) => question.showIf!);
  const gates = group.filter((question) =>
    conditions.some((condition) => conditionQuestions(condition).includes(question.id)),
  );
  const choices = gates.map((gate) => gateAnswers(gate, conditions));
  const combinations = choices.reduce((product, options) => product * options.length, 1);
  if (combinations > MAX_COMBINATIONS) return followUps.length;
  let most = 0;
  for (let index = 0; index < combinations; index += 1) {
    const answers: Record<string, Answers[string]> = {};
    let rest = index;
    gates.forEach((gate, g) => {
      const options = choices[g]!;
      const value = options[rest % options.length];
      rest = Math.floor(rest / options.length);
      if (value !== undefined)
        answers[gate.id] = { questionId: gate.id, response: { kind: 'value', value }, updatedAt: '' };
    });
    const visible = visibleQuestionIds(questionnaire, answers);
    most = Math.max(most, followUps.filter((question) => visible.has(question.id)).length);
  }
  return most;
}

/** Every answer that can make a difference to the conditions, and no answer at all. */
function gateAnswers(gate: Question, conditions: readonly Condition[]) {
  const mentioning = conditions.filter((condition) => conditionQuestions(condition).includes(gate.id));
  return [undefined, ...answerSamples(gate, ...mentioning).map((sample) => sample.value)];
}
