/**
 * The translation workbook of a questionnaire: every text of it on one sheet, a row a text, for
 * translators who work in a spreadsheet. Pure functions between a questionnaire and sheets of
 * cells (`spreadsheet.ts` reads and writes the .xlsx); the layout is documented in
 * `questionnaires/README.md` ("Translating in a spreadsheet").
 *
 * - `texts`: `key` (the text's path, with ids where the questionnaire has them, the same keys
 *   as the repository's translation files: `pillars/cirt/questions/cirt.exists/text`),
 *   `source::<language>` (the text in the questionnaire's default language when the workbook
 *   was written), then one column per language: the six UN languages and any other the
 *   questionnaire declares. Existing translations are filled in; missing ones are empty.
 * - `about`: the questionnaire's id, version and source language, so the workbook goes back to
 *   the questionnaire it came from.
 * - `instructions`: what to fill in, and what is checked on the way back.
 *
 * The authoring workbook (`layout.ts`) holds the texts too, but spread over seven sheets among
 * ids, conditions and scores; this one holds nothing a translator must not change, and keeps the
 * source beside each text so that a source changed since the export is caught, not merged.
 */
import canonicalize from 'canonicalize';
import type { LocalizedText, Questionnaire } from '../questionnaire/schema.ts';
import { validateQuestionnaire } from '../questionnaire/validate.ts';
import { nextPatch } from '../questionnaire/versions.ts';
import { localizedTexts } from '../questionnaire/walk.ts';
import type { Parsed } from '../validation/parse.ts';
import { jsonPath, problem, type PathSegment, type Problem } from '../validation/problems.ts';
import {
  blank,
  columnLetter,
  describePlace,
  LANGUAGE,
  relocate,
  type Cell,
  type Place,
  type Sheet,
} from './layout.ts';

/** The six official languages of the United Nations, a column each in every translation workbook. */
export const UN_LANGUAGES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;

const TEXTS = 'texts';
const ABOUT = 'about';
const INSTRUCTIONS = 'instructions';
const SOURCE_COLUMN = /^source(?:::([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*))?$/;

export interface KeyedText {
  key: string;
  path: PathSegment[];
  text: LocalizedText;
}

/** The segment that names an array element: its id, the version a carry-over set starts from, or its index. */
function elementKey(element: unknown, index: number): string {
  if (typeof element === 'object' && element !== null) {
    const { id, from } = element as { id?: unknown; from?: unknown };
    if (typeof id === 'string') return id;
    if (typeof from === 'string') return `from ${from}`;
  }
  return String(index);
}

/** Every text of a questionnaire with its stable key: ids, not positions, where there are ids. */
export function keyedTexts(questionnaire: Questionnaire): KeyedText[] {
  return localizedTexts(questionnaire).map(({ path, text }) => {
    let node: unknown = questionnaire;
    const segments = path.map((segment) => {
      const element = (node as Record<PropertyKey, unknown>)[segment];
      const name = typeof segment === 'number' ? elementKey(element, segment) : String(segment);
      node = element;
      return name;
    });
    return { key: segments.join('/'), path, text };
  });
}

/** The languages a translation workbook has a column for: the six UN languages, then any other declared. */
export function translationLanguages(questionnaire: Questionnaire): string[] {
  const others = questionnaire.languages.filter(
    (language) => !(UN_LANGUAGES as readonly string[]).includes(language),
  );
  return [...UN_LANGUAGES, ...others];
}

/** The translation workbook's sheets; `instructions` a line a row, in the reader's language. */
export function translationSheets(
  questionnaire: Questionnaire,
  instructions: readonly string[] = [],
): Sheet[] {
  const source = questionnaire.defaultLanguage;
  const languages = translationLanguages(questionnaire);
  const rows: Cell[][] = [
    ['key', `source::${source}`, ...languages],
    ...keyedTexts(questionnaire).map(({ key, text }) => [
      key,
      text[source] ?? null,
      ...languages.map((language) => text[language] ?? null),
    ]),
  ];
  return [
    { name: INSTRUCTIONS, rows: instructions.map((line) => [line]) },
    { name: TEXTS, rows },
    {
      name: ABOUT,
      rows: [
        ['field', 'value'],
        ['questionnaire', questionnaire.id],
        ['version', questionnaire.version],
        ['sourceLanguage', source],
      ],
    },
  ];
}

export interface MergedTranslations {
  questionnaire: Questionnaire;
  /** Languages the questionnaire did not have before. */
  added: string[];
  /** How many texts are new or different. */
  changed: number;
}

const cellText = (cell: Cell | undefined): string =>
  blank(cell) ? '' : String(cell).replace(/\r\n?/g, '\n').trim();

/**
 * Merges a filled translation workbook into the questionnaire it was written from: every
 * language whose column is filled (and every language the questionnaire has) is taken, checked
 * cell by cell, and the result validated like any questionnaire; every problem names the
 * sheet, row and column. A result that differs from the questionnaire has the next patch version.
 */
export function mergeTranslationSheets(
  questionnaire: Questionnaire,
  sheets: readonly Sheet[],
  file: string,
  knownClauses: ReadonlySet<string>,
): Parsed<MergedTranslations> {
  const problems: Problem[] = [];
  const fail = (place: Place | string, code: Parameters<typeof problem>[2], params = {}) =>
    problems.push(problem(file, typeof place === 'string' ? place : describePlace(place), code, params));
  const byName = new Map(sheets.map((sheet) => [sheet.name.trim().toLowerCase(), sheet]));
  const texts = byName.get(TEXTS);
  if (!texts) {
    fail(TEXTS, 'workbook.missingSheet', { sheet: TEXTS });
    return { ok: false, error: problems };
  }
  const about = byName.get(ABOUT);
  const aboutId = about?.rows.find((row) => cellText(row[0]) === 'questionnaire')?.[1];
  if (about && !blank(aboutId) && cellText(aboutId) !== questionnaire.id) {
    fail(ABOUT, 'translation.otherQuestionnaire', { found: cellText(aboutId), expected: questionnaire.id });
    return { ok: false, error: problems };
  }

  const [header = [], ...rows] = texts.rows;
  const columns = header.map(cellText);
  const keyAt = columns.indexOf('key');
  const sourceAt = columns.findIndex((name) => SOURCE_COLUMN.test(name));
  for (const [name, at] of [
    ['key', keyAt],
    [`source::${questionnaire.defaultLanguage}`, sourceAt],
  ] as const)
    if (at < 0) fail({ sheet: TEXTS, row: 1 }, 'translation.missingColumn', { column: name });
  if (problems.length > 0) return { ok: false, error: problems };
  const sourceLanguage = SOURCE_COLUMN.exec(columns[sourceAt]!)?.[1] ?? questionnaire.defaultLanguage;
  const languageColumns = columns
    .map((name, at) => ({ language: name, at }))
    .filter(({ language, at }) => at !== keyAt && at !== sourceAt && LANGUAGE.test(language));

  const expected = keyedTexts(questionnaire);
  const byKey = new Map(expected.map((entry) => [entry.key, entry]));
  const rowOf = new Map<string, { cells: Cell[]; row: number }>();
  rows.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((cell) => blank(cell))) return;
    const key = cellText(cells[keyAt]);
    const place = { sheet: TEXTS, row, column: 'key', letter: columnLetter(keyAt) };
    const entry = byKey.get(key);
    if (!entry) return fail(place, 'translation.unknownKey', { key });
    const earlier = rowOf.get(key);
    if (earlier) return fail(place, 'translation.duplicateKey', { key, row: earlier.row });
    rowOf.set(key, { cells, row });
    const source = entry.text[sourceLanguage] ?? '';
    if (cellText(cells[sourceAt]) !== cellText(source))
      fail(
        { sheet: TEXTS, row, column: columns[sourceAt]!, letter: columnLetter(sourceAt) },
        'translation.sourceChanged',
        { key },
      );
  });
  for (const { key } of expected) if (!rowOf.has(key)) fail(TEXTS, 'translation.missingKey', { key });

  // A language is taken when the questionnaire has it already or its column has any text.
  const taken = languageColumns.filter(
    ({ language, at }) =>
      questionnaire.languages.includes(language) ||
      [...rowOf.values()].some(({ cells }) => !blank(cells[at])),
  );
  const places = new Map<string, Place>();
  for (const { language, at } of taken)
    for (const { key, path } of expected) {
      const found = rowOf.get(key);
      if (!found) continue;
      const place = { sheet: TEXTS, row: found.row, column: language, letter: columnLetter(at) };
      places.set(jsonPath([...path, language]), place);
      if (blank(found.cells[at])) fail(place, 'translation.emptyCell', { key, language });
    }
  if (problems.length > 0) return { ok: false, error: problems };

  const merged = structuredClone(questionnaire);
  let changed = 0;
  for (const { key, text } of keyedTexts(merged)) {
    const { cells } = rowOf.get(key)!;
    for (const { language, at } of taken) {
      const value = cellText(cells[at]);
      if (text[language] !== value) changed += 1;
      text[language] = value;
    }
  }
  const added = taken
    .map(({ language }) => language)
    .filter((language) => !questionnaire.languages.includes(language));
  merged.languages = [...questionnaire.languages, ...added];
  if (canonicalize(merged) !== canonicalize(questionnaire)) merged.version = nextPatch(questionnaire.version);
  const parsed = validateQuestionnaire(merged, { file, knownClauses });
  if (!parsed.ok) return { ok: false, error: relocate(parsed.error, places) };
  return { ok: true, value: { questionnaire: parsed.value, added, changed } };
}
