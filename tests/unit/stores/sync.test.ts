// @vitest-environment happy-dom
/**
 * Two windows on one assessment (two Pinia instances on one IndexedDB, as two tabs share one),
 * a reload in the middle of typing (the journal), and a full disk.
 */
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Answer } from '../../../src/assessment/types.ts';
import { database } from '../../../src/storage/db.ts';
import { closeDatabase, loadAnswers, saveAnswer } from '../../../src/storage/index.ts';
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

async function journalEntries(assessmentId: string) {
  return (await database()).getAllFromIndex('journal', 'byAssessment', assessmentId);
}

/** A journal entry as a window that crashed left it. */
async function leftInJournal(assessmentId: string, tab: string, answer: Answer, base?: Answer) {
  await (await database()).put('journal', { assessmentId, tab, answer, base });
}

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
    expect(await journalEntries(id)).toEqual([]);
  });
});

describe('a crash of the browser', () => {
  const comment = (text: string, updatedAt: string): Answer => ({
    questionId: 'strategy.exists',
    comment: text,
    updatedAt,
  });

  it('writes every change to the journal at once, and the save of the answer drops it', async () => {
    const { id } = await useAssessmentsStore().create('A', 'sample');
    const store = await windowOn(id);
    store.setComment('strategy.exists', 'Typed');
    // Still in the typing pause: the answer is not saved, the journal has it.
    await vi.waitFor(async () =>
      expect((await journalEntries(id)).map((entry) => entry.answer.comment)).toEqual(['Typed']),
    );
    expect((await loadAnswers(id))['strategy.exists']).toBeUndefined();
    await store.flush();
    expect((await loadAnswers(id))['strategy.exists']?.comment).toBe('Typed');
    expect(await journalEntries(id)).toEqual([]);
  });

  it('writes again what the journal holds when newer than the stored answer', async () => {
    const { id } = await useAssessmentsStore().create('A', 'sample');
    const saved = comment('First words', '2026-03-10T10:00:00.000Z');
    await saveAnswer(id, saved);
    await leftInJournal(id, 'crashed', comment('First words, and more', '2026-03-10T10:00:05.000Z'), saved);

    const store = await windowOn(id);
    expect(store.answers['strategy.exists']?.comment).toBe('First words, and more');
    await store.flush();
    expect(store.conflicts).toEqual({});
    expect((await loadAnswers(id))['strategy.exists']?.comment).toBe('First words, and more');
    expect(await journalEntries(id)).toEqual([]);
  });

  it('shows no conflict for a journal entry older than the stored answer', async () => {
    const { id } = await useAssessmentsStore().create('A', 'sample');
    const older = comment('Old', '2026-03-10T10:30:00.000+01:00'); // 09:30 UTC
    await saveAnswer(id, comment('Newer text', '2026-03-10T10:00:00.000Z'));
    await leftInJournal(id, 'crashed', older, undefined);

    const store = await windowOn(id);
    await store.flush();
    expect(store.conflicts).toEqual({});
    expect(store.answers['strategy.exists']?.comment).toBe('Newer text');
    expect((await loadAnswers(id))['strategy.exists']?.comment).toBe('Newer text');
    expect(await journalEntries(id)).toEqual([]);
  });

  it('takes the newest entry when several windows left one', async () => {
    const { id } = await useAssessmentsStore().create('A', 'sample');
    await leftInJournal(id, 'one', comment('From one window', '2026-03-10T10:00:02.000Z'));
    await leftInJournal(id, 'two', comment('From the other, later', '2026-03-10T10:00:03.000Z'));
    const store = await windowOn(id);
    await store.flush();
    expect((await loadAnswers(id))['strategy.exists']?.comment).toBe('From the other, later');
    expect(await journalEntries(id)).toEqual([]);
  });

  it('reads once what an earlier version left in localStorage', async () => {
    const { id } = await useAssessmentsStore().create('A', 'sample');
    const entry = { assessmentId: id, answer: comment('Kept by the old journal', '2026-03-10T10:00:00Z') };
    localStorage.setItem(
      `baseline.journal\u001f${id}\u001fold-tab\u001fstrategy.exists`,
      JSON.stringify(entry),
    );
    const store = await windowOn(id);
    await store.flush();
    expect((await loadAnswers(id))['strategy.exists']?.comment).toBe('Kept by the old journal');
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
