import { describe, expect, it } from 'vitest';
import { compareInstants, instantOf, isLater, laterOf } from '../../../src/validation/time.ts';
import { isNewer } from '../../../src/workshop/importer.ts';
import { lastChange } from '../../../src/workshop/participation.ts';

const PARIS = '2026-03-10T10:30:00.000+01:00'; // 09:30 UTC
const UTC = '2026-03-10T10:00:00.000Z';
const NEW_YORK = '2026-03-10T05:00:00-05:00'; // 10:00 UTC, written without milliseconds

describe('times compared as instants', () => {
  it('orders times written with different offsets by the moment they name', () => {
    expect(PARIS > UTC).toBe(true); // as text, the wrong way round
    expect(compareInstants(PARIS, UTC)).toBe(-1);
    expect(isLater(UTC, PARIS)).toBe(true);
    expect(isLater(PARIS, UTC)).toBe(false);
    expect(compareInstants(NEW_YORK, UTC)).toBe(0);
    expect(laterOf(PARIS, UTC)).toBe(UTC);
    expect(laterOf(UTC, NEW_YORK)).toBe(UTC);
  });

  it('counts a text that is not a time as the earliest', () => {
    expect(instantOf('yesterday')).toBe(Number.NEGATIVE_INFINITY);
    expect(isLater(UTC, 'yesterday')).toBe(true);
    expect(compareInstants(undefined, undefined)).toBe(0);
  });

  it('decides the importer’s duplicate rule by instants', () => {
    const created = '2026-03-10T12:00:00Z';
    expect(isNewer({ updatedAt: UTC, createdAt: created }, { updatedAt: PARIS, createdAt: created })).toBe(
      true,
    );
    expect(isNewer({ updatedAt: PARIS, createdAt: created }, { updatedAt: UTC, createdAt: created })).toBe(
      false,
    );
    // The same change, made into a file later (the creation time decides).
    expect(
      isNewer(
        { updatedAt: NEW_YORK, createdAt: '2026-03-10T13:00:00+01:00' },
        { updatedAt: UTC, createdAt: '2026-03-10T11:30:00Z' },
      ),
    ).toBe(true);
  });

  it('finds a participant’s last change by instant', () => {
    const join = { id: 'W', questionnaire: { id: 'q', version: '1.0.0' }, groups: [], anonymous: true };
    const participation = { join, participantId: 'p', group: 'g', joinedAt: '2026-03-10T08:00:00Z' };
    const answers = {
      a: { questionId: 'a', updatedAt: PARIS },
      b: { questionId: 'b', updatedAt: UTC },
    };
    expect(lastChange(participation, answers)).toBe(UTC);
  });
});
