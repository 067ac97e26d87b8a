/**
 * The sync between windows on one device, without Vue: two windows (two syncs, each with what it
 * shows) on one IndexedDB, as two tabs share one. The assessment store's own tests
 * (tests/unit/stores/sync.test.ts) check the same through the store.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeAnswer } from '../../../src/assessment/answers.ts';
import type { Answer, Assessment } from '../../../src/assessment/types.ts';
import type { SyncConflict } from '../../../src/sync/core.ts';
import { recordKey } from '../../../src/sync/keys.ts';
import { database } from '../../../src/storage/db.ts';
import {
  deleteAssessment,
  loadAnswers,
  putAssessment,
  saveAnswer,
  updateAssessment,
} from '../../../src/storage/index.ts';
import type * as Stored from '../../../src/storage/assessments.ts';
import { dropSyncConflict } from '../../../src/storage/syncConflicts.ts';
import { createWindowSync, type Conflict } from '../../../src/storage/windowSync.ts';
import { value } from '../builders.ts';
import { readGate } from '../readGate.ts';

/** Reads of one answer can be held once they have read, before they return. */
const gate = readGate();
vi.mock('../../../src/storage/assessments.ts', async (original) => {
  const actual = await original<typeof Stored>();
  return {
    ...actual,
    loadAnswer: async (assessmentId: string, questionId: string) =>
      gate.pass(await actual.loadAnswer(assessmentId, questionId)),
  };
});

const ID = 'a1';
const assessment: Assessment = {
  id: ID,
  name: 'National CIRT 2026',
  questionnaire: { id: 'sample', version: '1.0.0' },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

/** Every change a second later than the one before, whichever window makes it. */
let clock = Date.parse('2026-02-01T00:00:00.000Z');
const tick = () => new Date((clock += 1000));

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const sync of opened.splice(0)) sync.close();
});

type Change = Parameters<typeof changeAnswer>[2];

type Sync = ReturnType<typeof createWindowSync>;

/**
 * A window showing the assessment: what it shows, its sync, and a stand-in for its autosave.
 * `whileOpening` runs after the window has read the answers and before it shows them.
 */
async function windowOn(tab: string, whileOpening?: (sync: Sync) => Promise<void>) {
  const shown = {
    assessmentId: undefined as string | undefined,
    record: undefined as Assessment | undefined,
    answers: {} as Record<string, Answer>,
    conflicts: {} as Record<string, Conflict>,
    merged: [] as string[],
    pending: new Set<string>(),
    writeLater: [] as string[],
  };
  const sync = createWindowSync(
    {
      assessmentId: () => shown.assessmentId,
      answers: () => shown.answers,
      conflicts: () => shown.conflicts,
      merged: () => shown.merged,
      isPending: (questionId) => shown.pending.has(questionId),
      writeLater: (questionId) => shown.writeLater.push(questionId),
      assessmentChanged(found) {
        shown.record = found;
        if (!found) shown.assessmentId = undefined;
      },
    },
    tab,
  );
  opened.push(sync);
  sync.opening(ID);
  const answers = await loadAnswers(ID);
  await whileOpening?.(sync);
  shown.assessmentId = ID;
  shown.answers = answers;
  sync.read(answers);
  return {
    shown,
    sync,
    /** A change made in this window: shown at once, journaled, and waiting to be written. */
    change(questionId: string, change: Change) {
      const next = changeAnswer(shown.answers[questionId], questionId, change, tick());
      shown.answers[questionId] = next;
      sync.changed(next);
      shown.pending.add(questionId);
    },
    /** The autosave's turn for the question. */
    async save(questionId: string) {
      shown.pending.delete(questionId);
      await sync.write(questionId);
    },
  };
}

async function stored(questionId: string) {
  return (await loadAnswers(ID))[questionId];
}

const journal = async () => (await database()).getAllFromIndex('journal', 'byAssessment', ID);

describe('two windows on one assessment', () => {
  it('saves an answer no other window changed, and the other window shows it once told', async () => {
    await putAssessment(assessment);
    const first = await windowOn('first');
    const second = await windowOn('second');

    first.change('cirt.exists', { response: value('no') });
    await first.save('cirt.exists');

    expect((await stored('cirt.exists'))?.response).toEqual(value('no'));
    // Told over the BroadcastChannel, the second window reads the answer itself.
    await vi.waitFor(() => expect(second.shown.answers['cirt.exists']?.response).toEqual(value('no')));
    expect(second.shown.conflicts).toEqual({});
  });

  it('shows a change another window saved while this one was opening the assessment', async () => {
    await putAssessment(assessment);
    const second = await windowOn('second', async (sync) => {
      // Saved and told after this window read the answers, before it shows them.
      await saveAnswer(ID, changeAnswer(undefined, 'cirt.exists', { response: value('no') }, tick()));
      await sync.receive({ kind: 'answers', assessmentId: ID, questionIds: ['cirt.exists'] });
    });
    await vi.waitFor(() => expect(second.shown.answers['cirt.exists']?.response).toEqual(value('no')));
  });

  it('keeps what is said about an assessment opened last until its own answers are shown', async () => {
    await putAssessment(assessment);
    await putAssessment({ ...assessment, id: 'b1' });
    const shown = { id: undefined as string | undefined, answers: {} as Record<string, Answer> };
    const sync = createWindowSync(
      {
        assessmentId: () => shown.id,
        answers: () => shown.answers,
        conflicts: () => ({}),
        merged: () => [],
        isPending: () => false,
        writeLater: () => undefined,
        assessmentChanged: () => undefined,
      },
      'quick',
    );
    opened.push(sync);
    // The person opens a1, then b1 before a1 is shown; b1 is changed elsewhere meanwhile.
    sync.opening(ID);
    sync.opening('b1');
    await saveAnswer('b1', changeAnswer(undefined, 'cirt.exists', { response: value('yes') }, tick()));
    await sync.receive({ kind: 'answers', assessmentId: 'b1', questionIds: ['cirt.exists'] });
    shown.id = ID;
    sync.read({});
    shown.id = 'b1';
    shown.answers = {};
    sync.read({});
    await vi.waitFor(() => expect(shown.answers['cirt.exists']?.response).toEqual(value('yes')));
  });

  it('holds the same field changed in both windows for a choice, and overwrites nothing', async () => {
    await putAssessment(assessment);
    const first = await windowOn('first');
    const second = await windowOn('second');

    second.change('skills.certified', { response: value(80) });
    first.change('skills.certified', { response: value(120) });
    await first.save('skills.certified');
    await second.save('skills.certified');

    expect((await stored('skills.certified'))?.response).toEqual(value(120));
    expect(second.shown.conflicts['skills.certified']).toMatchObject({
      mine: { response: value(80) },
      theirs: { response: value(120) },
      fields: ['response'],
    });
    expect(second.shown.conflicts['skills.certified']?.fromDevice).toBeUndefined();
    // Held: a further write of the question leaves the stored answer alone.
    await second.save('skills.certified');
    expect((await stored('skills.certified'))?.response).toEqual(value(120));

    // Keeping this window's answer: the other's becomes the base, and the save goes through.
    const held = second.shown.conflicts['skills.certified']!;
    delete second.shown.conflicts['skills.certified'];
    second.sync.rebase('skills.certified', held.theirs);
    second.change('skills.certified', { response: value(80) });
    await second.save('skills.certified');
    expect((await stored('skills.certified'))?.response).toEqual(value(80));
    expect(second.shown.conflicts).toEqual({});
  });

  it('merges changes to different fields of one answer, saves the merge and tells the person', async () => {
    await putAssessment(assessment);
    const first = await windowOn('first');
    const second = await windowOn('second');

    second.change('strategy.exists', { comment: 'Adopted in 2024' });
    first.change('strategy.exists', { response: value('yes') });
    await first.save('strategy.exists');
    await second.save('strategy.exists');

    expect(second.shown.conflicts).toEqual({});
    expect(second.shown.merged).toEqual(['strategy.exists']);
    expect(second.shown.answers['strategy.exists']).toMatchObject({
      response: value('yes'),
      comment: 'Adopted in 2024',
    });
    expect(await stored('strategy.exists')).toMatchObject({
      response: value('yes'),
      comment: 'Adopted in 2024',
    });
    // The first window is told and shows the merge too.
    await vi.waitFor(() => expect(first.shown.answers['strategy.exists']?.comment).toBe('Adopted in 2024'));
  });

  it('does not show another window’s answer over a change waiting here; the change merges when saved', async () => {
    await putAssessment(assessment);
    const first = await windowOn('first');
    const second = await windowOn('second');

    first.change('cirt.exists', { response: value('yes') });
    await first.save('cirt.exists');
    second.change('cirt.exists', { comment: 'Since 2019' });
    await second.sync.receive({ kind: 'answers', assessmentId: ID, questionIds: ['cirt.exists'] });

    expect(second.shown.answers['cirt.exists']).toMatchObject({ comment: 'Since 2019' });
    expect(second.shown.answers['cirt.exists']?.response).toBeUndefined();
    await second.save('cirt.exists');
    expect(await stored('cirt.exists')).toMatchObject({ response: value('yes'), comment: 'Since 2019' });
  });

  it('drops a read that raced a change made and written here meanwhile', async () => {
    await putAssessment(assessment);
    const first = await windowOn('first');
    const second = await windowOn('second');
    first.change('cirt.exists', { response: value('yes') });
    await first.save('cirt.exists');

    // The second window reads the first window's answer; before the read is shown, it changes
    // that answer and writes it (merged with the first's).
    const held = gate.hold();
    const reading = second.sync.receive({ kind: 'answers', assessmentId: ID, questionIds: ['cirt.exists'] });
    await held.read;
    second.change('cirt.exists', { comment: 'Since 2019' });
    await second.save('cirt.exists');
    held.release();
    await reading;

    expect(second.shown.answers['cirt.exists']).toMatchObject({
      response: value('yes'),
      comment: 'Since 2019',
    });
    expect(await stored('cirt.exists')).toMatchObject({ response: value('yes'), comment: 'Since 2019' });
  });

  it('ignores what is said about another assessment', async () => {
    await putAssessment(assessment);
    await putAssessment({ ...assessment, id: 'other' });
    const first = await windowOn('first');
    await saveAnswer('other', changeAnswer(undefined, 'cirt.exists', { response: value('no') }, tick()));
    await first.sync.receive({ kind: 'answers', assessmentId: 'other', questionIds: ['cirt.exists'] });
    await first.sync.receive({ kind: 'assessment', assessmentId: 'other' });
    expect(first.shown.answers).toEqual({});
    expect(first.shown.record).toBeUndefined();
  });
});

describe('the assessment changed or deleted in another window', () => {
  it('takes the new record and reads every answer again (an import may have replaced them)', async () => {
    await putAssessment(assessment);
    await saveAnswer(ID, changeAnswer(undefined, 'cirt.exists', { response: value('no') }, tick()));
    const window = await windowOn('first');
    window.change('skills.certified', { response: value(5) });

    // Replaced elsewhere: a new name, one answer gone, another added.
    await updateAssessment(ID, (stored) => ({ ...stored, name: 'Renamed' }));
    const db = await database();
    await db.delete('answers', [ID, 'cirt.exists']);
    await saveAnswer(ID, changeAnswer(undefined, 'gender.share', { response: value(31) }, tick()));
    await window.sync.receive({ kind: 'assessment', assessmentId: ID });

    expect(window.shown.record?.name).toBe('Renamed');
    expect(Object.keys(window.shown.answers).sort()).toEqual(['gender.share', 'skills.certified']);
    // The change waiting here is kept, and saved.
    await window.save('skills.certified');
    expect((await stored('skills.certified'))?.response).toEqual(value(5));
  });

  it('says so when the assessment is gone', async () => {
    await putAssessment(assessment);
    const window = await windowOn('first');
    await deleteAssessment(ID);
    await window.sync.receive({ kind: 'assessment', assessmentId: ID });
    expect(window.shown.record).toBeUndefined();
    expect(window.shown.assessmentId).toBeUndefined();
  });
});

describe('conflicts with another device (left by sync with the server of record)', () => {
  it('are shown when sync says so, and let go once settled, leaving this device’s own conflicts', async () => {
    await putAssessment(assessment);
    const window = await windowOn('first');
    const mine = changeAnswer(undefined, 'cirt.exists', { response: value('yes') }, tick());
    const theirs = changeAnswer(undefined, 'cirt.exists', { response: value('no') }, tick());
    const found: SyncConflict = {
      assessmentId: ID,
      questionId: 'cirt.exists',
      mine,
      theirs,
      fields: ['response'],
    };
    const key = recordKey({ kind: 'answer', id: ID, part: 'cirt.exists' });
    await (await database()).put('syncConflicts', { ...found, key });
    window.shown.conflicts['skills.certified'] = { mine, theirs: undefined, fields: ['response'] };

    await window.sync.receive({ kind: 'conflicts', assessmentId: ID });
    expect(window.shown.conflicts['cirt.exists']).toEqual({
      mine,
      theirs,
      fields: ['response'],
      fromDevice: {},
    });

    await dropSyncConflict(ID, 'cirt.exists');
    await window.sync.receive({ kind: 'conflicts', assessmentId: ID });
    expect(Object.keys(window.shown.conflicts)).toEqual(['skills.certified']);
  });
});

describe('the journal', () => {
  it('holds each change with the base it was made on until the answer is saved', async () => {
    await putAssessment(assessment);
    const first = await windowOn('first');
    first.change('cirt.exists', { response: value('yes') });
    await first.save('cirt.exists');
    const saved = await stored('cirt.exists');

    first.change('cirt.exists', { comment: 'Since 2019' });
    await first.sync.journal.written();
    expect(await journal()).toEqual([
      expect.objectContaining({ tab: 'first', answer: first.shown.answers['cirt.exists'], base: saved }),
    ]);
    await first.save('cirt.exists');
    expect(await journal()).toEqual([]);
  });
});
