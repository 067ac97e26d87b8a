import { describe, expect, it } from 'vitest';
import { decideRange, rangeForSirv } from '../../../scripts/room/range.ts';

describe('Range headers on the room server', () => {
  it.each([
    [undefined, { kind: 'whole' }],
    ['bytes=0-99', { kind: 'part', start: 0, end: 99 }],
    ['bytes=10-', { kind: 'part', start: 10, end: 999 }],
    ['bytes=900-5000', { kind: 'part', start: 900, end: 999 }],
    ['bytes=-5', { kind: 'part', start: 995, end: 999 }],
    ['bytes=-5000', { kind: 'part', start: 0, end: 999 }],
    [' Bytes = 1-2 ', { kind: 'part', start: 1, end: 2 }],
    ['bytes=0-1, 5-6', { kind: 'whole' }],
    ['items=0-1', { kind: 'whole' }],
    ['bytes=100-50', { kind: 'unsatisfiable' }],
    ['bytes=1000-', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    ['bytes=abc', { kind: 'unsatisfiable' }],
    ['bytes=', { kind: 'unsatisfiable' }],
    ['bytes=1-2-3', { kind: 'unsatisfiable' }],
    ['bytes=0-1, 9-3', { kind: 'unsatisfiable' }],
    ['bytes=1e3-', { kind: 'unsatisfiable' }],
    [`bytes=${'9'.repeat(400)}-`, { kind: 'unsatisfiable' }],
    ['0-1', { kind: 'unsatisfiable' }],
  ])('%s of a 1000-byte file', (header, decision) => {
    expect(decideRange(header, 1000)).toEqual(decision);
  });

  it('has nothing to give of an empty file', () => {
    expect(decideRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(decideRange('bytes=-1', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it('hands sirv only the form it reads right', () => {
    expect(rangeForSirv({ kind: 'part', start: 3, end: 7 }, 10)).toBe('bytes=3-7');
    expect(rangeForSirv({ kind: 'unsatisfiable' }, 10)).toBe('bytes=10-10');
    expect(rangeForSirv({ kind: 'part', start: 0, end: 0 }, 10)).toBeUndefined();
    expect(rangeForSirv({ kind: 'whole' }, 10)).toBeUndefined();
  });
});
