import { describe, expect, it } from 'vitest';
import { mergeAnswers, sameContent } from '../../../src/assessment/merge.ts';
import type { Answer } from '../../../src/assessment/types.ts';

const NOW = new Date('2026-03-01T00:00:00.000Z');
const answer = (extra: Partial<Answer>): Answer => ({
  questionId: 'q',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

describe('three-way merge of one answer', () => {
  it('takes each side’s change where only that side changed a field', () => {
    const base = answer({ response: { kind: 'value', value: 'no' } });
    const mine = answer({ response: { kind: 'value', value: 'no' }, comment: 'mine' });
    const theirs = answer({ response: { kind: 'value', value: 'yes' } });
    expect(mergeAnswers(base, mine, theirs, NOW)).toEqual({
      kind: 'merged',
      answer: {
        questionId: 'q',
        response: { kind: 'value', value: 'yes' },
        comment: 'mine',
        updatedAt: NOW.toISOString(),
      },
      fromTheirs: ['response'],
    });
  });

  it('reports a conflict where both changed the same field differently', () => {
    const base = answer({ comment: 'base' });
    expect(mergeAnswers(base, answer({ comment: 'a' }), answer({ comment: 'b' }), NOW)).toEqual({
      kind: 'conflict',
      fields: ['comment'],
    });
  });

  it('is no conflict when both made the same change, or one removed a field the other left', () => {
    const base = answer({ comment: 'base', evidence: [{ id: 'e', reference: 'r', access: 'public' }] });
    const same = mergeAnswers(
      base,
      answer({ comment: 'x', evidence: base.evidence }),
      answer({ comment: 'x' }),
      NOW,
    );
    expect(same).toMatchObject({ kind: 'merged', answer: { comment: 'x' } });
    expect(same.kind === 'merged' && same.answer.evidence).toBeUndefined();
  });

  it('compares content, not the time of the change or key order', () => {
    expect(
      sameContent(answer({ response: { kind: 'value', value: ['a', 'b'] }, updatedAt: '1' }), {
        updatedAt: '2',
        response: { value: ['a', 'b'], kind: 'value' },
        questionId: 'q',
      }),
    ).toBe(true);
    expect(
      sameContent(
        answer({ response: { kind: 'value', value: ['a', 'b'] } }),
        answer({ response: { kind: 'value', value: ['b', 'a'] } }),
      ),
    ).toBe(false);
  });
});
