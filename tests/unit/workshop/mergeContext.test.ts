import { describe, expect, it } from 'vitest';
import { mergeAnswers } from '../../../src/workshop/merge.ts';
import { answers, pillar, question, questionnaire, value } from '../builders.ts';

describe('merging questions collected for context ("scored": false)', () => {
  const q = questionnaire([
    pillar('cirt', [
      question({ id: 'exists', type: 'yesNo' }),
      question({ id: 'staff', type: 'number', scored: false, scoring: undefined, min: 0 }),
      question({
        id: 'tools',
        type: 'multipleChoice',
        scored: false,
        options: [
          { id: 'siem', label: { en: 'SIEM' } },
          { id: 'edr', label: { en: 'EDR' } },
        ],
      }),
    ]),
  ]);
  const participants = [
    {
      participantId: 'a',
      group: 'government',
      answers: answers({ exists: value('yes'), staff: value(12), tools: value(['siem']) }),
    },
    {
      participantId: 'b',
      group: 'academia',
      answers: answers({ exists: value('no'), staff: value(4), tools: value(['siem', 'edr']) }),
    },
    { participantId: 'c', group: 'academia', answers: answers({ staff: value(12) }) },
  ];
  const result = mergeAnswers({ questionnaire: q, groups: ['government', 'academia'], participants });
  const of = (id: string) => result.questions.find((entry) => entry.questionId === id)!;

  it('shows their distribution, figures smallest first and each option chosen', () => {
    expect(of('staff').all.distribution).toEqual([
      { key: '4', count: 1 },
      { key: '12', count: 2 },
    ]);
    expect(of('tools').all.distribution).toEqual([
      { key: 'siem', count: 2 },
      { key: 'edr', count: 1 },
    ]);
    expect(of('tools').byGroup.academia?.distribution).toEqual([
      { key: 'siem', count: 1 },
      { key: 'edr', count: 1 },
    ]);
    expect(of('staff').all.counts).toMatchObject({ values: 3, unanswered: 0 });
  });

  it('gives them no median, agreement or suggested consensus: they have no place on the score scale', () => {
    expect(of('staff').all).toMatchObject({ median: null, spread: null, agreement: null });
    expect(of('staff').suggested).toBeUndefined();
    expect(of('exists').all.agreement).toBe(0);
  });
});
