import { describe, expect, it } from 'vitest';
import { catalogOrder, offeredFirst } from '../../../src/questionnaire/catalog.ts';

const entry = (id: string, catalog?: { order: number; offerFirst?: boolean }, basedOn?: string) => ({
  id,
  ...(basedOn ? { basedOn } : {}),
  ...(catalog ? { catalog } : {}),
});

describe('the questionnaire catalog', () => {
  it('lists by "order", then files without a catalog entry, each full one before its variants', () => {
    const list = [
      entry('zeta-quick', undefined, 'zeta'),
      entry('national', { order: 2 }),
      entry('added'),
      entry('zeta'),
      entry('regional', { order: 1 }),
    ];
    expect([...list].sort(catalogOrder).map((item) => item.id)).toEqual([
      'regional',
      'national',
      'added',
      'zeta',
      'zeta-quick',
    ]);
  });

  it('offers first the lowest "order" that says so, and never a file without a catalog entry', () => {
    expect(
      offeredFirst([
        entry('a', { order: 1 }),
        entry('b', { order: 3, offerFirst: true }),
        entry('c', { order: 2, offerFirst: true }),
      ])?.id,
    ).toBe('c');
    expect(offeredFirst([entry('added'), entry('listed', { order: 1 })])).toBeUndefined();
  });
});
