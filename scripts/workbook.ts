/**
 * `npm run workbook -- <file> [output]`: converts a questionnaire between its JSON file and the
 * workbook layout (see questionnaires/README.md, "Writing a questionnaire in a spreadsheet").
 * A `.json` file becomes a workbook (`.xlsx`), a `.xlsx` workbook becomes a `.json` file; either
 * way the questionnaire is validated first, and problems name the file and where in it (for a
 * workbook: the sheet, row and column). The output is written beside the input unless named.
 *
 * `npm run workbook -- translations <questionnaire.json> <translations.xlsx>` writes the
 * questionnaire's translation workbook (every text a row, a column per language; see
 * "Translating in a spreadsheet"), and
 * `npm run workbook -- translations <questionnaire.json> <translations.xlsx> <out.json>` merges a
 * filled one back into the questionnaire, validated, as its next patch version.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { validateQuestionnaireText } from '../src/questionnaire/validate.ts';
import { formatProblem } from '../src/validation/problems.ts';
import type { Problem } from '../src/validation/problems.ts';
import {
  readTranslationWorkbook,
  readWorkbook,
  writeTranslationWorkbook,
  writeWorkbook,
} from '../src/workbook/spreadsheet.ts';
import { loadClauseIds } from './lib/questionnaires.ts';

const arrayBuffer = (bytes: Buffer): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

function refused(file: string, problems: readonly Problem[]): number {
  console.error(`FAIL ${file}`);
  for (const problem of problems) console.error(`  ${formatProblem(problem)}`);
  return 1;
}

async function translations(args: string[]): Promise<number> {
  const [input, workbook, output] = args;
  if (!input?.endsWith('.json') || !workbook?.endsWith('.xlsx') || (output && !output.endsWith('.json'))) {
    console.error(
      'Usage: npm run workbook -- translations <questionnaire.json> <translations.xlsx>             (write)\n' +
        '       npm run workbook -- translations <questionnaire.json> <translations.xlsx> <out.json>  (merge back)',
    );
    return 2;
  }
  const file = relative(process.cwd(), input);
  const knownClauses = loadClauseIds();
  const parsed = validateQuestionnaireText(readFileSync(input, 'utf8'), { file, knownClauses });
  if (!parsed.ok) return refused(file, parsed.error);
  if (!output) {
    writeFileSync(workbook, Buffer.from(await (await writeTranslationWorkbook(parsed.value)).arrayBuffer()));
    console.log(`ok   ${file} → ${relative(process.cwd(), workbook)} (translation workbook)`);
    return 0;
  }
  const name = relative(process.cwd(), workbook);
  const merged = await readTranslationWorkbook(
    arrayBuffer(readFileSync(workbook)),
    name,
    parsed.value,
    knownClauses,
  );
  if (!merged.ok) return refused(name, merged.error);
  const { questionnaire, added, changed } = merged.value;
  writeFileSync(output, `${JSON.stringify(questionnaire, null, 2)}\n`);
  console.log(
    `ok   ${name} → ${relative(process.cwd(), output)}: version ${questionnaire.version}, ` +
      `languages ${questionnaire.languages.join(', ')}` +
      (added.length > 0 ? ` (added ${added.join(', ')})` : '') +
      `, ${changed} texts new or changed`,
  );
  return 0;
}

async function main(args: string[]): Promise<number> {
  if (args[0] === 'translations') return translations(args.slice(1));
  const [input, output] = args;
  if (!input || !/\.(json|xlsx)$/i.test(input)) {
    console.error('Usage: npm run workbook -- <questionnaire.json | questionnaire.xlsx> [output]');
    console.error(
      '       npm run workbook -- translations <questionnaire.json> <translations.xlsx> [out.json]',
    );
    return 2;
  }
  const file = relative(process.cwd(), input);
  const knownClauses = loadClauseIds();
  const toWorkbook = /\.json$/i.test(input);
  const bytes = readFileSync(input);
  const parsed = toWorkbook
    ? validateQuestionnaireText(bytes.toString('utf8'), { file, knownClauses })
    : await readWorkbook(arrayBuffer(bytes), file, knownClauses);
  if (!parsed.ok) return refused(file, parsed.error);
  const target = output ?? input.replace(/\.(json|xlsx)$/i, toWorkbook ? '.xlsx' : '.json');
  if (toWorkbook) {
    writeFileSync(target, Buffer.from(await (await writeWorkbook(parsed.value)).arrayBuffer()));
  } else {
    writeFileSync(target, `${JSON.stringify(parsed.value, null, 2)}\n`);
  }
  console.log(`ok   ${file} → ${relative(process.cwd(), target)}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
