import { describe, expect, it } from 'vitest';
import { outlineRule } from '../../../src/questionnaire/figureRule.ts';
import { applyRule } from '../../../src/scoring/valueScore.ts';
import type { NumericRule } from '../../../src/questionnaire/schema.ts';

describe('outlineRule', () => {
  it('says which way a straight line is better, and where it scores in full and nothing', () => {
    expect(outlineRule({ kind: 'linear', scoreZeroAt: 72, scoreFullAt: 24 })).toEqual({
      kind: 'linear',
      better: 'lower',
      zeroAt: 72,
      fullAt: 24,
    });
    expect(outlineRule({ kind: 'linear', scoreZeroAt: 0, scoreFullAt: 100 })).toMatchObject({
      better: 'higher',
    });
  });

  it('turns steps into ranges, each with its score, and adds "below" only under the first step', () => {
    const steps: NumericRule = {
      kind: 'steps',
      steps: [
        { from: 5, score: 0.25 },
        { from: 15, score: 0.5 },
        { from: 50, score: 1 },
      ],
    };
    expect(outlineRule(steps, 0)).toEqual({
      kind: 'steps',
      ranges: [
        { below: 5, score: 0 },
        { from: 5, below: 15, score: 0.25 },
        { from: 15, below: 50, score: 0.5 },
        { from: 50, score: 1 },
      ],
    });
    // A first step at the lowest figure the question accepts starts from it: nothing lies below.
    const fromZero = outlineRule({ kind: 'steps', steps: [{ from: 0, score: 0 }, ...steps.steps] }, 0);
    expect(fromZero.kind === 'steps' && fromZero.ranges[0]).toEqual({ from: 0, below: 5, score: 0 });
    // Without a lowest figure, "below" the first step is shown.
    expect(outlineRule(steps)).toEqual(outlineRule(steps, 0));
  });

  it('reads as one range where neighbouring steps score the same', () => {
    const rule: NumericRule = {
      kind: 'steps',
      steps: [
        { from: 0, score: 0.5 },
        { from: 10, score: 0.5 },
        { from: 20, score: 1 },
        { from: 30, score: 1 },
      ],
    };
    expect(outlineRule(rule, 0)).toEqual({
      kind: 'steps',
      ranges: [
        { from: 0, below: 20, score: 0.5 },
        { from: 20, score: 1 },
      ],
    });
  });

  it('never says something the score does not do: every range scores as stated at its ends', () => {
    const rule: NumericRule = {
      kind: 'steps',
      steps: [
        { from: 0.1, score: 0.25 },
        { from: 0.5, score: 0.5 },
        { from: 1, score: 0.75 },
        { from: 2, score: 1 },
      ],
    };
    const outline = outlineRule(rule, 0);
    if (outline.kind !== 'steps') throw new Error('steps expected');
    for (const range of outline.ranges) {
      const low = range.from ?? 0;
      const high = range.below === undefined ? low + 100 : range.below - 1e-9;
      expect([applyRule(rule, low), applyRule(rule, high)]).toEqual([range.score, range.score]);
    }
  });
});
