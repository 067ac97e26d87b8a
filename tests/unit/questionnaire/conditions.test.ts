import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../../src/assessment/types.ts';
import { combineTruths, holds, visibleQuestionIds } from '../../../src/questionnaire/conditions.ts';
import type { Condition } from '../../../src/questionnaire/schema.ts';
import { answers, dontKnow, notApplicable, pillar, question, questionnaire, value } from '../builders.ts';

/** Evaluates a condition on a fixed set of answers; a question not named is unanswered. */
const on = (condition: Condition, given: Record<string, AnswerValue>) =>
  holds(condition, (id) => (Object.hasOwn(given, id) ? given[id] : undefined));

describe('conditions', () => {
  it('compare with "notIn": true for any other answer', () => {
    const condition: Condition = { question: 'q', notIn: ['no', 'partly'] };
    expect(on(condition, { q: 'yes' })).toBe(true);
    expect(on(condition, { q: 'partly' })).toBe(false);
  });

  it('compare with "atMost" and "atLeast", both inclusive', () => {
    expect(on({ question: 'q', atMost: 2 }, { q: 2 })).toBe(true);
    expect(on({ question: 'q', atMost: 2 }, { q: 3 })).toBe(false);
    expect(on({ question: 'q', atLeast: 2 }, { q: 2 })).toBe(true);
  });

  it('negate with "not"', () => {
    expect(on({ not: { question: 'q', includes: 'a' } }, { q: ['b'] })).toBe(true);
    expect(on({ not: { question: 'q', includes: 'a' } }, { q: ['a', 'b'] })).toBe(false);
    expect(on({ not: { not: { question: 'q', equals: 'yes' } } }, { q: 'yes' })).toBe(true);
  });

  it('never hold on an unanswered question, however they are written', () => {
    for (const condition of [
      { question: 'q', equals: 'yes' },
      { question: 'q', notIn: ['yes'] },
      { question: 'q', atMost: 100 },
      { not: { question: 'q', equals: 'yes' } },
      { not: { question: 'q', notIn: ['yes'] } },
      { not: { all: [{ question: 'q', equals: 'yes' }] } },
      {
        not: {
          any: [
            { question: 'q', equals: 'yes' },
            { question: 'other', equals: 'yes' },
          ],
        },
      },
    ] satisfies Condition[]) {
      expect(on(condition, {}), JSON.stringify(condition)).toBe(false);
    }
  });

  it('let a known part decide "any" and "all" when another part is unknown', () => {
    const known = { question: 'a', equals: 'yes' } as const;
    const unknown = { question: 'b', equals: 'yes' } as const;
    expect(on({ any: [known, unknown] }, { a: 'yes' })).toBe(true);
    expect(on({ not: { all: [known, unknown] } }, { a: 'no' })).toBe(true);
    expect(on({ all: [known, unknown] }, { a: 'yes' })).toBe(false);
    expect(on({ not: { any: [known, unknown] } }, { a: 'no' })).toBe(false);
  });

  it('keep follow-ups of a "not" gate hidden while the gate is unanswered, "not applicable" or "don\'t know"', () => {
    const q = questionnaire([
      pillar('p', [
        question({ id: 'gate', type: 'yesPartlyNo' }),
        question({ id: 'why-not', type: 'text', showIf: { not: { question: 'gate', equals: 'yes' } } }),
        question({ id: 'low', type: 'maturity', showIf: { question: 'gate', notIn: ['no'] } }),
        question({ id: 'early', type: 'yesNo', showIf: { question: 'low', atMost: 1 } }),
      ]),
    ]);
    const shown = (given: Parameters<typeof answers>[0]) => [...visibleQuestionIds(q, answers(given))];
    expect(shown({})).toEqual(['gate']);
    expect(shown({ gate: notApplicable })).toEqual(['gate']);
    expect(shown({ gate: dontKnow })).toEqual(['gate']);
    expect(shown({ gate: value('no') })).toEqual(['gate', 'why-not']);
    expect(shown({ gate: value('partly'), low: value(1) })).toEqual(['gate', 'why-not', 'low', 'early']);
    expect(shown({ gate: value('yes'), low: value(4) })).toEqual(['gate', 'low']);
  });
});

describe('combineTruths', () => {
  const same = (truth: boolean | undefined) => truth;

  it('lets one decisive part settle it, even after an unknown one', () => {
    expect(combineTruths([undefined, true], same, true)).toBe(true);
    expect(combineTruths([undefined, false], same, false)).toBe(false);
  });

  it('is unknown when no part decides and one is unknown', () => {
    expect(combineTruths([false, undefined], same, true)).toBeUndefined();
    expect(combineTruths([true, undefined], same, false)).toBeUndefined();
  });

  it('is the opposite of decisive when every part is known and none decides', () => {
    expect(combineTruths([false, false], same, true)).toBe(false);
    expect(combineTruths([], same, false)).toBe(true);
  });
});
