/**
 * Size budgets (`budgets.json`): the most the first screen and the precache may weigh. The
 * build is measured (`bundleSize.ts`) and every figure compared with its budget; growth past a
 * budget fails `npm run budget` until the file is changed on purpose.
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
  precache: 'precache (everything kept offline)',
};

export interface BudgetRow {
  label: string;
  actual: number;
  budget: number;
  withinBudget: boolean;
}

/** Every budgeted figure beside its budget, in the order of the file's sections. */
export function checkBudgets(budgets: Budgets, measured: Measured): BudgetRow[] {
  const rows: BudgetRow[] = [];
  for (const key of Object.keys(LABELS) as (keyof Measured)[]) {
    const limits = budgets[key];
    const sizes = measured[key];
    const compare = (what: string, actual: number, budget: number | undefined) => {
      if (budget !== undefined) {
        rows.push({ label: `${LABELS[key]}, ${what}`, actual, budget, withinBudget: actual <= budget });
      }
    };
    compare('bytes', sizes.bytes, limits.bytes);
    compare('gzip', sizes.gzip, limits.gzipBytes);
  }
  return rows;
}
