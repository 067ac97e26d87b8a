import { describe, expect, it } from 'vitest';
import { partQuestions } from '../../../src/coordination/parts.ts';
import { partProgress, type Authorship } from '../../../src/coordination/progress.ts';
import { allowedActions, nextStatus, openForAnswers } from '../../../src/coordination/status.ts';
import { answers, dontKnow, notApplicable, pillar, question, questionnaire, value } from '../builders.ts';

const q = questionnaire([
  pillar('strategy', [
    question({ id: 'strategy.exists', type: 'yesNo' }),
    question({
      id: 'strategy.review',
      type: 'yesNo',
      showIf: { question: 'strategy.exists', equals: 'yes' },
    }),
  ]),
  pillar('gender', [
    question({ id: 'gender.data', type: 'yesNo' }),
    question({
      id: 'gender.share',
      type: 'percentage',
      showIf: {
        all: [
          { question: 'gender.data', equals: 'yes' },
          { not: { question: 'strategy.review', equals: 'no' } },
        ],
      },
    }),
  ]),
]);

describe('the questions of a part', () => {
  it('a pillar covers its questions, and reads the gates of their conditions outside it, transitively', () => {
    expect(partQuestions(q, { kind: 'pillar', id: 'gender' })).toEqual({
      questions: ['gender.data', 'gender.share'],
      gates: ['strategy.exists', 'strategy.review'],
    });
    expect(partQuestions(q, { kind: 'pillar', id: 'strategy' })).toEqual({
      questions: ['strategy.exists', 'strategy.review'],
      gates: [],
    });
  });

  it('a single question, with its gate; an unknown part is none', () => {
    expect(partQuestions(q, { kind: 'question', id: 'strategy.review' })).toEqual({
      questions: ['strategy.review'],
      gates: ['strategy.exists'],
    });
    expect(partQuestions(q, { kind: 'question', id: 'gender' })).toBeUndefined();
    expect(partQuestions(q, { kind: 'pillar', id: 'strategy.exists' })).toBeUndefined();
  });
});

describe('the steps of an assignment', () => {
  it('the assignee submits; the coordinator asks for a revision or accepts; an accepted part may be reopened', () => {
    expect(nextStatus('assigned', 'submit', 'assignee')).toBe('submitted');
    expect(nextStatus('assigned', 'submit', 'manager')).toBeUndefined();
    expect(nextStatus('assigned', 'accept', 'manager')).toBeUndefined();
    expect(nextStatus('submitted', 'accept', 'assignee')).toBeUndefined();
    expect(nextStatus('submitted', 'requestRevision', 'manager')).toBe('revisionRequested');
    expect(nextStatus('revisionRequested', 'submit', 'assignee')).toBe('submitted');
    expect(nextStatus('submitted', 'accept', 'manager')).toBe('accepted');
    expect(nextStatus('accepted', 'submit', 'assignee')).toBeUndefined();
    expect(nextStatus('accepted', 'requestRevision', 'manager')).toBe('revisionRequested');
    expect(allowedActions('submitted', 'manager')).toEqual(['requestRevision', 'accept']);
    expect(allowedActions('submitted', 'assignee')).toEqual([]);
    expect(openForAnswers('revisionRequested')).toBe(true);
    expect(openForAnswers('accepted')).toBe(false);
  });
});

describe('progress of a part', () => {
  const author = (questionId: string, at: string): Authorship => ({
    questionId,
    by: `author of ${questionId}`,
    organisations: ['CIRT'],
    at,
  });

  it('counts the shown questions answered (not applicable and don’t know too), and names the latest change', () => {
    const given = answers({
      'gender.data': value('yes'),
      'strategy.exists': value('yes'),
      'strategy.review': value('yes'),
    });
    const authors = new Map([
      ['gender.data', author('gender.data', '2026-03-02T10:00:00.000Z')],
      ['strategy.exists', author('strategy.exists', '2026-03-05T10:00:00.000Z')],
    ]);
    const progress = partProgress(q, given, ['gender.data', 'gender.share'], authors);
    expect(progress).toMatchObject({ answered: 1, shown: 2 });
    // gender.share is hidden while its gates say so: not counted.
    const hidden = answers({ 'gender.data': value('yes'), 'strategy.exists': value('no') });
    expect(partProgress(q, hidden, ['gender.data', 'gender.share'], authors)).toMatchObject({
      answered: 1,
      shown: 1,
    });
    // Outside the part: not its latest change.
    expect(progress.last?.questionId).toBe('gender.data');
    expect(
      partProgress(q, answers({ 'gender.data': dontKnow }), ['gender.data', 'gender.share'], new Map()),
    ).toEqual({
      answered: 1,
      shown: 1,
      last: undefined,
    });
    expect(
      partProgress(
        q,
        answers({ 'strategy.exists': notApplicable }),
        ['strategy.exists', 'strategy.review'],
        new Map(),
      ),
    ).toMatchObject({ answered: 1, shown: 1 });
  });
});
