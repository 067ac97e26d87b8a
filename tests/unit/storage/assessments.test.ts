import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../src/assessment/types.ts';
import {
  closeDatabase,
  DB_NAME,
  DB_VERSION,
  deleteAssessment,
  getAssessment,
  listAssessments,
  loadAllAnswers,
  loadAnswers,
  putAssessment,
  rewriteAssessment,
  saveAnswer,
} from '../../../src/storage/index.ts';

const assessment = (id: string, updatedAt: string): Assessment => ({
  id,
  name: `Assessment ${id}`,
  questionnaire: { id: 'sample', version: '1.0.0' },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt,
});

describe('assessment storage', () => {
  it('lists assessments, most recently changed first', async () => {
    await putAssessment(assessment('a', '2026-01-01T00:00:00.000Z'));
    await putAssessment(assessment('b', '2026-03-01T00:00:00.000Z'));
    expect((await listAssessments()).map((a) => a.id)).toEqual(['b', 'a']);
  });

  it('saves each answer on its own and marks the assessment as changed', async () => {
    await putAssessment(assessment('a', '2026-01-01T00:00:00.000Z'));
    await saveAnswer('a', {
      questionId: 'q1',
      response: { kind: 'value', value: 'yes' },
      updatedAt: '2026-02-01T00:00:00.000Z',
    });
    await saveAnswer('a', {
      questionId: 'q2',
      response: { kind: 'dontKnow' },
      updatedAt: '2026-02-02T00:00:00.000Z',
    });
    await saveAnswer('a', {
      questionId: 'q1',
      response: { kind: 'value', value: 'no' },
      comment: 'changed after review',
      updatedAt: '2026-02-03T00:00:00.000Z',
    });

    const answers = await loadAnswers('a');
    expect(Object.keys(answers).sort()).toEqual(['q1', 'q2']);
    expect(answers.q1).toEqual({
      questionId: 'q1',
      response: { kind: 'value', value: 'no' },
      comment: 'changed after review',
      updatedAt: '2026-02-03T00:00:00.000Z',
    });
    expect((await getAssessment('a'))?.updatedAt).toBe('2026-02-03T00:00:00.000Z');
  });

  it('stores a plain copy of reactive-looking data (proxies cannot be cloned into IndexedDB)', async () => {
    await putAssessment(assessment('a', '2026-01-01T00:00:00.000Z'));
    const evidence = new Proxy([{ id: 'e1', reference: 'Decree 12/2024', access: 'public' as const }], {});
    await saveAnswer('a', { questionId: 'q1', evidence, updatedAt: '2026-02-01T00:00:00.000Z' });
    expect((await loadAnswers('a')).q1?.evidence).toEqual([
      { id: 'e1', reference: 'Decree 12/2024', access: 'public' },
    ]);
  });

  it('refuses an answer for an assessment that does not exist, and writes nothing', async () => {
    await expect(
      saveAnswer('missing', { questionId: 'q1', updatedAt: '2026-02-01T00:00:00.000Z' }),
    ).rejects.toThrow(/No assessment/);
    expect(await loadAllAnswers()).toEqual(new Map());
  });

  it('deletes an assessment together with its answers, and only those', async () => {
    await putAssessment(assessment('a', '2026-01-01T00:00:00.000Z'));
    await putAssessment(assessment('b', '2026-01-01T00:00:00.000Z'));
    await saveAnswer('a', {
      questionId: 'q1',
      response: { kind: 'notApplicable' },
      updatedAt: '2026-02-01T00:00:00.000Z',
    });
    await saveAnswer('b', {
      questionId: 'q1',
      response: { kind: 'notApplicable' },
      updatedAt: '2026-02-01T00:00:00.000Z',
    });
    await deleteAssessment('a');
    expect(await getAssessment('a')).toBeUndefined();
    expect([...(await loadAllAnswers()).keys()]).toEqual(['b']);
  });

  it('keeps data across connections (a reload)', async () => {
    await putAssessment(assessment('a', '2026-01-01T00:00:00.000Z'));
    await closeDatabase();
    expect((await listAssessments()).map((a) => a.id)).toEqual(['a']);
  });

  it('creates every store when upgrading from an empty database', async () => {
    await listAssessments();
    await closeDatabase();
    const db = await openDB(DB_NAME);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'addedQuestionnaires',
      'answers',
      'assessments',
      'journal',
      'submissions',
      'syncBases',
      'syncConflicts',
      'syncRefused',
      'syncState',
      'trash',
      'weightProfiles',
      'workshops',
    ]);
    db.close();
  });
});

describe('rewriting an assessment with its answers', () => {
  const at = '2026-04-01T00:00:00.000Z';
  it('replaces the record and every answer in one go, from what is stored', async () => {
    await putAssessment(assessment('r', '2026-01-01T00:00:00.000Z'));
    await saveAnswer('r', { questionId: 'old', response: { kind: 'value', value: 'yes' }, updatedAt: at });
    await saveAnswer('r', { questionId: 'kept', response: { kind: 'dontKnow' }, updatedAt: at });
    const stored = await rewriteAssessment('r', (record, answers) => ({
      assessment: { ...record, questionnaire: { id: 'sample', version: '2.0.0' } },
      answers: answers
        .filter((answer) => answer.questionId !== 'old')
        .concat({ questionId: 'new', response: { kind: 'value', value: 3 }, updatedAt: at }),
    }));
    expect(stored?.questionnaire.version).toBe('2.0.0');
    expect((await getAssessment('r'))?.questionnaire.version).toBe('2.0.0');
    expect(Object.keys(await loadAnswers('r')).sort()).toEqual(['kept', 'new']);
  });

  it('changes nothing when the change declines, or when there is no such assessment', async () => {
    await putAssessment(assessment('s', '2026-01-01T00:00:00.000Z'));
    await saveAnswer('s', { questionId: 'q', response: { kind: 'dontKnow' }, updatedAt: at });
    expect(await rewriteAssessment('s', () => undefined)).toBeUndefined();
    expect(Object.keys(await loadAnswers('s'))).toEqual(['q']);
    expect(
      await rewriteAssessment('missing', (record, answers) => ({ assessment: record, answers })),
    ).toBeUndefined();
  });
});
