/** Scoring one full assessment: the resolution-130 questionnaire with every question answered (106 in 2.0.0). */
import type { Answers, Response } from '../../../src/assessment/types.ts';
import type { Question, Questionnaire } from '../../../src/questionnaire/schema.ts';
import { questionsInOrder } from '../../../src/questionnaire/walk.ts';
import { scoreAssessment } from '../../../src/scoring/score.ts';
import { loadBuiltInQuestionnaire } from '../../lib/questionnaires.ts';
import { time, type Measurement } from '../measurement.ts';

const REPEAT = 100;

/** A middling answer for every question, so every question counts and every rule runs. */
function answerFor(question: Question): Response {
  switch (question.type) {
    case 'yesNo':
      return { kind: 'value', value: 'yes' };
    case 'yesPartlyNo':
      return { kind: 'value', value: 'partly' };
    case 'maturity':
      return { kind: 'value', value: 3 };
    case 'singleChoice':
      return { kind: 'value', value: question.options[0]!.id };
    case 'multipleChoice':
      return { kind: 'value', value: question.options.slice(0, 2).map((option) => option.id) };
    case 'number':
    case 'percentage':
      return { kind: 'value', value: 50 };
    case 'text':
      return { kind: 'value', value: 'A national CERT coordinates the response.' };
  }
}

let questionnaire: Questionnaire;
let answers: Answers;

const measurement: Measurement = {
  name: 'scoring',
  setup() {
    questionnaire = loadBuiltInQuestionnaire('resolution-130');
    const at = '2026-03-10T10:00:00.000Z';
    answers = Object.fromEntries(
      questionsInOrder(questionnaire).map(({ question }) => [
        question.id,
        { questionId: question.id, response: answerFor(question), updatedAt: at },
      ]),
    );
    const result = scoreAssessment(questionnaire, answers);
    if (result.coverage !== 1)
      throw new Error(`Expected every question answered, coverage ${result.coverage}`);
    for (let warm = 0; warm < REPEAT; warm++) scoreAssessment(questionnaire, answers);
  },
  async measure() {
    const count = questionsInOrder(questionnaire).length;
    const elapsed = await time(() => {
      for (let run = 0; run < REPEAT; run++) scoreAssessment(questionnaire, answers);
    });
    return [
      {
        label: `score one assessment, resolution-130, all ${count} answered`,
        value: elapsed / REPEAT,
        unit: 'ms',
      },
    ];
  },
};

export default measurement;
