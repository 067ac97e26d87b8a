/**
 * Reads and writes a questionnaire workbook (.xlsx) with read-excel-file and write-excel-file.
 * Only the screens and the command that convert workbooks import this module, so the
 * spreadsheet code stays out of the first screen.
 */
import readXlsxFile from 'read-excel-file/universal';
import writeXlsxFile from 'write-excel-file/universal';
import { validateQuestionnaire } from '../questionnaire/validate.ts';
import type { Questionnaire } from '../questionnaire/schema.ts';
import type { Parsed } from '../validation/parse.ts';
import { DEFAULT_LIMITS, fileTooLarge } from '../validation/guard.ts';
import { problem } from '../validation/problems.ts';
import {
  questionnaireToSheets,
  relocate,
  sheetsToQuestionnaireData,
  type Cell,
  type Sheet,
} from './layout.ts';
import { translationInstructions } from './instructions.ts';
import { mergeTranslationSheets, translationSheets, type MergedTranslations } from './translations.ts';

export const WORKBOOK_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sheets as a workbook's bytes, each with its header row in bold and kept in view. */
function writeSheets(sheets: readonly Sheet[], widths: Record<string, number[]> = {}): Promise<Blob> {
  const data = sheets.map((sheet) => ({
    sheet: sheet.name,
    data: sheet.rows.map((row, index) =>
      row.map((value) => (index === 0 ? { value: value as string, fontWeight: 'bold' as const } : value)),
    ),
    stickyRowsCount: 1,
    ...(widths[sheet.name] ? { columns: widths[sheet.name]!.map((width) => ({ width })) } : {}),
  }));
  return writeXlsxFile(data).toBlob();
}

/** The workbook of a questionnaire, as a file's bytes. */
export function writeWorkbook(questionnaire: Questionnaire): Promise<Blob> {
  return writeSheets(questionnaireToSheets(questionnaire));
}

/** The translation workbook of a questionnaire (see translations.ts), its instructions in `language`. */
export function writeTranslationWorkbook(questionnaire: Questionnaire, language = 'en'): Promise<Blob> {
  const sheets = translationSheets(questionnaire, translationInstructions(language, questionnaire.id));
  const languages = sheets.find((sheet) => sheet.name === 'texts')!.rows[0]!.length - 2;
  return writeSheets(sheets, {
    instructions: [120],
    texts: [36, 50, ...Array<number>(languages).fill(50)],
    about: [18, 24],
  });
}

/** A filled translation workbook merged into its questionnaire, validated; problems name sheet, row and column. */
export async function readTranslationWorkbook(
  bytes: Blob | ArrayBuffer,
  file: string,
  questionnaire: Questionnaire,
  knownClauses: ReadonlySet<string>,
): Promise<Parsed<MergedTranslations>> {
  const sheets = await openWorkbook(bytes, file);
  return sheets.ok ? mergeTranslationSheets(questionnaire, sheets.value, file, knownClauses) : sheets;
}

/**
 * A workbook a person chose, as sheets: held to the size limit of the JSON files (unpacking a
 * larger one would hold the page), then unpacked; a file that is no workbook is a located problem.
 */
async function openWorkbook(bytes: Blob | ArrayBuffer, file: string): Promise<Parsed<Sheet[]>> {
  const size = bytes instanceof ArrayBuffer ? bytes.byteLength : bytes.size;
  if (size > DEFAULT_LIMITS.bytes)
    return { ok: false, error: [fileTooLarge(file, size, DEFAULT_LIMITS.bytes)] };
  try {
    return { ok: true, value: await readSheets(bytes) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: [problem(file, '$', 'workbook.unreadable', { reason })] };
  }
}

export async function readSheets(bytes: Blob | ArrayBuffer): Promise<Sheet[]> {
  const sheets = await readXlsxFile(bytes);
  return sheets.map(({ sheet, data }) => ({
    name: sheet,
    rows: data.map((row) => row.map((cell) => (cell instanceof Date ? cell.toISOString() : (cell as Cell)))),
  }));
}

/** A questionnaire from a workbook, validated; every problem names its sheet, row and column. */
export async function readWorkbook(
  bytes: Blob | ArrayBuffer,
  file: string,
  knownClauses: ReadonlySet<string>,
): Promise<Parsed<Questionnaire>> {
  const sheets = await openWorkbook(bytes, file);
  if (!sheets.ok) return sheets;
  const data = sheetsToQuestionnaireData(sheets.value, file);
  if (!data.ok) return data;
  const parsed = validateQuestionnaire(data.value, { file, knownClauses });
  return parsed.ok ? parsed : { ok: false, error: relocate(parsed.error, data.places) };
}
