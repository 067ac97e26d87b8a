import { describe, expect, it } from 'vitest';
import { analyse, compareAnalyses } from '../../../src/analysis/index.ts';
import { answers, pillar, question, questionnaire, value } from '../builders.ts';
import { profile } from './profile.ts';

const q = questionnaire(
  ['a', 'b', 'c'].map((id) =>
    pillar(
      id,
      [question({ id: `${id}1`, type: 'yesPartlyNo' }), question({ id: `${id}2`, type: 'yesPartlyNo' })],
      {
        target: 80,
      },
    ),
  ),
);
// Scores a 0 (gap 80), b 25 (gap 55), c 50 (gap 30).
const given = answers({
  a1: value('no'),
  a2: value('no'),
  b1: value('partly'),
  b2: value('no'),
  c1: value('yes'),
  c2: value('no'),
});
const equal = analyse(q, given, { profile: profile() });

describe('sensitivity: one assessment under two profiles', () => {
  it('says when the ranking of gaps does not change', () => {
    const b = analyse(q, given, { profile: profile({ id: 'b', pillars: { a: 2, b: 1.5, c: 1 } }) });
    const result = compareAnalyses(equal, b);
    expect(result.sameRanking).toBe(true);
    expect(result.swappedPairs).toBe(0);
    expect(result.rows.map((row) => row.rankChange)).toEqual([0, 0, 0]);
  });

  it('shows how far each gap moves and counts the pairs that swap', () => {
    const b = analyse(q, given, { profile: profile({ id: 'b', pillars: { a: 1, b: 2, c: 5 } }) });
    // Under B: c 5/8 × 30 = 18.75, b 2/8 × 55 = 13.75, a 1/8 × 80 = 10.
    const result = compareAnalyses(equal, b);
    expect(result.rows.map((row) => [row.groupId, row.a.rank, row.b.rank, row.rankChange])).toEqual([
      ['a', 1, 3, -2],
      ['b', 2, 2, 0],
      ['c', 3, 1, 2],
    ]);
    expect(result.sameRanking).toBe(false);
    expect(result.swappedPairs).toBe(3);
    expect(result.rows[2]?.b.priority).toBeCloseTo(18.75);
    expect(result.overall.a.score).toBeCloseTo(25);
    expect(result.overall.b.score).toBeCloseTo((0 + 2 * 25 + 5 * 50) / 8);
  });

  it('has no rank change for a gap ranked under one profile only', () => {
    const b = analyse(q, given, { profile: profile({ id: 'b', pillars: { a: 0 } }) });
    const row = compareAnalyses(equal, b).rows[0];
    expect(row).toMatchObject({ groupId: 'a', rankChange: null, b: { rank: null, priority: 0 } });
  });

  it('refuses to compare two different groupings', () => {
    const gci = analyse(q, given, { profile: profile(), groupBy: 'gciPillar' });
    expect(() => compareAnalyses(equal, gci)).toThrow(/same grouping/);
  });
});
