/**
 * How many questions a person is asked, told the same way to everyone (the catalogue, the
 * participant answering, the facilitator following the room): `always`, the questions asked
 * whatever the answers, and `atMost`, the most that any set of answers brings up, follow-ups
 * included. Resolution 130: 65 questions, up to 74 (no set of answers shows both the plans for a
 * CIRT and the questions about a working one).
 */
import type { Answers } from './types.ts';
import { visibleQuestionIds } from '../questionnaire/conditions.ts';
import type { Condition, Question, Questionnaire } from '../questionnaire/schema.ts';
import { questionsInOrder } from '../questionnaire/walk.ts';
import { answerSamples } from '../scoring/answerSamples.ts';
import { conditionQuestions } from '../scoring/followUps.ts';

export interface QuestionCount {
  always: number;
  atMost: number;
}

/** Beyond this many combinations of gate answers, `atMost` is the number of questions in the file. */
const MAX_COMBINATIONS = 4096;

export function questionCount(questionnaire: Questionnaire): QuestionCount {
  const questions = questionsInOrder(questionnaire).map(({ question }) => question);
  const always = questions.filter((question) => !question.showIf).length;
  const conditions = questions.flatMap((question) => (question.showIf ? [question.showIf] : []));
  const gates = questions.filter((question) =>
    conditions.some((condition) => conditionQuestions(condition).includes(question.id)),
  );
  const choices = gates.map((gate) => gateAnswers(gate, conditions));
  const combinations = choices.reduce((product, options) => product * options.length, 1);
  if (combinations > MAX_COMBINATIONS) return { always, atMost: questions.length };
  let atMost = always;
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
    atMost = Math.max(atMost, visibleQuestionIds(questionnaire, answers).size);
  }
  return { always, atMost };
}

/** Every answer that can make a difference to the conditions, and no answer at all. */
function gateAnswers(gate: Question, conditions: readonly Condition[]) {
  const mentioning = conditions.filter((condition) => conditionQuestions(condition).includes(gate.id));
  return [undefined, ...answerSamples(gate, ...mentioning).map((sample) => sample.value)];
}
