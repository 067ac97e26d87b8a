// @vitest-environment happy-dom
/**
 * Two windows on one assessment (two Pinia instances on one IndexedDB, as two tabs share one),
 * a reload in the middle of typing (the journal), and a full disk.
 */
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDatabase, loadAnswers } from '../../../src/storage/index.ts';
import { useAssessmentStore } from '../../../src/stores/assessment.ts';
import { useAssessmentsStore } from '../../../src/stores/assessments.ts';

beforeEach(() => {
  localStorage.clear();
  setActivePinia(createPinia());
});
afterEach(async () => {
  vi.restoreAllMocks();
  await closeDatabase();
});

/** A second window: its own Pinia, the same database. */
async function windowOn(id: string) {
  setActivePinia(createPinia());
  const store = useAssessmentStore();
  await store.open(id);
  return store;
}

const value = (v: string | number) => ({ kind: 'value' as const, value: v });

describe('two windows on one assessment', () => {
  it('a change made in both windows to the same answer is held for a choice, never overwritten', async () => {
    const { id } = await useAssessmentsStore().create('A', 'sample');
    const first = await windowOn(id);
    const second = await windowOn(id);

    second.setResponse('skills.certified', value(80), { typing: true });
    first.setResponse('skills.certified', value(120));
    await first.flush();
    await second.flush();

    expect((await loadAnswers(id))['skills.certified']?.response).toEqual(value(120));
    expect(Object.keys(second.conflicts)).toEqual(['skills.certified']);
    expect(second.conflicts['skills.certified']).toMatchObject({
      mine: { response: value(80) },
      theirs: { response: value(120) },
      fields: ['response'],
    });

    second.resolveConflict('skills.certified', 'mine');
    await second.flush();
    expect(second.conflicts).toEqual({});
    expect((await loadAnswers(id))['skills.certified']?.response).toEqual(value(80));
  });

  it('keeping the other window’s version shows it here and writes nothing', async () => {
    const { id } = await useAssessmentsStore().create('A', 'sample');
    const first = await windowOn(id);
    const second = await windowOn(id);
    second.setComment('cirt.exists', 'mine');
    first.setComment('cirt.exists', 'theirs');
    await first.flush();
    await second.flush();
    second.resolveConflict('cirt.exists', 'theirs');
    await second.flush();
    expect(second.answers['cirt.exists']?.comment).toBe('theirs');
    expect((await loadAnswers(id))['cirt.exists']?.comment).toBe('theirs');
  });

  it('changes to different fields of one answer are merged, and the person is told', async () => {
    const { id } = await useAssessmentsStore().create('A', 'sample');
    const first = await windowOn(id);
    const second = await windowOn(id);

    second.setComment('strategy.exists', 'Adopted in 2024');
    first.setResponse('strategy.exists', value('yes'));
    await first.flush();
    await second.flush();

    expect(second.conflicts).toEqual({});
    expect(second.merged).toEqual(['strategy.exists']);
    const stored = (await loadAnswers(id))['strategy.exists'];
    expect(stored).toMatchObject({ response: value('yes'), comment: 'Adopted in 2024' });
    expect(second.answers['strategy.exists']).toMatchObject({
      response: value('yes'),
      comment: 'Adopted in 2024',
    });
  });

  it('a change saved in one window appears in the other', async () => {
    const { id } = await useAssessmentsStore().create('A', 'sample');
    const first = await windowOn(id);
    const second = await windowOn(id);
    first.setResponse('cirt.exists', value('no'));
    await first.flush();
    await vi.waitFor(() => expect(second.answers['cirt.exists']?.response).toEqual(value('no')));
  });
});

describe('a reload in the middle of typing', () => {
  it('loses nothing: what was typed is written when the assessment opens again', async () => {
    const { id } = await useAssessmentsStore().create('A', 'sample');
    const before = await windowOn(id);
    before.setComment('strategy.exists', 'Typed a moment before the reload');
    // No flush: the page went away before the typing pause was over.
    expect((await loadAnswers(id))['strategy.exists']).toBeUndefined();

    const after = await windowOn(id);
    expect(after.answers['strategy.exists']?.comment).toBe('Typed a moment before the reload');
    await after.flush();
    expect((await loadAnswers(id))['strategy.exists']?.comment).toBe('Typed a moment before the reload');
    expect(Object.keys(localStorage).filter((key) => key.startsWith('baseline.journal'))).toEqual([]);
  });
});

describe('a full disk', () => {
  it('is reported as such, keeps the last saved answer, and the change is saved on retry', async () => {
    const { id } = await useAssessmentsStore().create('A', 'sample');
    const store = await windowOn(id);
    store.setResponse('cirt.exists', value('yes'));
    await store.flush();

    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    store.setResponse('cirt.exists', value('no'));
    await store.flush();
    expect(store.saveState).toBe('error');
    expect(store.saveErrorKind).toBe('quota');
    expect(store.answers['cirt.exists']?.response).toEqual(value('no'));

    put.mockRestore();
    expect((await loadAnswers(id))['cirt.exists']?.response).toEqual(value('yes'));
    await store.retrySave();
    expect(store.saveState).toBe('saved');
    expect((await loadAnswers(id))['cirt.exists']?.response).toEqual(value('no'));
  });
});

describe('deleting', () => {
  it('can be undone, answers and all', async () => {
    const list = useAssessmentsStore();
    const { id } = await list.create('To delete', 'sample');
    const store = useAssessmentStore();
    await store.open(id);
    store.setResponse('cirt.exists', value('yes'));
    await store.flush();

    const trashId = await list.remove(id);
    expect(list.items).toEqual([]);
    expect(list.trash.map((entry) => entry.assessment.name)).toEqual(['To delete']);
    await list.restore(trashId!);
    expect(list.items.map((item) => item.assessment.id)).toEqual([id]);
    expect(list.trash).toEqual([]);
    expect((await loadAnswers(id))['cirt.exists']?.response).toEqual(value('yes'));
  });
});
