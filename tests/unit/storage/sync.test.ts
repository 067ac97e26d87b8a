// @vitest-environment happy-dom
/**
 * The sync engine over the app's own IndexedDB (fake-indexeddb), against the model server and a
 * second device in memory: records go up and come down, a conflict is held where the assessment
 * screen finds it, a deletion lands in the trash (and a change elsewhere brings it back), and a
 * workshop travels without its key.
 */
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/assessment/types.ts';
import {
  deleteAssessment,
  getAssessment,
  listTrash,
  loadAnswers,
  putAssessment,
  putSubmission,
  putWorkshop,
  saveAnswer,
} from '../../../src/storage/index.ts';
import { forgetLink, idbSyncLocal, readLink, syncCounts, writeLink } from '../../../src/storage/sync.ts';
import { loadSyncConflicts } from '../../../src/storage/syncConflicts.ts';
import { recordKey } from '../../../src/sync/core.ts';
import { syncOnce } from '../../../src/sync/engine.ts';
import { linkedHint } from '../../../src/sync/presence.ts';
import { assessment, changeIds, ModelDevice, ModelServer } from '../sync/model.ts';

const ID = 'assessment-one';
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString();
const answer = (questionId: string, value: string, minute: number): Answer => ({
  questionId,
  response: { kind: 'value', value },
  updatedAt: at(minute),
});

async function setUp() {
  const server = new ModelServer(2);
  const here = idbSyncLocal();
  const other = new ModelDevice();
  const sync = () => syncOnce(here, server.transport(), { newId: changeIds });
  const syncOther = () => syncOnce(other, server.transport(), { newId: changeIds });
  await putAssessment(assessment(ID));
  await saveAnswer(ID, answer('strategy.exists', 'yes', 1));
  await saveAnswer(ID, answer('cirt.exists', 'no', 1));
  return { server, here, other, sync, syncOther };
}

describe('sync over IndexedDB', () => {
  it('sends the device’s records and receives another device’s', async () => {
    const { server, other, sync, syncOther } = await setUp();
    expect((await sync()).applied).toBe(3);
    expect(server.records.size).toBe(3);
    await syncOther();
    other.edit(ID, 'cirt.exists', 'response', 'partly', new Date(at(5)));
    await syncOther();
    const report = await sync();
    expect(report.received).toBe(1);
    expect((await loadAnswers(ID))['cirt.exists']?.response).toEqual({ kind: 'value', value: 'partly' });
    // Nothing left to send: what came down is this device's base.
    expect((await sync()).sent).toBe(0);
  });

  it('holds a real conflict where the assessment screen finds it, and keeps this device’s answer meanwhile', async () => {
    const { other, sync, syncOther } = await setUp();
    await sync();
    await syncOther();
    other.edit(ID, 'strategy.exists', 'response', 'no', new Date(at(5)));
    await syncOther();
    await saveAnswer(ID, answer('strategy.exists', 'partly', 6));
    const report = await sync();
    expect(report.conflicts).toBe(1);
    const held = await loadSyncConflicts(ID);
    expect(held).toMatchObject([
      {
        questionId: 'strategy.exists',
        mine: { response: { value: 'partly' } },
        theirs: { response: { value: 'no' } },
        base: { response: { value: 'yes' } },
        fields: ['response'],
      },
    ]);
    expect((await loadAnswers(ID))['strategy.exists']?.response).toEqual({ kind: 'value', value: 'partly' });
    expect((await syncCounts()).conflicts).toBe(1);
    // Held back from the next pushes until a person chooses.
    expect((await sync()).sent).toBe(0);
  });

  it('puts an assessment deleted elsewhere in the trash; deleted here, it is deleted there', async () => {
    const { server, other, sync, syncOther } = await setUp();
    await sync();
    await syncOther();
    other.data.delete(recordKey({ kind: 'assessment', id: ID }));
    await syncOther();
    await sync();
    expect(await getAssessment(ID)).toBeUndefined();
    expect((await listTrash()).map((entry) => entry.assessment.id)).toEqual([ID]);

    await putAssessment(assessment('second'));
    await sync();
    await syncOther();
    await deleteAssessment('second');
    await sync();
    expect(server.records.get(recordKey({ kind: 'assessment', id: 'second' }))?.deleted).toBe(true);
    await syncOther();
    expect(other.data.has(recordKey({ kind: 'assessment', id: 'second' }))).toBe(false);
  });

  it('brings back an assessment deleted here when it was changed elsewhere meanwhile, answers and all', async () => {
    const { other, sync, syncOther } = await setUp();
    await sync();
    await syncOther();
    other.data.set(recordKey({ kind: 'assessment', id: ID }), {
      ...assessment(ID),
      name: 'Renamed elsewhere',
    });
    await syncOther();
    await deleteAssessment(ID);
    await sync();
    expect((await getAssessment(ID))?.name).toBe('Renamed elsewhere');
    expect(Object.keys(await loadAnswers(ID)).sort()).toEqual(['cirt.exists', 'strategy.exists']);
    expect(await listTrash()).toEqual([]);
  });

  it('sends a workshop without its key, and a sealed submission only as received', async () => {
    const { server, sync } = await setUp();
    const setup = {
      format: 'baseline-workshop' as const,
      formatVersion: 1 as const,
      id: '7K3M9Q2R5T8VW',
      name: 'Consultation',
      questionnaire: { id: 'sample', version: '1.0.0' },
      groups: [{ id: 'government' }],
      anonymous: true,
      sealTo: 'A'.repeat(43) + '=',
      createdAt: at(0),
    };
    await putWorkshop({
      id: setup.id,
      setup,
      secretKey: 'the-secret-key',
      createdAt: at(0),
      updatedAt: at(0),
    });
    await putSubmission({
      workshopId: setup.id,
      participantId: '3f2a4b6c-8d9e-4f01-a234-56789abcdef0',
      group: 'government',
      answers: { 'strategy.exists': answer('strategy.exists', 'yes', 2) },
      updatedAt: at(2),
      createdAt: at(2),
      checksum: `sha256:${'a'.repeat(64)}`,
      receivedAt: at(3),
      via: 'file',
    });
    await sync();
    const sent = JSON.stringify([...server.records.values()]);
    expect(sent).not.toContain('the-secret-key');
    const submission = [...server.records.values()].find((record) => record.kind === 'submission');
    expect(submission?.value).not.toHaveProperty('answers');
    expect(submission?.value).toMatchObject({
      participantId: '3f2a4b6c-8d9e-4f01-a234-56789abcdef0',
      via: 'file',
    });
  });

  it('keeps the link, with a hint for the next start, until it is forgotten with everything sync kept', async () => {
    const { sync } = await setUp();
    await sync();
    const info = {
      token: 't'.repeat(43),
      base: 'http://record.test/',
      device: { id: 'd', name: 'Laptop', organisationId: 'o', linkedAt: at(0), lastSyncAt: null },
      account: { id: 'a', username: 'ana', displayName: 'Ana' },
      organisations: [],
    };
    await writeLink(info);
    expect(linkedHint()).toBe(true);
    expect(await readLink()).toEqual(info);
    await forgetLink();
    expect(linkedHint()).toBe(false);
    expect(await readLink()).toBeUndefined();
    // Forgotten: everything is new to sync again, and the device's data stays.
    expect((await idbSyncLocal().bases()).size).toBe(0);
    expect(await getAssessment(ID)).toBeDefined();
  });
});
