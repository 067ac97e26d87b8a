import { describe, expect, it } from 'vitest';
import { fieldChange, withFieldChange } from '../../../src/assessment/fieldChange.ts';
import type { Assessment } from '../../../src/assessment/types.ts';

const assessment = {
  id: 'a',
  name: 'National CIRT',
  organisation: 'Ministry',
  questionnaire: { id: 'sample', version: '1.0.0' },
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
} as Assessment;

describe('the fields a change sets and removes', () => {
  it('lists the fields set with their values and the fields removed, and nothing else', () => {
    const { organisation: _, ...after } = { ...assessment, name: 'Renamed', targets: { strategy: 10 } };
    expect(fieldChange(assessment, after)).toEqual({
      set: { name: 'Renamed', targets: { strategy: 10 } },
      removed: ['organisation'],
    });
    expect(fieldChange(assessment, { ...assessment })).toBeUndefined();
  });

  it('applies them to a record another window changed meanwhile, keeping its other fields', () => {
    const stored = { ...assessment, preparedBy: 'Someone else', updatedAt: '2026-01-02T10:00:00.000Z' };
    const change = {
      set: { name: 'Renamed', updatedAt: '2026-01-01T11:00:00.000Z' },
      removed: ['organisation'],
    };
    const { organisation: _, ...expected } = {
      ...stored,
      name: 'Renamed',
    };
    // `updatedAt` does not go back to the change's time: the record was changed after it.
    expect(withFieldChange(stored, change)).toEqual(expected);
  });
});
