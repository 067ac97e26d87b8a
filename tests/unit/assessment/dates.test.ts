import { describe, expect, it } from 'vitest';
import { assessmentDate, byAssessmentDate } from '../../../src/assessment/dates.ts';
import { inTimeZone } from '../timeZone.ts';

describe('the date an assessment describes', () => {
  it('is the one the person set', () => {
    expect(assessmentDate({ assessedOn: '2025-11-30', createdAt: '2026-12-05T07:40:00.000Z' })).toBe(
      '2025-11-30',
    );
  });

  it('is otherwise the day the record was made where the person was, not in Greenwich', async () => {
    // 07:40 in Greenwich on 5 December is still the evening of 4 December in Los Angeles…
    expect(
      await inTimeZone('America/Los_Angeles', () =>
        assessmentDate({ createdAt: '2026-12-05T07:40:00.000Z' }),
      ),
    ).toBe('2026-12-04');
    // …and 20:00 in Greenwich on 4 December is already the morning of the 5th in Auckland.
    expect(
      await inTimeZone('Pacific/Auckland', () => assessmentDate({ createdAt: '2026-12-04T20:00:00.000Z' })),
    ).toBe('2026-12-05');
  });

  it('orders assessments oldest first, the same date by the order they were made in', async () => {
    const made = (createdAt: string, assessedOn?: string) => ({
      createdAt,
      ...(assessedOn ? { assessedOn } : {}),
    });
    const list = [
      made('2026-01-02T10:00:00.000Z'),
      made('2026-03-01T10:00:00.000Z', '2025-03-01'),
      made('2026-01-02T09:00:00.000Z'),
    ];
    expect(await inTimeZone('UTC', () => [...list].sort(byAssessmentDate))).toEqual([
      list[1],
      list[2],
      list[0],
    ]);
  });
});
