import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Assessment } from '../../../src/assessment/types.ts';
import {
  closeDatabase,
  DB_NAME,
  deleteSavedProfile,
  getAssessment,
  listSavedProfiles,
  putAssessment,
  putSavedProfile,
  saveAnswer,
  updateAssessment,
} from '../../../src/storage/index.ts';
import { profile } from '../analysis/profile.ts';

const assessment: Assessment = {
  id: 'a',
  name: 'Assessment a',
  questionnaire: { id: 'sample', version: '1.0.0' },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(closeDatabase);

describe('saved weight profiles', () => {
  it('are saved, listed by id, replaced by id and deleted', async () => {
    await putSavedProfile(profile({ id: 'mine-b' }));
    await putSavedProfile(profile({ id: 'mine-a', pillars: { strategy: 2 } }));
    await putSavedProfile(profile({ id: 'mine-a', pillars: { strategy: 3 } }));
    const saved = await listSavedProfiles();
    expect(saved.map((entry) => [entry.id, entry.pillars?.strategy])).toEqual([
      ['mine-a', 3],
      ['mine-b', undefined],
    ]);
    await deleteSavedProfile('mine-b');
    expect((await listSavedProfiles()).map((entry) => entry.id)).toEqual(['mine-a']);
  });

  it('get their store when a database of the first version is upgraded, keeping its assessments', async () => {
    const old = await openDB(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('assessments', { keyPath: 'id' }).createIndex('byUpdatedAt', 'updatedAt');
        db.createObjectStore('answers', { keyPath: ['assessmentId', 'questionId'] }).createIndex(
          'byAssessment',
          'assessmentId',
        );
      },
    });
    await old.put('assessments', assessment);
    old.close();

    expect(await getAssessment('a')).toEqual(assessment);
    await putSavedProfile(profile({ id: 'after-upgrade' }));
    expect((await listSavedProfiles()).map((entry) => entry.id)).toEqual(['after-upgrade']);
  });
});

describe('an assessment’s targets and weight profile', () => {
  it('are changed in one step from the stored record, keeping what answers changed meanwhile', async () => {
    await putAssessment(assessment);
    await saveAnswer('a', { questionId: 'q', updatedAt: '2026-02-01T00:00:00.000Z' });
    const updated = await updateAssessment('a', (current) => ({
      ...current,
      targets: { strategy: 90 },
      weightProfile: profile({ id: 'mine' }),
    }));
    expect(updated).toMatchObject({ updatedAt: '2026-02-01T00:00:00.000Z', targets: { strategy: 90 } });
    expect(await getAssessment('a')).toEqual(updated);
  });

  it('cannot be set on an assessment that does not exist', async () => {
    await expect(updateAssessment('missing', (current) => current)).rejects.toThrow(/No assessment/);
  });
});
