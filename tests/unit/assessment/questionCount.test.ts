import { describe, expect, it } from 'vitest';
import { questionCount } from '../../../src/assessment/questionCount.ts';
import { loadBuiltInQuestionnaire } from '../../../scripts/lib/questionnaires.ts';
import { pillar, question, questionnaire } from '../builders.ts';

describe('how many questions a person is asked', () => {
  it('counts the questions always asked, and the most any answers bring up', () => {
    // 78 without a condition and 28 follow-ups; the preparation of a strategy and the plans for
    // a CIRT are asked only when there is none, so no answers bring up both them and the
    // questions about an adopted strategy or a working CIRT.
    expect(questionCount(loadBuiltInQuestionnaire('resolution-130'))).toEqual({ always: 78, atMost: 104 });
    expect(questionCount(loadBuiltInQuestionnaire('sample'))).toEqual({ always: 8, atMost: 10 });
  });

  it('counts independent groups of follow-ups on their own, however many gates there are', () => {
    // Fourteen independent gates, each with two follow-ups of which one at most is shown: 3^14
    // combinations of answers together, but 3 for each group.
    const groups = Array.from({ length: 14 }, (_, n) => [
      question({ id: `gate-${n}`, type: 'yesNo' }),
      question({ id: `yes-${n}`, type: 'yesNo', showIf: { question: `gate-${n}`, equals: 'yes' } }),
      question({ id: `no-${n}`, type: 'yesNo', showIf: { question: `gate-${n}`, equals: 'no' } }),
    ]).flat();
    expect(questionCount(questionnaire([pillar('p', groups)]))).toEqual({ always: 14, atMost: 28 });
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
