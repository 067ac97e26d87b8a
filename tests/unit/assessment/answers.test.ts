import { describe, expect, it } from 'vitest';
import { withComment, withEvidence, withResponse } from '../../../src/assessment/answers.ts';
import { pillarProgress, totalProgress } from '../../../src/assessment/progress.ts';
import { answers, dontKnow, notApplicable, pillar, question, questionnaire, value } from '../builders.ts';

const now = new Date('2026-05-01T10:00:00.000Z');

describe('answer updates', () => {
  it('stamps each change and keeps what was not changed', () => {
    const first = withResponse(undefined, 'q', { kind: 'value', value: 'yes' }, now);
    const second = withComment(first, 'q', 'Checked with the CIRT', new Date('2026-05-02T00:00:00.000Z'));
    expect(second).toEqual({
      questionId: 'q',
      response: { kind: 'value', value: 'yes' },
      comment: 'Checked with the CIRT',
      updatedAt: '2026-05-02T00:00:00.000Z',
    });
  });

  it('drops empty comments, empty evidence lists and cleared responses rather than storing blanks', () => {
    const full = withEvidence(
      withComment(withResponse(undefined, 'q', notApplicable, now), 'q', 'note', now),
      'q',
      [{ id: 'e', reference: 'Law 5', access: 'public' }],
      now,
    );
    const cleared = withEvidence(
      withComment(withResponse(full, 'q', undefined, now), 'q', '', now),
      'q',
      [],
      now,
    );
    expect(cleared).toEqual({ questionId: 'q', updatedAt: now.toISOString() });
  });
});

describe('progress', () => {
  const q = questionnaire([
    pillar('a', [
      question({ id: 'exists', type: 'yesNo' }),
      question({ id: 'detail', type: 'maturity', showIf: { question: 'exists', equals: 'yes' } }),
    ]),
    pillar('b', [question({ id: 'notes', type: 'text' }), question({ id: 'share', type: 'percentage' })]),
  ]);

  it('counts only shown questions, and counts "not applicable" and "don\'t know" as responses', () => {
    const given = answers({ exists: value('no'), share: dontKnow, notes: notApplicable });
    expect(pillarProgress(q, given)).toEqual([
      { pillarId: 'a', shown: 1, responded: 1 },
      { pillarId: 'b', shown: 2, responded: 2 },
    ]);
    expect(totalProgress(q, answers({ exists: value('yes') }))).toEqual({ shown: 4, responded: 1 });
  });
});
