// @vitest-environment happy-dom
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  closeDatabase,
  DB_NAME,
  getAssessment,
  listSubmissions,
  loadAnswers,
} from '../../../src/storage/index.ts';
import { scoreAssessment } from '../../../src/scoring/index.ts';
import { useAssessmentStore } from '../../../src/stores/assessment.ts';
import { useParticipantStore } from '../../../src/stores/participant.ts';
import { useWorkshopStore } from '../../../src/stores/workshop.ts';
import { useWorkshopsStore } from '../../../src/stores/workshops.ts';
import { joinInfoOf } from '../../../src/workshop/setup.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  setActivePinia(createPinia());
});
afterEach(closeDatabase);

const SETUP = {
  name: 'Workshop',
  questionnaire: { id: 'sample', version: '1.0.0' },
  defaultGroups: ['government', 'academia'],
  customGroups: [],
  anonymous: false,
};

/** A participant joins on "their device", answers and hands back; returns the file's text. */
async function participantHandsBack(
  join: ReturnType<typeof joinInfoOf>,
  group: string,
  name: string,
  level: number,
) {
  const assessment = await useParticipantStore().join(join, group, name, `${name}'s answers`);
  const answering = useAssessmentStore();
  await answering.open(assessment.id);
  answering.setResponse('strategy.exists', { kind: 'value', value: 'yes' });
  answering.setResponse('strategy.review', { kind: 'value', value: level });
  await answering.flush();
  const handBack = await useParticipantStore().handBack(answering.assessment!, answering.answers);
  expect((await getAssessment(assessment.id))?.workshop?.handedBack?.checksum).toBe(
    handBack.payload.checksum,
  );
  return handBack;
}

describe('a workshop from set-up to consensus', () => {
  it('collects sealed answers, merges them, and makes a consensus assessment with its provenance', async () => {
    const created = await useWorkshopsStore().create(SETUP, { seal: true });
    expect(created.secretKey).toBeDefined();
    const join = joinInfoOf(created.setup);

    const first = await participantHandsBack(join, 'government', 'Ana', 4);
    const second = await participantHandsBack(join, 'academia', 'Boris', 2);

    setActivePinia(createPinia());
    const workshop = useWorkshopStore();
    await workshop.open(created.id);
    expect(workshop.loadState).toBe('ready');
    expect((await workshop.receiveText(first.fileText, first.fileName, 'file')).kind).toBe('added');
    // The second participant's answers come as QR codes.
    const events = [];
    for (const chunk of second.chunks) events.push(await workshop.scan(chunk));
    expect(events.at(-1)?.outcome?.kind).toBe('added');
    expect((await workshop.receiveText(first.fileText, first.fileName, 'file')).kind).toBe('alreadyHave');
    expect(await listSubmissions(created.id)).toHaveLength(2);

    const review = workshop.merge?.questions.find((entry) => entry.questionId === 'strategy.review');
    expect(review?.all.median?.value).toBe(2);
    expect(review?.byGroup.government?.median?.value).toBe(4);

    workshop.setConsensus('strategy.review', {
      decided: true,
      response: { kind: 'value', value: 3 },
      rationale: 'Reviewed yearly.',
    });
    workshop.setConsensus(
      'strategy.review',
      { dissent: 'Academia: no review since 2023.' },
      { typing: true },
    );
    const id = await workshop.saveConsensus('Consensus');

    const assessment = await getAssessment(id);
    expect(assessment?.provenance).toMatchObject({
      workshopId: created.id,
      participants: { total: 2, byGroup: { government: 1, academia: 1 } },
      dissent: { 'strategy.review': 'Academia: no review since 2023.' },
    });
    const answers = await loadAnswers(id);
    expect(answers['strategy.exists']?.response).toEqual({ kind: 'value', value: 'yes' });
    expect(answers['strategy.review']).toMatchObject({
      response: { kind: 'value', value: 3 },
      comment: 'Reviewed yearly.',
    });

    // The consensus is a normal assessment: it opens and scores like any other.
    const results = useAssessmentStore();
    await results.open(id);
    expect(scoreAssessment(results.questionnaire!, results.answers).pillars[0]?.score).toBe(80);

    // The consensus draft survived in storage.
    setActivePinia(createPinia());
    const again = useWorkshopStore();
    await again.open(created.id);
    expect(again.draft.items['strategy.review']?.rationale).toBe('Reviewed yearly.');
    expect(again.workshop?.consensusAssessmentId).toBe(id);
  });

  it('scores with the weight profile the set-up names, and the consensus keeps a copy of it', async () => {
    const created = await useWorkshopsStore().create({
      ...SETUP,
      weightProfile: 'resolution-130-priorities',
    });
    const workshop = useWorkshopStore();
    await workshop.open(created.id);
    expect(workshop.profile?.id).toBe('resolution-130-priorities');
    const id = await workshop.saveConsensus('Weighted');
    expect((await getAssessment(id))?.weightProfile).toMatchObject({
      id: 'resolution-130-priorities',
      pillars: { strategy: 14 },
    });
  });

  it('a participant who joins twice on one device continues the same answers', async () => {
    const created = await useWorkshopsStore().create(SETUP);
    const join = joinInfoOf(created.setup);
    const participant = useParticipantStore();
    const first = await participant.join(join, 'government', 'Ana', 'Mine');
    expect((await participant.joined(join.id))?.id).toBe(first.id);
    expect(await participant.joined('0000000000000')).toBeUndefined();
  });
});

describe('the database upgrade for workshops', () => {
  it('adds the workshop stores to a database of the first version and keeps its assessments', async () => {
    const old = await openDB(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('assessments', { keyPath: 'id' }).createIndex('byUpdatedAt', 'updatedAt');
        db.createObjectStore('answers', { keyPath: ['assessmentId', 'questionId'] }).createIndex(
          'byAssessment',
          'assessmentId',
        );
      },
    });
    await old.put('assessments', {
      id: 'kept',
      name: 'Before workshops',
      questionnaire: { id: 'sample', version: '1.0.0' },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    old.close();

    expect((await getAssessment('kept'))?.name).toBe('Before workshops');
    await useWorkshopsStore().create(SETUP);
    expect(useWorkshopsStore().items).toHaveLength(1);
  });
});
