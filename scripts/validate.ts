/**
 * `npm run validate [files…]`: checks questionnaire files (all of questionnaires/*.json when
 * none are named) against format v1, and weight profiles (all of questionnaires/weights/*.json
 * when none are named; a named file is a profile when it says `"kind": "weightProfile"`), and
 * prints every problem with file and JSON path. Exits 1 when any file is invalid.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { isProfileData } from '../src/profiles/validate.ts';
import { validateQuestionnaireText } from '../src/questionnaire/validate.ts';
import type { Parsed } from '../src/validation/parse.ts';
import { formatProblem } from '../src/validation/problems.ts';
import { builtInProfileFiles, checkBuiltInProfiles, loadValidQuestionnaires } from './lib/profiles.ts';
import { builtInQuestionnaireFiles, loadClauseIds } from './lib/questionnaires.ts';

const named = process.argv.slice(2);
const isProfileFile = (path: string) => {
  try {
    return isProfileData(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return false; // not JSON: the questionnaire check reports it
  }
};
const questionnaireFiles =
  named.length > 0 ? named.filter((path) => !isProfileFile(path)) : builtInQuestionnaireFiles();
const profileFiles = named.length > 0 ? named.filter(isProfileFile) : builtInProfileFiles();
const knownClauses = loadClauseIds();

let failed = 0;
function report(file: string, result: Parsed<unknown>): void {
  if (result.ok) {
    console.log(`ok   ${file}`);
  } else {
    failed += 1;
    console.error(`FAIL ${file}`);
    for (const problem of result.error) console.error(`  ${formatProblem(problem)}`);
  }
}

for (const path of questionnaireFiles) {
  const file = relative(process.cwd(), path);
  report(file, validateQuestionnaireText(readFileSync(path, 'utf8'), { file, knownClauses }));
}

const cwdName = (path: string) => relative(process.cwd(), path);
for (const { path, result } of checkBuiltInProfiles(profileFiles, loadValidQuestionnaires(), cwdName)) {
  report(cwdName(path), result);
}

const total = questionnaireFiles.length + profileFiles.length;
console.log(`${total - failed} of ${total} file(s) valid`);
process.exitCode = failed > 0 ? 1 : 0;
