/**
 * CSV for spreadsheets, written by Papa Parse: fields are quoted where needed, and text that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@` …) is escaped, so an imported comment or
 * an organisation's name cannot become a formula on someone's computer. A byte-order mark leads
 * the file, so spreadsheet programs read Cyrillic and other scripts correctly.
 */
import Papa from 'papaparse';

/**
 * How the spreadsheet program opening the file reads a CSV, which it takes from the computer's
 * regional settings: `comma`, fields separated by commas and 1.5 written with a point (English,
 * Chinese, most Arabic settings); `semicolon`, fields separated by semicolons and 1,5 written with
 * a comma (French, Spanish, Russian and most of Europe, Latin America and Africa). A file in the
 * other convention opens as one column of text.
 */
export type CsvConvention = 'comma' | 'semicolon';

/** The convention of the spreadsheets of a language's usual regional settings. */
export function csvConventionFor(locale: string): CsvConvention {
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal');
  return decimal?.value === ',' ? 'semicolon' : 'comma';
}

const BOM = '\uFEFF';

/**
 * Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@` …) is escaped; a figure with a
 * decimal comma is written as text, and a negative one must not be taken for a formula.
 */
const FORMULA = /^(?!-\d+(?:,\d+)?$)[=+\-@\t\r]/;

/** The file: a header row and `rows`, separated as the convention's spreadsheets expect. */
export function spreadsheetCsv(fields: string[], rows: unknown[][], convention: CsvConvention): string {
  return (
    BOM +
    Papa.unparse(
      { fields, data: rows },
      { delimiter: convention === 'semicolon' ? ';' : ',', escapeFormulae: FORMULA, newline: '\r\n' },
    )
  );
}

/** A figure to four decimals, with the decimal separator of the convention. */
export function csvFigure(convention: CsvConvention) {
  return (value: number | null | undefined): string | number => {
    if (value === null || value === undefined) return '';
    const rounded = Math.round(value * 10000) / 10000;
    return convention === 'semicolon' ? String(rounded).replace('.', ',') : rounded;
  };
}
