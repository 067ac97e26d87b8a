import { describe, expect, it } from 'vitest';
import { resumePlace } from '../../../src/assessment/progress.ts';
import type { Answers } from '../../../src/assessment/types.ts';
import { pillar, question, questionnaire as build } from '../builders.ts';

const ids = ['a1', 'a2', 'a3', 'b1', 'b2', 'b3'];
const questionnaire = build([
  pillar(
    'a',
    ids.slice(0, 3).map((id) => question({ id, type: 'yesNo' })),
  ),
  pillar(
    'b',
    ids.slice(3).map((id) => question({ id, type: 'yesNo' })),
  ),
]);

function answered(entries: [questionId: string, minute: number][]): Answers {
  return Object.fromEntries(
    entries.map(([questionId, minute]) => [
      questionId,
      {
        questionId,
        response: { kind: 'dontKnow' as const },
        updatedAt: new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString(),
      },
    ]),
  );
}

describe('where a person picks up', () => {
  it('starts at the first question when nothing is answered', () => {
    expect(resumePlace(questionnaire, {})).toEqual({
      pillarId: questionnaire.pillars[0]!.id,
      questionId: ids[0],
    });
  });

  it('goes on after the question answered last, not from the first gap', () => {
    // The first and the fourth answered, the fourth last: the fifth is next, though the second is open.
    const answers = answered([
      [ids[0]!, 1],
      [ids[3]!, 2],
    ]);
    expect(resumePlace(questionnaire, answers)?.questionId).toBe(ids[4]);
  });

  it('goes round to an earlier gap when everything after the last answer is done', () => {
    const later = ids.slice(2).map((id, index): [string, number] => [id, index + 1]);
    const answers = answered([[ids[0]!, 0], ...later]);
    expect(resumePlace(questionnaire, answers)?.questionId).toBe(ids[1]);
  });

  it('stays at the question answered last when every question is answered', () => {
    const all = ids.map((id, index): [string, number] => [id, index === 1 ? 59 : index]);
    expect(resumePlace(questionnaire, answered(all))).toEqual({ pillarId: 'a', questionId: 'a2' });
  });

  it('skips questions a condition hides', () => {
    const conditional = build([
      pillar('a', [
        question({ id: 'a1', type: 'yesNo' }),
        question({ id: 'a2', type: 'yesNo', showIf: { question: 'a1', equals: 'yes' } }),
      ]),
      pillar('b', [question({ id: 'b1', type: 'yesNo' })]),
    ]);
    const answers = answered([['a1', 1]]);
    answers.a1!.response = { kind: 'value', value: 'no' };
    expect(resumePlace(conditional, answers)).toEqual({ pillarId: 'b', questionId: 'b1' });
  });
});
