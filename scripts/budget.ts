/**
 * `npm run budget` (after `npm run build`; `npm test` runs both): measures the build in `dist/`
 * and prints each figure against its budget in `budgets.json`, then the same budgets against an
 * estimate for built-in content in all six languages (`scripts/lib/sixLanguages.ts`). Exits 1
 * when a figure is over its budget or the budget file is invalid. The first screen is what
 * `index.html` loads before any lazy route (see `scripts/lib/bundleSize.ts`); the precache is
 * what the service worker keeps after one visit; a language's texts are the files the app
 * fetches and keeps when that language is chosen (`dist/assets/languages/<language>/`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitByLanguage, type TextSlots } from '../src/content/split.ts';
import { questionnaireTexts } from '../src/content/questionnaireTexts.ts';
import { catalogTexts, clauseTexts, profileTexts } from '../src/content/texts.ts';
import { DEFAULT_LOCALE } from '../src/language/locales.ts';
import { summaryOf } from '../src/questionnaire/summary.ts';
import { formatProblem } from '../src/validation/problems.ts';
import { checkBudgets, parseBudgets, type BudgetRow, type Measured } from './lib/budgets.ts';
import { firstScreen, precache, sizeOf, total, type FileSize, type SizeTotal } from './lib/bundleSize.ts';
import { builtInProfileFiles } from './lib/profiles.ts';
import { builtInQuestionnaireFiles, loadClauseRegistry, ROOT } from './lib/questionnaires.ts';
import { gzipSize, languageFileSizes, sixLanguageCopy } from './lib/sixLanguages.ts';
import type { Questionnaire } from '../src/questionnaire/schema.ts';
import type { WeightProfile } from '../src/profiles/schema.ts';

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

/** Each language's files in the build, largest (gzip) first. */
function languageFiles(): { language: string; size: SizeTotal }[] {
  const folder = join(DIST, 'assets', 'languages');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .map((language) => ({
      language,
      size: total(
        readdirSync(join(folder, language)).map((name) =>
          sizeOf(DIST, `assets/languages/${language}/${name}`),
        ),
      ),
    }))
    .sort((a, b) => b.size.gzip - a.size.gzip);
}

const readJson = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;

/** A piece of built-in content: what it is, its texts, and the language its shell keeps. */
interface Content<T> {
  document: T;
  slots: TextSlots<T>;
  keep: string;
}

function builtInContent(): Content<unknown>[] {
  const questionnaires = builtInQuestionnaireFiles().map((path) => readJson<Questionnaire>(path));
  const content = <T>(document: T, slots: TextSlots<T>, keep: string) =>
    ({ document, slots, keep }) as Content<unknown>;
  return [
    ...questionnaires.map((q) => content(q, questionnaireTexts, q.defaultLanguage)),
    content(questionnaires.map(summaryOf), catalogTexts, DEFAULT_LOCALE),
    content(loadClauseRegistry(), clauseTexts, DEFAULT_LOCALE),
    content(
      builtInProfileFiles().map((path) => readJson<WeightProfile>(path)),
      profileTexts,
      DEFAULT_LOCALE,
    ),
  ];
}

/** The shell a piece of content is precached as, as the build writes it (bytes and gzip). */
function shellSize({ document, slots, keep }: Content<unknown>): { bytes: number; gzip: number } {
  const text = JSON.stringify(splitByLanguage(document, slots, () => keep).shell);
  return { bytes: Buffer.byteLength(text), gzip: gzipSize(text) };
}

/**
 * Estimates for content in six languages: the precache (its shells change only by the longer
 * list of languages) and the largest language's texts.
 */
function sixLanguageEstimate(measured: Measured): Partial<Measured> {
  const today = builtInContent();
  const six = today.map((entry) => ({ ...entry, document: sixLanguageCopy(entry.document, entry.slots) }));
  const shells = (entries: Content<unknown>[]) =>
    entries
      .map(shellSize)
      .reduce((sum, size) => ({ bytes: sum.bytes + size.bytes, gzip: sum.gzip + size.gzip }));
  const [before, after] = [shells(today), shells(six)];
  const byLanguage = new Map<string, number>();
  for (const { document, slots, keep } of six) {
    for (const [language, gzip] of Object.entries(languageFileSizes(document, slots, keep)))
      byLanguage.set(language, (byLanguage.get(language) ?? 0) + gzip);
  }
  const largest = Math.max(...byLanguage.values());
  return {
    precache: {
      files: [],
      bytes: measured.precache.bytes - before.bytes + after.bytes,
      gzip: measured.precache.gzip - before.gzip + after.gzip,
    },
    languageFiles: { files: [], bytes: 0, gzip: largest },
  };
}

async function main(): Promise<number> {
  const budgets = parseBudgets(readFileSync(join(ROOT, BUDGET_FILE), 'utf8'), BUDGET_FILE);
  if (!budgets.ok) {
    for (const problem of budgets.error) console.error(formatProblem(problem));
    return 1;
  }
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error('No build in dist/: run `npm run build` first.');
    return 1;
  }
  const { js, css } = await firstScreen(DIST);
  const languages = languageFiles();
  const measured: Measured = {
    firstScreenJavaScript: js,
    firstScreenCss: css,
    precache: precache(DIST),
    languageFiles: languages[0]?.size ?? total([]),
  };
  const rows = checkBudgets(budgets.value, measured, sixLanguageEstimate(measured));
  console.log(`Size budgets (${BUDGET_FILE}) for the build in dist/; gzip at zlib's default level\n`);
  printRows(rows);
  printFiles('First-screen JavaScript', js.files);
  printFiles('First-screen CSS', css.files);
  for (const { language, size } of languages)
    printFiles(`Texts in ${language} (fetched when chosen)`, size.files);
  const over = rows.filter((row) => !row.withinBudget);
  if (over.length === 0) return 0;
  console.error(
    `\n${over.length} figure(s) over budget. Make the first screen lighter (lazy-load what it does not ` +
      `need at once), or raise the budget in ${BUDGET_FILE} on purpose and say why in the commit.`,
  );
  return 1;
}

process.exitCode = await main();
