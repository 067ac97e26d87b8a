import { describe, expect, it } from 'vitest';
import { loadBuiltInQuestionnaire, loadClauseIds } from '../../../scripts/lib/questionnaires.ts';
import type { Questionnaire } from '../../../src/questionnaire/schema.ts';
import type { Cell, Sheet } from '../../../src/workbook/layout.ts';
import {
  readSheets,
  readTranslationWorkbook,
  writeTranslationWorkbook,
} from '../../../src/workbook/spreadsheet.ts';
import {
  keyedTexts,
  mergeTranslationSheets,
  translationSheets,
  UN_LANGUAGES,
} from '../../../src/workbook/translations.ts';

const clauses = loadClauseIds();
const texts = (sheets: Sheet[]) => sheets.find((sheet) => sheet.name === 'texts')!;

/** The sample in English and Russian only, so that other languages are missing. */
function twoLanguages(): Questionnaire {
  const sample = loadBuiltInQuestionnaire('sample');
  const keep = ['en', 'ru'];
  const trimmed = structuredClone(sample);
  for (const { text } of keyedTexts(trimmed))
    for (const language of Object.keys(text)) if (!keep.includes(language)) delete text[language];
  trimmed.languages = keep;
  return trimmed;
}

/** Fills one language's column: every text given by `translate(key, source)`. */
function fill(sheets: Sheet[], language: string, translate: (key: string, source: string) => Cell): Sheet[] {
  const copy = structuredClone(sheets);
  const [header, ...rows] = texts(copy).rows;
  const at = header!.indexOf(language);
  for (const row of rows) row[at] = translate(String(row[0]), String(row[1]));
  return copy;
}

const merge = (questionnaire: Questionnaire, sheets: Sheet[]) =>
  mergeTranslationSheets(questionnaire, sheets, 'translations.xlsx', clauses);

describe('the translation workbook', () => {
  it('lists every text once, by a key made of ids, with its source and a column for each UN language', () => {
    const questionnaire = twoLanguages();
    const sheets = translationSheets(questionnaire);
    const [header, ...rows] = texts(sheets).rows;
    expect(header).toEqual(['key', 'source::en', ...UN_LANGUAGES]);
    expect(rows).toHaveLength(keyedTexts(questionnaire).length);
    const keys = rows.map((row) => row[0]);
    expect(new Set(keys).size).toBe(keys.length);
    const first = questionnaire.pillars[0]!.questions[0]!;
    const row = rows.find(
      (cells) => cells[0] === `pillars/${questionnaire.pillars[0]!.id}/questions/${first.id}/text`,
    )!;
    expect(row[1]).toBe(first.text.en);
    expect(row[header!.indexOf('ru')]).toBe(first.text.ru);
    expect(row[header!.indexOf('ar')]).toBeNull();
    expect(keys.some((key) => /\/options\/[^/]+\/label$/.test(String(key)))).toBe(true);
    expect(keys.some((key) => /\/levels\/\d+$/.test(String(key)))).toBe(true);
  });

  it('round trip: a workbook brought back unchanged gives the same questionnaire, same version', () => {
    const questionnaire = twoLanguages();
    const merged = merge(questionnaire, translationSheets(questionnaire));
    if (!merged.ok) throw new Error(JSON.stringify(merged.error));
    expect(merged.value.questionnaire).toEqual(questionnaire);
    expect(merged.value.added).toEqual([]);
  });

  it('adds a language whose column is filled, as the next patch version that validates', async () => {
    const questionnaire = twoLanguages();
    const filled = fill(translationSheets(questionnaire), 'fr', (key) => `FR ${key}`);
    // Through the real .xlsx file and back, as a translator's workbook would come.
    const bytes = await writeTranslationWorkbook(questionnaire);
    const back = await readSheets(bytes);
    expect(texts(back).rows).toEqual(texts(translationSheets(questionnaire)).rows);
    const merged = merge(questionnaire, filled);
    if (!merged.ok) throw new Error(JSON.stringify(merged.error));
    const result = merged.value.questionnaire;
    expect(merged.value.added).toEqual(['fr']);
    expect(result.languages).toEqual(['en', 'ru', 'fr']);
    expect(result.version).not.toBe(questionnaire.version);
    expect(result.title.fr).toBe('FR title');
    expect(result.title.en).toBe(questionnaire.title.en);
    const first = result.pillars[0]!.questions[0]!;
    expect(first.text.fr).toBe(`FR pillars/${result.pillars[0]!.id}/questions/${first.id}/text`);
  });

  it('reads a filled workbook file back into the questionnaire', async () => {
    const questionnaire = twoLanguages();
    const sheets = fill(translationSheets(questionnaire), 'es', (_key, source) => `ES: ${source}`);
    const { default: writeXlsxFile } = await import('write-excel-file/universal');
    const bytes = await writeXlsxFile(
      sheets.map((sheet) => ({ sheet: sheet.name, data: sheet.rows })),
    ).toBlob();
    const merged = await readTranslationWorkbook(bytes, 'filled.xlsx', questionnaire, clauses);
    if (!merged.ok) throw new Error(JSON.stringify(merged.error));
    expect(merged.value.questionnaire.title.es).toBe(`ES: ${questionnaire.title.en}`);
  });

  it('leaves out a language nobody filled, and refuses one filled only in part, naming each empty cell', () => {
    const questionnaire = twoLanguages();
    const sheets = fill(translationSheets(questionnaire), 'zh', (key) =>
      key === 'title' ? null : `ZH ${key}`,
    );
    const merged = merge(questionnaire, sheets);
    expect(merged.ok).toBe(false);
    if (merged.ok) return;
    expect(merged.error).toHaveLength(1);
    const [header, ...rows] = texts(sheets).rows;
    const row = rows.findIndex((cells) => cells[0] === 'title') + 2;
    const letter = String.fromCharCode(65 + header!.indexOf('zh'));
    expect(merged.error[0]).toMatchObject({
      code: 'translation.emptyCell',
      path: `texts: row ${row}, column ${letter} "zh"`,
      params: { key: 'title', language: 'zh' },
    });
  });

  it('refuses a key that is not the questionnaire’s, naming the row', () => {
    const questionnaire = twoLanguages();
    const sheets = translationSheets(questionnaire);
    texts(sheets).rows[3]![0] = 'pillars/nowhere/title';
    const merged = merge(questionnaire, sheets);
    expect(merged.ok).toBe(false);
    if (merged.ok) return;
    expect(merged.error.map((p) => [p.code, p.path])).toEqual(
      expect.arrayContaining([
        ['translation.unknownKey', 'texts: row 4, column A "key"'],
        ['translation.missingKey', 'texts'],
      ]),
    );
  });

  it('flags a source text that changed since the export instead of merging a stale translation', () => {
    const before = twoLanguages();
    const sheets = fill(translationSheets(before), 'fr', (key) => `FR ${key}`);
    const after = structuredClone(before);
    after.title.en = 'A new title';
    const merged = merge(after, sheets);
    expect(merged.ok).toBe(false);
    if (merged.ok) return;
    expect(merged.error).toEqual([
      expect.objectContaining({
        code: 'translation.sourceChanged',
        path: expect.stringMatching(/^texts: row \d+, column B "source::en"$/),
        params: { key: 'title' },
      }),
    ]);
  });

  it('refuses a workbook written for another questionnaire', () => {
    const questionnaire = twoLanguages();
    const other = { ...questionnaire, id: 'someone-else' };
    const merged = merge(other, translationSheets(questionnaire));
    expect(merged.ok).toBe(false);
    if (!merged.ok) expect(merged.error[0]!.code).toBe('translation.otherQuestionnaire');
  });

  it('validates the result with the questionnaire validator, located in the workbook', () => {
    const questionnaire = twoLanguages();
    // An empty cell in a language the questionnaire already has is refused, at its cell.
    const sheets = fill(translationSheets(questionnaire), 'ru', (key, source) =>
      key === 'title' ? '   ' : source,
    );
    const merged = merge(questionnaire, sheets);
    expect(merged.ok).toBe(false);
    if (!merged.ok) expect(merged.error[0]!.path).toMatch(/^texts: row \d+, column [A-Z] "ru"$/);
  });

  it('gives resolution-130 a translation workbook whose keys are those of the repository’s translation files', () => {
    const full = loadBuiltInQuestionnaire('resolution-130');
    const keys = keyedTexts(full).map(({ key }) => key);
    expect(keys).toContain('pillars/cirt/questions/cirt.exists/text');
    expect(new Set(keys).size).toBe(keys.length);
    const merged = merge(full, translationSheets(full));
    expect(merged.ok).toBe(true);
  });
});
