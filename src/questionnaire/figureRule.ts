import type { NumericRule } from './schema.ts';

/** One range of a steps rule: figures from `from` (inclusive) to `below` (exclusive), and their score. */
export interface RuleRange {
  from?: number;
  below?: number;
  score: number;
}

/**
 * A figure's scoring rule as a person reads it beside the question: for a straight line, where
 * it scores in full and where nothing, and which way is better; for steps, each range of
 * figures with its score, from the lowest (figures below the first step score 0).
 */
export type RuleOutline =
  | { kind: 'linear'; better: 'higher' | 'lower'; zeroAt: number; fullAt: number }
  | { kind: 'steps'; ranges: RuleRange[] };

/** `min` is the lowest figure the question accepts: no "below" range is shown under it. */
export function outlineRule(rule: NumericRule, min?: number): RuleOutline {
  if (rule.kind === 'linear') {
    return {
      kind: 'linear',
      better: rule.scoreFullAt >= rule.scoreZeroAt ? 'higher' : 'lower',
      zeroAt: rule.scoreZeroAt,
      fullAt: rule.scoreFullAt,
    };
  }
  const ranges: RuleRange[] = [];
  const first = rule.steps[0]!;
  if (min === undefined || first.from > min) ranges.push({ below: first.from, score: 0 });
  rule.steps.forEach((step, index) => {
    const next = rule.steps[index + 1];
    ranges.push({ from: step.from, ...(next && { below: next.from }), score: step.score });
  });
  // Neighbouring ranges with the same score read as one.
  const merged: RuleRange[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && last.score === range.score) {
      if (range.below === undefined) delete last.below;
      else last.below = range.below;
    } else merged.push({ ...range });
  }
  return { kind: 'steps', ranges: merged };
}
