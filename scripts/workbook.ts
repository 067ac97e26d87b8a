/**
 * `npm run workbook -- <file> [output]`: converts a questionnaire between its JSON file and the
 * workbook layout (see questionnaires/README.md, "Writing a questionnaire in a spreadsheet").
 * A `.json` file becomes a workbook (`.xlsx`), a `.xlsx` workbook becomes a `.json` file; either
 * way the questionnaire is validated first, and problems name the file and where in it (for a
 * workbook: the sheet, row and column). The output is written beside the input unless named.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { validateQuestionnaireText } from '../src/questionnaire/validate.ts';
import { formatProblem } from '../src/validation/problems.ts';
import { readWorkbook, writeWorkbook } from '../src/workbook/spreadsheet.ts';
import { loadClauseIds } from './lib/questionnaires.ts';

async function main(args: string[]): Promise<number> {
  const [input, output] = args;
  if (!input || !/\.(json|xlsx)$/i.test(input)) {
    console.error('Usage: npm run workbook -- <questionnaire.json | questionnaire.xlsx> [output]');
    return 2;
  }
  const file = relative(process.cwd(), input);
  const knownClauses = loadClauseIds();
  const toWorkbook = /\.json$/i.test(input);
  const bytes = readFileSync(input);
  const parsed = toWorkbook
    ? validateQuestionnaireText(bytes.toString('utf8'), { file, knownClauses })
    : await readWorkbook(
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
        file,
        knownClauses,
      );
  if (!parsed.ok) {
    console.error(`FAIL ${file}`);
    for (const problem of parsed.problems) console.error(`  ${formatProblem(problem)}`);
    return 1;
  }
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
