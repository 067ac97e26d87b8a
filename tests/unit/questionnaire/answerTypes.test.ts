import { describe, expect, it } from 'vitest';
import { describeResponse, responseText, type ResponseWords } from '../../../src/assessment/describe.ts';
import {
  accepts,
  ANSWER_TYPES,
  distributionKeys,
  keyValue,
  valueOrder,
} from '../../../src/questionnaire/answerTypes.ts';
import { QUESTION_TYPES } from '../../../src/questionnaire/constants.ts';
import { flatten, MESSAGES } from '../i18n.ts';
import { question, value } from '../builders.ts';

const words: ResponseWords = {
  unanswered: 'unanswered',
  notApplicable: 'n/a',
  dontKnow: 'dk',
  invalid: 'invalid',
  yes: 'Yes',
  partly: 'Partly',
  no: 'No',
  level: (level, word) => `${word ?? 'Level'} ${level}`,
  number: (figure) => String(figure),
  percent: (figure) => `${figure}%`,
  localize: (text) => text.en ?? '',
};
const say = (q: ReturnType<typeof question>, v: Parameters<typeof value>[0], short = false) =>
  responseText(describeResponse(q, value(v)), words, { short });

describe('answer type descriptors', () => {
  it('describe every type of the format, and name interface words every language has', () => {
    expect(Object.keys(ANSWER_TYPES).sort()).toEqual([...QUESTION_TYPES].sort());
    for (const [locale, messages] of Object.entries(MESSAGES)) {
      const keys = flatten(messages);
      for (const [type, descriptor] of Object.entries(ANSWER_TYPES))
        for (const word of descriptor.words)
          expect(keys.has(word), `${locale}: ${type} needs ${word}`).toBe(true);
    }
  });

  it('accept only the values a question can take', () => {
    const cases: Array<[ReturnType<typeof question>, unknown[], unknown[]]> = [
      [question({ id: 'q', type: 'yesNo' }), ['yes', 'no'], ['partly', 1, ['yes']]],
      [question({ id: 'q', type: 'yesPartlyNo' }), ['partly'], ['maybe']],
      [question({ id: 'q', type: 'maturity' }), [0, 5], [6, -1, 2.5, '2']],
      [question({ id: 'q', type: 'singleChoice' }), ['mid'], ['none', ['mid']]],
      [question({ id: 'q', type: 'multipleChoice' }), [[], ['a', 'c']], ['a', ['a', 'z']]],
      [question({ id: 'q', type: 'number', min: 0, integer: true }), [0, 12], [-1, 1.5, Infinity, '3']],
      [question({ id: 'q', type: 'percentage' }), [0, 37.5, 100], [101, -0.1]],
      [question({ id: 'q', type: 'text' }), ['', 'notes'], [3]],
    ];
    for (const [q, good, bad] of cases) {
      for (const v of good) expect(accepts(q, v as never), `${q.type} ${JSON.stringify(v)}`).toBe(true);
      for (const v of bad) expect(accepts(q, v as never), `${q.type} ${JSON.stringify(v)}`).toBe(false);
    }
  });

  it('put every answer in words, one wording for every screen and file', () => {
    expect(say(question({ id: 'q', type: 'yesPartlyNo' }), 'partly')).toBe('Partly');
    const stages = question({
      id: 'q',
      type: 'maturity',
      levels: [0, 1, 2, 3, 4].map((l) => ({ en: `stage text ${l}` })),
      levelNumbering: { from: 1, word: { en: 'Stage' } },
    });
    expect(say(stages, 2)).toBe('Stage 3: stage text 2');
    expect(say(stages, 2, true)).toBe('Stage 3');
    expect(say(question({ id: 'q', type: 'maturity' }), 4, true)).toBe('Level 4');
    expect(say(question({ id: 'q', type: 'multipleChoice' }), ['c', 'a'])).toBe('a; c');
    expect(say(question({ id: 'q', type: 'number', unit: { en: 'hours' } }), 38)).toBe('38 hours');
    expect(say(question({ id: 'q', type: 'percentage' }), 40)).toBe('40%');
    expect(say(question({ id: 'q', type: 'singleChoice' }), 'gone')).toBe('invalid ("gone")');
  });

  it('order and count values for the workshop merge', () => {
    const single = question({ id: 'q', type: 'singleChoice' });
    expect([valueOrder(single, 'low'), valueOrder(single, 'mid'), valueOrder(single, 'high')]).toEqual([
      0, 1, 2,
    ]);
    expect(valueOrder(question({ id: 'q', type: 'multipleChoice' }), ['c', 'a'])).toBe('["a","c"]');
    expect(distributionKeys(question({ id: 'q', type: 'yesPartlyNo' }))).toEqual(['yes', 'partly', 'no']);
    expect(
      distributionKeys(question({ id: 'q', type: 'maturity', levels: [{ en: 'a' }, { en: 'b' }] })),
    ).toEqual(['0', '1']);
    expect(distributionKeys(question({ id: 'q', type: 'number' }))).toBeUndefined();
    expect(keyValue(question({ id: 'q', type: 'multipleChoice' }), 'a')).toEqual(['a']);
    expect(keyValue(question({ id: 'q', type: 'percentage' }), '12.5')).toBe(12.5);
  });
});
