import { describe, expect, it } from 'vitest';
import { analyse, FINAL_COVERAGE } from '../../../src/analysis/index.ts';
import { answers, dontKnow, pillar, question, questionnaire, value } from '../builders.ts';
import { profile } from './profile.ts';

const ten = (id: string) =>
  pillar(
    id,
    Array.from({ length: 10 }, (_, i) => question({ id: `${id}.${i}`, type: 'yesNo' })),
    { target: 80 },
  );
const q = questionnaire([ten('a'), ten('b')]);
/** Questions a.0 … a.(n−1) answered yes. */
const yes = (n: number, prefix = 'a') =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}.${i}`, value('yes')]));

describe('partial results', () => {
  it('gives no score, gap, band or priority before any answer', () => {
    const analysis = analyse(q, {}, { profile: profile() });
    expect(analysis.state).toBe('empty');
    expect(analysis.overall).toMatchObject({ score: null, gap: null, band: undefined, provisional: false });
    expect(analysis.coverage).toBeNull();
    expect(analysis.ranking).toEqual([]);
    expect(analysis.groups.every((group) => group.score === null && group.band === undefined)).toBe(true);
  });

  it('calls a score provisional below 90 % coverage, with the most it can still reach', () => {
    expect(FINAL_COVERAGE).toBe(0.9);
    const analysis = analyse(q, answers({ ...yes(8), ...yes(10, 'b') }), { profile: profile() });
    const [a, b] = analysis.groups;
    expect(a).toMatchObject({ score: 80, coverage: 0.8, provisional: true, ceiling: 100 });
    expect(a?.band?.id).toBe('establishing');
    expect(b).toMatchObject({ score: 100, coverage: 1, provisional: false, ceiling: 100 });
    // Overall: the pillars' coverages weighted by their shares, (0.8 + 1) / 2 = 0.9: final.
    expect(analysis.coverage).toBeCloseTo(0.9);
    expect(analysis).toMatchObject({
      state: 'final',
      overall: { score: 90, provisional: false, ceiling: 100 },
    });
  });

  it('is final from 90 % coverage on, and a "don’t know" is still open', () => {
    const nine = analyse(q, answers({ ...yes(9), ...yes(10, 'b') }), { profile: profile() });
    expect(nine.groups[0]).toMatchObject({ coverage: 0.9, provisional: false });
    const unsure = analyse(q, answers({ ...yes(8), 'a.8': dontKnow, ...yes(10, 'b') }), {
      profile: profile(),
    });
    expect(unsure.groups[0]).toMatchObject({ coverage: 0.8, provisional: true });
  });

  it('makes the overall score provisional when too much of it is open', () => {
    const analysis = analyse(q, answers(yes(10)), { profile: profile() });
    expect(analysis.groups[1]).toMatchObject({ score: 0, coverage: 0, provisional: true, ceiling: 100 });
    expect(analysis).toMatchObject({
      state: 'provisional',
      overall: { score: 50, provisional: true, ceiling: 100 },
    });
  });
});
