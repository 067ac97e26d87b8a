/**
 * `npm run validate [files…]`: checks questionnaire files (all of questionnaires/*.json when
 * none are named) against format v1 and prints every problem with file and JSON path.
 * Exits 1 when any file is invalid.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { validateQuestionnaireText } from '../src/questionnaire/validate.ts';
import { formatProblem } from '../src/validation/problems.ts';
import { builtInQuestionnaireFiles, loadClauseIds } from './lib/questionnaires.ts';

const files = process.argv.slice(2);
const targets = files.length > 0 ? files : builtInQuestionnaireFiles();
const knownClauses = loadClauseIds();

let failed = 0;
for (const path of targets) {
  const file = relative(process.cwd(), path);
  const result = validateQuestionnaireText(readFileSync(path, 'utf8'), { file, knownClauses });
  if (result.ok) {
    console.log(`ok   ${file}`);
  } else {
    failed += 1;
    console.error(`FAIL ${file}`);
    for (const problem of result.problems) console.error(`  ${formatProblem(problem)}`);
  }
}
console.log(`${targets.length - failed} of ${targets.length} file(s) valid`);
process.exitCode = failed > 0 ? 1 : 0;
