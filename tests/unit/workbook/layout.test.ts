import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUESTION_TYPES } from '../../../src/questionnaire/constants.ts';
import {
  builtInQuestionnaireFiles,
  loadBuiltInQuestionnaire,
  loadClauseIds,
  ROOT,
} from '../../../scripts/lib/questionnaires.ts';
import {
  questionnaireToSheets,
  sheetsToQuestionnaireData,
  type Sheet,
} from '../../../src/workbook/layout.ts';
import { readWorkbook, writeWorkbook } from '../../../src/workbook/spreadsheet.ts';

const names = builtInQuestionnaireFiles().map((path) => path.replace(/^.*\/(.+)\.json$/, '$1'));
const sheet = (sheets: Sheet[], name: string) => sheets.find((s) => s.name === name)!;

// Resolution 130 in six languages is a large workbook: under load its round trip can take longer
// than the default test time-out (a harness limit, not a measurement; speed is for npm run bench).
const ROUND_TRIP_TIMEOUT = 60_000;

describe('the questionnaire workbook', () => {
  it.each(names)(
    'carries %s to a workbook and back unchanged',
    { timeout: ROUND_TRIP_TIMEOUT },
    async (name) => {
      const questionnaire = loadBuiltInQuestionnaire(name);
      const bytes = await writeWorkbook(questionnaire);
      const back = await readWorkbook(bytes, `${name}.xlsx`, loadClauseIds());
      if (!back.ok) throw new Error(JSON.stringify(back.error.slice(0, 3)));
      expect(back.value).toEqual(questionnaire);
    },
  );

  it('ships a template workbook that reads as a valid questionnaire with one question of every type', async () => {
    const bytes = readFileSync(join(ROOT, 'questionnaires', 'template', 'questionnaire-template.xlsx'));
    const parsed = await readWorkbook(new Blob([bytes]), 'questionnaire-template.xlsx', loadClauseIds());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.slice(0, 3)));
    const types = new Set(parsed.value.pillars.flatMap((pillar) => pillar.questions.map((q) => q.type)));
    expect([...types].sort()).toEqual([...QUESTION_TYPES].sort());
    expect(parsed.value.catalog).toBeUndefined();
  });

  it('has in the Sample, which the questionnaires screen offers to export as a model, a question of every type', () => {
    const sample = loadBuiltInQuestionnaire('sample');
    const types = new Set(sample.pillars.flatMap((pillar) => pillar.questions.map((q) => q.type)));
    expect([...types].sort()).toEqual([...QUESTION_TYPES].sort());
  });

  it('has a sheet for settings, references, pillars, questions, options, levels and carry-over, a column per language', () => {
    const sample = loadBuiltInQuestionnaire('sample');
    const sheets = questionnaireToSheets(sample);
    expect(sheets.map((s) => s.name)).toEqual([
      'settings',
      'references',
      'pillars',
      'questions',
      'options',
      'levels',
      'carryOver',
    ]);
    expect(sample.languages.slice(0, 2)).toEqual(['en', 'ru']);
    expect(sheet(sheets, 'settings').rows[0]).toEqual(['field', 'value', ...sample.languages]);
    expect(sheet(sheets, 'settings').rows).toContainEqual(['id', 'sample']);
    expect(sheet(sheets, 'settings').rows).toContainEqual(['catalog.order', 3]);
    expect(sheet(sheets, 'questions').rows[0]!.slice(0, 5)).toEqual([
      'pillar',
      'id',
      'type',
      'text::en',
      'text::ru',
    ]);
    expect(sheet(sheets, 'levels').rows[0]).toEqual([
      'question',
      'level',
      ...sample.languages.map((language) => `text::${language}`),
    ]);
    expect(sheet(sheets, 'options').rows[0]!.slice(0, 4)).toEqual([
      'question',
      'id',
      'label::en',
      'label::ru',
    ]);
  });

  it('writes a carry-over mapping one earlier question a row, each cell within a spreadsheet cell’s 32,767 characters', () => {
    const questionnaire = loadBuiltInQuestionnaire('resolution-130');
    const rows = sheet(questionnaireToSheets(questionnaire), 'carryOver').rows;
    expect(rows[0]!.slice(0, 3)).toEqual(['from', 'id', 'carry']);
    expect(rows.length - 1).toBe(questionnaire.carryOver!.flatMap((set) => set.questions).length);
    const longest = Math.max(...rows.flat().map((cell) => String(cell ?? '').length));
    expect(longest).toBeLessThanOrEqual(32_767);
  });

  it('names the sheet, row and column of what the validator refuses', async () => {
    const sheets = questionnaireToSheets(loadBuiltInQuestionnaire('sample'));
    const questions = sheet(sheets, 'questions');
    const typeColumn = questions.rows[0]!.indexOf('type');
    questions.rows[3]![typeColumn] = 'yesMaybe';
    const gci = questions.rows[0]!.indexOf('gciPillar');
    questions.rows[2]![gci] = null;
    const data = sheetsToQuestionnaireData(sheets, 'mine.xlsx');
    expect(data.ok).toBe(true);
    const { validateQuestionnaire } = await import('../../../src/questionnaire/validate.ts');
    const { relocate } = await import('../../../src/workbook/layout.ts');
    const parsed = validateQuestionnaire(data.ok ? data.value : undefined, {
      file: 'mine.xlsx',
      knownClauses: loadClauseIds(),
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const paths = relocate(parsed.error, data.places).map((p) => p.path);
    expect(paths).toContain('questions: row 4, column C "type"');
    expect(paths.some((path) => path.startsWith('questions: row 3'))).toBe(true);
  });

  it('refuses a missing sheet, a question of no pillar, bad JSON and levels out of order, saying where', () => {
    const sheets = questionnaireToSheets(loadBuiltInQuestionnaire('sample'));
    expect(
      sheetsToQuestionnaireData(
        sheets.filter((s) => s.name !== 'pillars'),
        'x.xlsx',
      ),
    ).toMatchObject({
      ok: false,
      error: [{ code: 'workbook.missingSheet', path: 'pillars' }],
    });
    const questions = sheet(sheets, 'questions');
    questions.rows[1]![0] = 'nowhere';
    const showIf = questions.rows[0]!.indexOf('showIf');
    const gated = questions.rows.findIndex((row) => row[showIf] !== null && row !== questions.rows[0]);
    questions.rows[gated]![showIf] = '{question: strategy.exists}';
    const levels = sheet(sheets, 'levels');
    levels.rows[2]![1] = 7;
    const result = sheetsToQuestionnaireData(sheets, 'x.xlsx');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((p) => [p.code, p.path])).toEqual([
      ['workbook.unknownParent', 'questions: row 2, column A "pillar"'],
      [
        'workbook.badJson',
        `questions: row ${gated + 1}, column ${String.fromCharCode(65 + showIf)} "showIf"`,
      ],
      ['workbook.levelOrder', 'levels: row 3, column B "level"'],
    ]);
  });
});
