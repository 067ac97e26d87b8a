import { describe, expect, it } from 'vitest';
import { questionCount } from '../../../src/assessment/questionCount.ts';
import { loadBuiltInQuestionnaire } from '../../../scripts/lib/questionnaires.ts';
import { pillar, question, questionnaire } from '../builders.ts';

describe('how many questions a person is asked', () => {
  it('counts the questions always asked, and the most any answers bring up', () => {
    // 65 without a condition; strategy (3), a working CIRT (5) and the SME programme (1) add 9,
    // and the plans for a CIRT are asked only when there is none.
    expect(questionCount(loadBuiltInQuestionnaire('resolution-130'))).toEqual({ always: 65, atMost: 74 });
    expect(questionCount(loadBuiltInQuestionnaire('sample'))).toEqual({ always: 8, atMost: 10 });
  });

  it('follows chains of follow-ups', () => {
    const chained = questionnaire([
      pillar('p', [
        question({ id: 'a', type: 'yesNo' }),
        question({ id: 'b', type: 'maturity', showIf: { question: 'a', equals: 'yes' } }),
        question({ id: 'c', type: 'yesNo', showIf: { question: 'b', atLeast: 3 } }),
        question({ id: 'd', type: 'yesNo', showIf: { question: 'a', equals: 'no' } }),
      ]),
    ]);
    expect(questionCount(chained)).toEqual({ always: 1, atMost: 3 });
  });
});
