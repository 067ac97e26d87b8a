import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/assessment/types.ts';
import {
  closeDatabase,
  DB_NAME,
  DB_VERSION,
  deleteAssessment,
  listAssessments,
  listTrash,
  loadAnswers,
  restoreFromTrash,
  saveAnswer,
} from '../../../src/storage/index.ts';
import { buildDatabase, databaseFixtures } from './fixtures.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Questionnaire } from '../../../src/questionnaire/schema.ts';
import { summaryOf } from '../../../src/questionnaire/summary.ts';
import {
  deleteAddedQuestionnaire,
  listAddedQuestionnaires,
  putAddedQuestionnaire,
} from '../../../src/storage/questionnaires.ts';

const fixtures = databaseFixtures();
/** The stores of the current version. */
const STORES = [
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
];

describe('database migrations', () => {
  it('has a fixture for every earlier schema version', () => {
    expect(fixtures.map((fixture) => fixture.version)).toEqual(
      Array.from({ length: DB_VERSION - 1 }, (_, index) => index + 1),
    );
  });

  describe.each(fixtures.map((fixture) => [fixture.version, fixture] as const))(
    'from version %i',
    (_version, fixture) => {
      const assessments = fixture.stores.assessments!.records as { id: string; updatedAt: string }[];
      const answers = fixture.stores.answers!.records as (Answer & { assessmentId: string })[];

      it('keeps every assessment and answer, and reaches the current version', async () => {
        await buildDatabase(DB_NAME, fixture);
        const listed = await listAssessments();
        expect(listed.map((a) => a.id).sort()).toEqual(assessments.map((a) => a.id).sort());
        expect(listed).toEqual(expect.arrayContaining(assessments));
        for (const { id } of assessments) {
          const expected = Object.fromEntries(
            answers
              .filter((answer) => answer.assessmentId === id)
              .map(({ assessmentId: _, ...answer }) => [answer.questionId, answer]),
          );
          expect(await loadAnswers(id)).toEqual(expected);
        }
        await closeDatabase();
        const db = await openDB(DB_NAME);
        expect(db.version).toBe(DB_VERSION);
        expect([...db.objectStoreNames].sort()).toEqual(STORES);
        // Stores other than assessments and answers keep their records as they were.
        for (const [name, store] of Object.entries(fixture.stores)) {
          if (name === 'assessments' || name === 'answers') continue;
          expect(await db.getAll(name), name).toEqual(store.records);
        }
        db.close();
      });

      it('then works as a new database does: save, delete to the trash, restore', async () => {
        await buildDatabase(DB_NAME, fixture);
        const id = assessments[0]!.id;
        await saveAnswer(id, {
          questionId: 'cirt.exists',
          response: { kind: 'value', value: 'yes' },
          updatedAt: '2026-01-01T00:00:00.000Z',
        });
        const before = await loadAnswers(id);
        const trashId = await deleteAssessment(id);
        expect((await listAssessments()).map((a) => a.id)).not.toContain(id);
        const trashedBefore = (fixture.stores.trash?.records ?? []) as { assessment: { id: string } }[];
        expect((await listTrash()).map((entry) => entry.assessment.id).sort()).toEqual(
          [id, ...trashedBefore.map((entry) => entry.assessment.id)].sort(),
        );
        expect(await restoreFromTrash(trashId!)).toBe(id);
        expect(await loadAnswers(id)).toEqual(before);
        expect(await listTrash()).toHaveLength(trashedBefore.length);
      });
    },
  );

  it('from version 6 (a device linked to a server of record), adds an empty store of added questionnaires that keeps one', async () => {
    const v6 = fixtures.find((fixture) => fixture.version === 6)!;
    await buildDatabase(DB_NAME, v6);
    expect(await listAddedQuestionnaires()).toEqual([]);
    const questionnaire = JSON.parse(
      readFileSync(join('tests', 'fixtures', 'questionnaires', 'national-check.json'), 'utf8'),
    ) as Questionnaire;
    const record = {
      id: questionnaire.id,
      questionnaire,
      summary: summaryOf(questionnaire),
      fileName: 'national-check.json',
      addedAt: '2026-12-03T12:00:00.000Z',
    };
    await putAddedQuestionnaire(record);
    expect(await listAddedQuestionnaires()).toEqual([record]);
    await closeDatabase();
    // The sync stores of version 6 are untouched by the step.
    const db = await openDB(DB_NAME);
    expect(await db.getAll('syncBases')).toEqual(v6.stores.syncBases!.records);
    expect(await db.getAll('syncState')).toEqual(v6.stores.syncState!.records);
    db.close();
    await deleteAddedQuestionnaire(questionnaire.id);
    expect(await listAddedQuestionnaires()).toEqual([]);
  });
});
