import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../src/assessment/types.ts';
import {
  deleteAssessment,
  getAssessment,
  listAssessments,
  listTrash,
  putAssessment,
  restoreFromTrash,
  storeImport,
} from '../../../src/storage/index.ts';

const version = (name: string, updatedAt: string): Assessment => ({
  id: 'carried',
  name,
  questionnaire: { id: 'sample', version: '1.0.0' },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt,
});
const beside = (assessment: Assessment) => `${assessment.name} (as on ${assessment.updatedAt.slice(0, 10)})`;

describe('the trash', () => {
  it('puts an assessment back as it was, under its id and name, when nothing took its place', async () => {
    await putAssessment(version('Deleted', '2026-02-01T00:00:00.000Z'));
    const trashId = await deleteAssessment('carried');
    expect(await restoreFromTrash(trashId!, beside)).toBe('carried');
    expect((await getAssessment('carried'))?.name).toBe('Deleted');
  });

  it('puts a version an import replaced back beside the new one, under a name that tells them apart', async () => {
    await putAssessment(version('Carried', '2026-02-01T00:00:00.000Z'));
    const newer = version('Carried', '2026-03-01T00:00:00.000Z');
    await storeImport(
      [{ assessment: newer, answers: [], replaces: true }],
      new Date('2026-03-02T00:00:00.000Z'),
    );
    const [replaced] = await listTrash();
    const id = await restoreFromTrash(replaced!.trashId, beside);
    expect(id).not.toBe('carried');
    expect((await listAssessments()).map((assessment) => assessment.name).sort()).toEqual([
      'Carried',
      'Carried (as on 2026-02-01)',
    ]);
  });
});
