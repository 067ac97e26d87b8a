import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkBudgets, parseBudgets, type Measured } from '../../../scripts/lib/budgets.ts';
import type { SizeTotal } from '../../../scripts/lib/bundleSize.ts';

const size = (bytes: number, gzip: number): SizeTotal => ({ files: [], bytes, gzip });
const measured: Measured = {
  firstScreenJavaScript: size(300_000, 110_000),
  firstScreenCss: size(9_000, 2_500),
  precache: size(1_500_000, 520_000),
  languageFiles: size(200_000, 50_000),
};

describe('budgets.json', () => {
  it('is valid and sets the first-screen JavaScript budget at 69 kB gzip (120 before issue 23, then 70)', () => {
    const parsed = parseBudgets(readFileSync('budgets.json', 'utf8'), 'budgets.json');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value.firstScreenJavaScript.gzipBytes).toBe(69_000);
  });

  it('reports a broken file with its place and what was expected', () => {
    const parsed = parseBudgets(
      JSON.stringify({
        firstScreenJavaScript: { gzipBytes: -1 },
        firstScreenCss: {},
        precache: { bytes: 1 },
      }),
      'budgets.json',
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const paths = parsed.error.map((problem) => problem.path);
    expect(paths).toContain('$.firstScreenJavaScript.gzipBytes');
    expect(parsed.error.find((problem) => problem.path === '$.firstScreenCss')?.message).toBe(
      'expected "bytes", "gzipBytes" or both',
    );
  });

  it('reports text that is not JSON', () => {
    const parsed = parseBudgets('{', 'budgets.json');
    expect(parsed.ok ? [] : parsed.error.map((problem) => problem.path)).toEqual(['$']);
  });
});

describe('checkBudgets', () => {
  it('compares each budgeted figure, and only those, with its budget, and the six-language estimates too', () => {
    const rows = checkBudgets(
      {
        firstScreenJavaScript: { gzipBytes: 120_000 },
        firstScreenCss: { bytes: 8_000, gzipBytes: 2_500 },
        precache: { bytes: 1_600_000 },
        languageFiles: { gzipBytes: 60_000 },
      },
      measured,
      { languageFiles: size(230_000, 65_000) },
    );
    expect(rows).toEqual([
      { label: 'first-screen JavaScript, gzip', actual: 110_000, budget: 120_000, withinBudget: true },
      { label: 'first-screen CSS, bytes', actual: 9_000, budget: 8_000, withinBudget: false },
      { label: 'first-screen CSS, gzip', actual: 2_500, budget: 2_500, withinBudget: true },
      {
        label: 'precache (kept offline after one visit), bytes',
        actual: 1_500_000,
        budget: 1_600_000,
        withinBudget: true,
      },
      {
        label: "one more language's texts (largest), gzip",
        actual: 50_000,
        budget: 60_000,
        withinBudget: true,
      },
      {
        label: "one more language's texts (largest), six languages (estimate), gzip",
        actual: 65_000,
        budget: 60_000,
        withinBudget: false,
      },
    ]);
  });
});
