/**
 * `npm run budget` (after `npm run build`; `npm test` runs both): measures the build in `dist/`
 * and prints each figure against its budget in `budgets.json`. Exits 1 when a figure is over
 * its budget or the budget file is invalid. The first screen is what `index.html` loads before
 * any lazy route (see `scripts/lib/bundleSize.ts`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../src/validation/problems.ts';
import { checkBudgets, parseBudgets, type BudgetRow } from './lib/budgets.ts';
import { firstScreen, precache, type FileSize } from './lib/bundleSize.ts';
import { ROOT } from './lib/questionnaires.ts';

const BUDGET_FILE = 'budgets.json';
const DIST = join(ROOT, 'dist');

/** Sizes in kB of 1000 bytes, as Vite prints them. */
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function printRows(rows: readonly BudgetRow[]): void {
  const width = Math.max(...rows.map((row) => row.label.length));
  console.log(`${'figure'.padEnd(width)}  ${'size'.padStart(10)}  ${'budget'.padStart(10)}  headroom`);
  for (const row of rows) {
    const headroom = row.withinBudget
      ? kB(row.budget - row.actual)
      : `OVER by ${kB(row.actual - row.budget)}`;
    console.log(
      `${row.label.padEnd(width)}  ${kB(row.actual).padStart(10)}  ${kB(row.budget).padStart(10)}  ${headroom}`,
    );
  }
}

function printFiles(title: string, files: readonly FileSize[]): void {
  console.log(`\n${title}:`);
  for (const file of [...files].sort((a, b) => b.gzip - a.gzip)) {
    console.log(`  ${kB(file.gzip).padStart(9)} gzip  ${kB(file.bytes).padStart(9)}  ${file.file}`);
  }
}

async function main(): Promise<number> {
  const budgets = parseBudgets(readFileSync(join(ROOT, BUDGET_FILE), 'utf8'), BUDGET_FILE);
  if (!budgets.ok) {
    for (const problem of budgets.problems) console.error(formatProblem(problem));
    return 1;
  }
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error('No build in dist/: run `npm run build` first.');
    return 1;
  }
  const { js, css } = await firstScreen(DIST);
  const rows = checkBudgets(budgets.value, {
    firstScreenJavaScript: js,
    firstScreenCss: css,
    precache: precache(DIST),
  });
  console.log(`Size budgets (${BUDGET_FILE}) for the build in dist/; gzip at zlib's default level\n`);
  printRows(rows);
  printFiles('First-screen JavaScript', js.files);
  printFiles('First-screen CSS', css.files);
  const over = rows.filter((row) => !row.withinBudget);
  if (over.length === 0) return 0;
  console.error(
    `\n${over.length} figure(s) over budget. Make the first screen lighter (lazy-load what it does not ` +
      `need at once), or raise the budget in ${BUDGET_FILE} on purpose and say why in the commit.`,
  );
  return 1;
}

process.exitCode = await main();
