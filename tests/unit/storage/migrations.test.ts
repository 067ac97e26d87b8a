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

const fixtures = databaseFixtures();
/** The stores of the current version. */
const STORES = [
  'addedQuestionnaires',
  'answers',
  'assessments',
  'submissions',
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
});
