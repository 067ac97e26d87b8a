/**
 * Size budgets (`budgets.json`): the most the first screen, the precache and one language's
 * texts may weigh. The build is measured (`bundleSize.ts`) and every figure compared with its
 * budget, and so are estimates for content in all six languages (`sixLanguages.ts`); growth
 * past a budget fails `npm run budget` until the file is changed on purpose.
 */
import { parseJsonText, parseWithSchema, type Parsed } from '../../src/validation/parse.ts';
import { z } from '../../src/validation/zod.ts';
import type { SizeTotal } from './bundleSize.ts';

const bytes = z.number().int().positive();

const limitsSchema = z
  .strictObject({
    bytes: bytes.optional().meta({ description: 'Most bytes on disk (uncompressed)' }),
    gzipBytes: bytes.optional().meta({ description: 'Most bytes once gzipped, as sent over the wire' }),
  })
  .refine((limits) => limits.bytes !== undefined || limits.gzipBytes !== undefined, {
    message: 'expected "bytes", "gzipBytes" or both',
  });
export type Limits = z.infer<typeof limitsSchema>;

export const budgetsSchema = z.strictObject({
  $comment: z.string().optional(),
  firstScreenJavaScript: limitsSchema,
  firstScreenCss: limitsSchema,
  precache: limitsSchema,
  languageFiles: limitsSchema,
});
export type Budgets = z.infer<typeof budgetsSchema>;

export function parseBudgets(text: string, file: string): Parsed<Budgets> {
  const json = parseJsonText(text, file);
  return json.ok ? parseWithSchema(budgetsSchema, json.value, file) : json;
}

export type Measured = Record<Exclude<keyof Budgets, '$comment'>, SizeTotal>;

const LABELS: Record<keyof Measured, string> = {
  firstScreenJavaScript: 'first-screen JavaScript',
  firstScreenCss: 'first-screen CSS',
  precache: 'precache (kept offline after one visit)',
  languageFiles: "one more language's texts (largest)",
};

export interface BudgetRow {
  label: string;
  actual: number;
  budget: number;
  withinBudget: boolean;
}

/**
 * Every budgeted figure beside its budget, in the order of the file's sections; after each,
 * its estimate for content in six languages where there is one.
 */
export function checkBudgets(
  budgets: Budgets,
  measured: Measured,
  sixLanguages: Partial<Measured> = {},
): BudgetRow[] {
  const rows: BudgetRow[] = [];
  for (const key of Object.keys(LABELS) as (keyof Measured)[]) {
    const limits = budgets[key];
    const compare = (label: string, actual: number, budget: number | undefined) => {
      if (budget !== undefined) rows.push({ label, actual, budget, withinBudget: actual <= budget });
    };
    compare(`${LABELS[key]}, bytes`, measured[key].bytes, limits.bytes);
    compare(`${LABELS[key]}, gzip`, measured[key].gzip, limits.gzipBytes);
    const estimate = sixLanguages[key];
    if (estimate) {
      compare(`${LABELS[key]}, six languages (estimate), bytes`, estimate.bytes, limits.bytes);
      compare(`${LABELS[key]}, six languages (estimate), gzip`, estimate.gzip, limits.gzipBytes);
    }
  }
  return rows;
}
