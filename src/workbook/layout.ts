/**
 * The workbook layout of a questionnaire, for authors who write in a spreadsheet (as XLSForm
 * authors do): pure functions between a questionnaire and sheets of cells, with no spreadsheet
 * library (`spreadsheet.ts` reads and writes the .xlsx). The layout is documented in
 * `questionnaires/README.md`:
 *
 * - `settings`: one row per field of the questionnaire (`field`, `value`, then one column per
 *   language for the texts);
 * - `references`, `pillars`, `questions`, `options`, `levels`: one row per item, in order;
 *   `questions` name their `pillar`, `options` and `levels` their `question`;
 * - `carryOver`: one row per earlier question whose answers carry over, under the earlier
 *   version it comes `from` (its `options` and `rules` are JSON in their cells: a whole
 *   mapping is too long for one cell, which holds at most 32,767 characters).
 *
 * A text is one column per language, `title::en`, `title::ru`; an empty cell is a missing
 * translation. A nested field is a dotted column (`scoring.kind`, `catalog.order`); a list of
 * ids is written with commas (`sources`, `languages`); a condition (`showIf`) and a list of
 * steps (`scoring.steps`) are JSON in their cell.
 */
import type { Questionnaire } from '../questionnaire/schema.ts';
import { problem, type Problem } from '../validation/problems.ts';
import type { Parsed } from '../validation/parse.ts';

export type Cell = string | number | boolean | null;
export interface Sheet {
  name: string;
  rows: Cell[][];
}

export const SHEETS = [
  'settings',
  'references',
  'pillars',
  'questions',
  'options',
  'levels',
  'carryOver',
] as const;
export type SheetName = (typeof SHEETS)[number];

const LIST_FIELDS = new Set(['sources', 'languages']);
const JSON_FIELDS = new Set(['showIf', 'steps', 'options', 'rules']);
export const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const TEXT_MARK = '::';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** A list of ids, as one cell: `a, b, c`. */
const listCell = (value: readonly Json[]): string => value.map((item) => String(item as string)).join(', ');

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A text in several languages: an object whose keys are all language codes and values strings. */
const isText = (value: unknown): value is Record<string, string> =>
  isObject(value) &&
  Object.keys(value).length > 0 &&
  Object.entries(value).every(([key, text]) => LANGUAGE.test(key) && typeof text === 'string');

/** One item as columns: dotted paths for nested fields, `name::lang` for texts. */
function flatten(item: JsonObject, languages: readonly string[], prefix = ''): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const [key, value] of Object.entries(item)) {
    const column = `${prefix}${key}`;
    if (value === undefined) continue;
    if (JSON_FIELDS.has(key)) cells.set(column, JSON.stringify(value));
    else if (LIST_FIELDS.has(key) && Array.isArray(value)) cells.set(column, listCell(value));
    else if (isText(value)) {
      const ordered = [...languages, ...Object.keys(value).filter((lang) => !languages.includes(lang))];
      for (const lang of ordered) cells.set(`${column}${TEXT_MARK}${lang}`, value[lang] ?? null);
    } else if (isObject(value)) {
      for (const [path, cell] of flatten(value, languages, `${column}.`)) cells.set(path, cell);
    } else if (Array.isArray(value)) cells.set(column, JSON.stringify(value));
    else cells.set(column, value);
  }
  return cells;
}

/** Rows under one header: every column any row has, in the order first met. */
function table(items: readonly Map<string, Cell>[], leading: readonly string[] = []): Cell[][] {
  const columns = [...leading];
  for (const item of items)
    for (const column of item.keys()) if (!columns.includes(column)) columns.push(column);
  return [columns, ...items.map((item) => columns.map((column) => item.get(column) ?? null))];
}

/** One row per earlier question of each carry-over set, under the version it comes from. */
function carriedRows(questionnaire: Questionnaire, languages: readonly string[]): Map<string, Cell>[] {
  return (questionnaire.carryOver ?? []).flatMap((set) =>
    set.questions.map(
      (item) =>
        new Map<string, Cell>([['from', set.from], ...flatten(item as unknown as JsonObject, languages)]),
    ),
  );
}

export function questionnaireToSheets(questionnaire: Questionnaire): Sheet[] {
  const q = questionnaire as unknown as JsonObject;
  const languages = questionnaire.languages;
  const { pillars, references, carryOver, ...settings } = q;
  const settingRows: Cell[][] = [['field', 'value', ...languages]];
  for (const [key, value] of Object.entries(settings)) {
    if (isText(value)) settingRows.push([key, null, ...languages.map((lang) => value[lang] ?? null)]);
    else if (isObject(value))
      for (const [path, cell] of flatten(value, languages, `${key}.`)) settingRows.push([path, cell]);
    else if (LIST_FIELDS.has(key) && Array.isArray(value)) settingRows.push([key, listCell(value)]);
    else settingRows.push([key, value as Cell]);
  }
  const questions: Map<string, Cell>[] = [];
  const options: Map<string, Cell>[] = [];
  const levels: Map<string, Cell>[] = [];
  for (const pillar of questionnaire.pillars) {
    for (const question of pillar.questions) {
      const { options: choices, levels: scale, ...rest } = question as unknown as JsonObject;
      questions.push(new Map([['pillar', pillar.id], ...flatten(rest, languages)]));
      for (const option of (choices ?? []) as JsonObject[])
        options.push(new Map([['question', question.id], ...flatten(option, languages)]));
      ((scale ?? []) as JsonObject[]).forEach((level, index) =>
        levels.push(
          new Map([['question', question.id], ['level', index], ...flatten({ text: level }, languages)]),
        ),
      );
    }
  }
  return [
    { name: 'settings', rows: settingRows },
    {
      name: 'references',
      rows: table(
        ((references ?? []) as JsonObject[]).map((r) => flatten(r, languages)),
        ['id'],
      ),
    },
    {
      name: 'pillars',
      rows: table(
        (pillars as JsonObject[]).map(({ questions: _, ...pillar }) => flatten(pillar, languages)),
        ['id'],
      ),
    },
    { name: 'questions', rows: table(questions, ['pillar', 'id', 'type']) },
    { name: 'options', rows: table(options, ['question', 'id']) },
    { name: 'levels', rows: table(levels, ['question', 'level']) },
    { name: 'carryOver', rows: table(carriedRows(questionnaire, languages), ['from', 'id', 'carry']) },
  ];
}

/** One row below a sheet's header, as read so far, with where it came from. */
interface Row {
  item: JsonObject;
  place: Place;
  cells: Map<string, Cell>;
}

/** Where a JSON path of the questionnaire came from in the workbook. */
export interface Place {
  sheet: string;
  row: number;
  column?: string;
  letter?: string;
}

export const columnLetter = (index: number): string =>
  (index >= 26 ? columnLetter(Math.floor(index / 26) - 1) : '') + String.fromCharCode(65 + (index % 26));

/** `questions: row 12, column E "text::en"`, the way a person finds a cell. */
export const describePlace = (place: Place): string =>
  `${place.sheet}: row ${place.row}` +
  (place.column === undefined ? '' : `, column ${place.letter} "${place.column}"`);

export const blank = (cell: Cell | undefined) => cell === null || cell === undefined || cell === '';

/**
 * Reads the sheets back into questionnaire data (not yet validated: the validator checks it,
 * and `relocate` turns its JSON paths into sheets, rows and columns).
 */
export function sheetsToQuestionnaireData(
  sheets: readonly Sheet[],
  file: string,
): Parsed<unknown> & { places: Map<string, Place> } {
  const places = new Map<string, Place>();
  const problems: Problem[] = [];
  const byName = new Map(sheets.map((sheet) => [sheet.name.trim().toLowerCase(), sheet]));
  const fail = (where: string, code: Parameters<typeof problem>[2], params = {}) =>
    problems.push(problem(file, where, code, params));

  for (const name of ['settings', 'pillars', 'questions'] as const)
    if (!byName.has(name)) fail(`${name}`, 'workbook.missingSheet', { sheet: name });
  if (problems.length > 0) return { ok: false, error: problems, places };

  /** Sets one cell's value at a path in an object, as a text, a list, JSON or a plain value. */
  function put(target: JsonObject, column: string, cell: Cell, place: Place, jsonPath: string): void {
    if (blank(cell)) return;
    const [path, lang] = column.split(TEXT_MARK) as [string, string | undefined];
    const keys = path.split('.');
    let node = target;
    for (const key of keys.slice(0, -1)) {
      if (!isObject(node[key])) node[key] = {};
      node = node[key];
    }
    const key = keys.at(-1)!;
    const at = `${jsonPath}.${keys.join('.')}`;
    places.set(at, place);
    if (lang !== undefined) {
      if (!isObject(node[key])) node[key] = {};
      node[key][lang] = typeof cell === 'string' ? cell : String(cell);
      places.set(`${at}.${lang}`, place);
    } else if (JSON_FIELDS.has(key) && typeof cell === 'string') {
      try {
        node[key] = JSON.parse(cell) as Json;
      } catch {
        fail(describePlace(place), 'workbook.badJson', { column });
      }
    } else if (LIST_FIELDS.has(key) && typeof cell === 'string') {
      node[key] = cell
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== '');
    } else node[key] = cell;
  }

  /** Each row below the header as an object, with where it came from. */
  function rowsOf(name: SheetName): Row[] {
    const sheet = byName.get(name.toLowerCase());
    if (!sheet) return [];
    const [header = [], ...rows] = sheet.rows;
    const columns = header.map((cell) => (blank(cell) ? undefined : String(cell).trim()));
    return rows.flatMap((row, index) => {
      if (row.every(blank)) return [];
      const cells = new Map<string, Cell>();
      columns.forEach((column, at) => column !== undefined && cells.set(column, row[at] ?? null));
      return [{ item: {}, place: { sheet: name, row: index + 2 }, cells }];
    });
  }

  function fill(name: SheetName, entry: Row, jsonPath: string, skip: readonly string[] = []): JsonObject {
    places.set(jsonPath, entry.place);
    const header = (byName.get(name.toLowerCase())?.rows[0] ?? []).map((cell) =>
      blank(cell) ? '' : String(cell).trim(),
    );
    for (const [column, cell] of entry.cells) {
      if (skip.includes(column)) continue;
      const place = { ...entry.place, column, letter: columnLetter(header.indexOf(column)) };
      put(entry.item, column, cell, place, jsonPath);
    }
    return entry.item;
  }

  // Settings: one field a row, its value or its texts by language.
  const data: JsonObject = {};
  const settings = byName.get('settings')!;
  const [settingsHeader = [], ...settingRows] = settings.rows;
  const languageColumns = settingsHeader
    .map((cell, index) => [blank(cell) ? '' : String(cell).trim(), index] as const)
    .filter(([name]) => LANGUAGE.test(name));
  settingRows.forEach((row, index) => {
    if (blank(row[0])) return;
    const field = String(row[0]).trim();
    const place: Place = { sheet: 'settings', row: index + 2 };
    const texts = languageColumns.filter(([, at]) => !blank(row[at]));
    if (texts.length > 0 && blank(row[1])) {
      for (const [lang, at] of texts)
        put(
          data,
          `${field}${TEXT_MARK}${lang}`,
          row[at]!,
          { ...place, column: lang, letter: columnLetter(at) },
          '$',
        );
    } else put(data, field, row[1] ?? null, { ...place, column: 'value', letter: 'B' }, '$');
  });

  const references = rowsOf('references').map((entry, index) =>
    fill('references', entry, `$.references[${index}]`),
  );
  const pillars = rowsOf('pillars').map((entry, index) => ({
    pillar: fill('pillars', entry, `$.pillars[${index}]`),
    index,
  }));
  const pillarById = new Map(pillars.map((p) => [p.pillar.id, p]));

  /** What the row's first column (`column`) names on `sheet`; a problem when nothing there has that id. */
  function parentOf<T>(
    entry: Row,
    column: string,
    sheet: SheetName,
    byId: ReadonlyMap<Json | undefined, T>,
  ): T | undefined {
    const id = entry.cells.get(column) ?? null;
    const parent = byId.get(id);
    if (!parent)
      fail(describePlace({ ...entry.place, column, letter: 'A' }), 'workbook.unknownParent', {
        sheet,
        id: String(id ?? ''),
      });
    return parent;
  }

  const questionPaths = new Map<Json, { question: JsonObject; path: string }>();
  for (const entry of rowsOf('questions')) {
    const owner = parentOf(entry, 'pillar', 'pillars', pillarById);
    if (!owner) continue;
    const list = (owner.pillar.questions ??= []) as JsonObject[];
    const path = `$.pillars[${owner.index}].questions[${list.length}]`;
    const question = fill('questions', entry, path, ['pillar']);
    list.push(question);
    questionPaths.set(question.id ?? null, { question, path });
  }
  for (const [name, field] of [
    ['options', 'options'],
    ['levels', 'levels'],
  ] as const) {
    for (const entry of rowsOf(name)) {
      const owner = parentOf(entry, 'question', 'questions', questionPaths);
      if (!owner) continue;
      const list = (owner.question[field] ??= []) as Json[];
      const path = `${owner.path}.${field}[${list.length}]`;
      if (name === 'levels') {
        if (entry.cells.get('level') !== list.length) {
          fail(describePlace({ ...entry.place, column: 'level', letter: 'B' }), 'workbook.levelOrder', {
            question: String(entry.cells.get('question') ?? null),
          });
        }
        const level = fill('levels', entry, path, ['question', 'level']);
        list.push(level.text ?? {});
        for (const [at, place] of places)
          if (at.startsWith(`${path}.text`)) places.set(at.replace(`${path}.text`, path), place);
      } else list.push(fill('options', entry, path, ['question']));
    }
  }
  const carrySets = new Map<string, JsonObject[]>();
  for (const entry of rowsOf('carryOver')) {
    const from = String(entry.cells.get('from') ?? '');
    const set = carrySets.get(from) ?? [];
    carrySets.set(from, set);
    const at = [...carrySets.keys()].indexOf(from);
    set.push(fill('carryOver', entry, `$.carryOver[${at}].questions[${set.length}]`, ['from']));
  }
  if (references.length > 0) data.references = references;
  if (carrySets.size > 0) data.carryOver = [...carrySets].map(([from, questions]) => ({ from, questions }));
  data.pillars = pillars.map((p) => p.pillar);
  return problems.length > 0 ? { ok: false, error: problems, places } : { ok: true, value: data, places };
}

/** Names the sheet, row and column of each problem the validator found at a JSON path. */
export function relocate(problems: readonly Problem[], places: ReadonlyMap<string, Place>): Problem[] {
  return problems.map((found) => {
    let path = found.path;
    for (;;) {
      const place = places.get(path);
      if (place) return { ...found, path: describePlace(place) };
      const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      if (cut <= 0) return found;
      path = path.slice(0, cut);
    }
  });
}
