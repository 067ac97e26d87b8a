import { describe, expect, it } from 'vitest';
import {
  forSharing,
  sharedAnswers,
  sharedList,
  withoutPersonalFields,
} from '../../../src/assessment/sharing.ts';
import type { Answer, Assessment } from '../../../src/assessment/types.ts';
import { value } from '../builders.ts';

const at = '2026-02-01T00:00:00.000Z';
const answer = (questionId: string, extra: Partial<Answer> = {}): Answer => ({
  questionId,
  updatedAt: at,
  ...extra,
});

const everything = answer('cirt.exists', {
  response: value('yes'),
  comment: 'Staffed by three people',
  commentAccess: 'restricted',
  evidence: [
    { id: 'e1', reference: 'Decree 12/2024', access: 'public' },
    { id: 'e2', reference: 'Internal audit', access: 'restricted' },
  ],
});

describe('what a copy for sharing keeps of an answer', () => {
  it('keeps the response, a public comment and public evidence; leaves out what is restricted', () => {
    expect(forSharing(everything)).toEqual({
      questionId: 'cirt.exists',
      updatedAt: at,
      response: value('yes'),
      evidence: [{ id: 'e1', reference: 'Decree 12/2024', access: 'public' }],
    });
    expect(forSharing(answer('q', { comment: 'Public', commentAccess: 'public' }))).toEqual(
      answer('q', { comment: 'Public' }),
    );
  });

  it('leaves out an answer with nothing left to share', () => {
    const restrictedOnly = answer('q', {
      comment: 'Only for us',
      commentAccess: 'restricted',
      evidence: [{ id: 'e', reference: 'Internal', access: 'restricted' }],
    });
    expect(forSharing(restrictedOnly)).toBeUndefined();
    expect(sharedList([restrictedOnly, undefined, answer('r', { response: value(3) })])).toEqual([
      answer('r', { response: value(3) }),
    ]);
  });

  it('keeps answers by question, in the same shape', () => {
    const shared = sharedAnswers({
      'cirt.exists': everything,
      hidden: answer('hidden', { comment: 'x', commentAccess: 'restricted' }),
    });
    expect(Object.keys(shared)).toEqual(['cirt.exists']);
    expect(shared['cirt.exists']).toEqual(forSharing(everything));
  });
});

describe('what a copy for sharing keeps of an assessment', () => {
  const assessment: Assessment = {
    id: 'a',
    name: 'National CIRT 2026',
    organisation: 'Ministry of Digital Affairs',
    preparedBy: 'A. Person, B. Person',
    questionnaire: { id: 'sample', version: '1.0.0' },
    createdAt: at,
    updatedAt: at,
  };

  it('leaves out the names of the people who prepared it, and a workshop participant’s name', () => {
    const workshop = { participantId: 'p1', name: 'C. Person' } as unknown as Assessment['workshop'];
    const shared = withoutPersonalFields({ ...assessment, workshop });
    expect(shared).not.toHaveProperty('preparedBy');
    expect(shared.workshop).toEqual({ participantId: 'p1' });
    expect(shared).toMatchObject({ name: 'National CIRT 2026', organisation: 'Ministry of Digital Affairs' });
    // The original is not changed.
    expect(assessment.preparedBy).toBe('A. Person, B. Person');
  });

  it('shares the earlier answers a carry-over kept like any answer', () => {
    const restricted = answer('old.q', { comment: 'Only for us', commentAccess: 'restricted' });
    const shared = withoutPersonalFields({
      ...assessment,
      carriedOver: {
        from: '1.0.0',
        to: '2.0.0',
        at,
        carried: [],
        check: [],
        mapped: [{ answer: restricted, to: ['new.q'] }],
        listed: [restricted, everything],
      },
    });
    expect(shared.carriedOver?.mapped).toEqual([{ answer: answer('old.q'), to: ['new.q'] }]);
    expect(shared.carriedOver?.listed).toEqual([forSharing(everything)]);
  });
});
