/** Node-side access to the built-in weight profiles, shared by the CLI, the build and the tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { WeightProfile } from '../../src/profiles/schema.ts';
import { validateProfileText } from '../../src/profiles/validate.ts';
import type { Questionnaire } from '../../src/questionnaire/schema.ts';
import { validateQuestionnaireText } from '../../src/questionnaire/validate.ts';
import type { Parsed } from '../../src/validation/parse.ts';
import { builtInQuestionnaireFiles, loadClauseIds, QUESTIONNAIRE_DIR, ROOT } from './questionnaires.ts';

export const PROFILE_DIR = join(QUESTIONNAIRE_DIR, 'weights');

/** The built-in weight profiles: every `.json` file in `questionnaires/weights/`. */
export function builtInProfileFiles(dir = PROFILE_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));
}

/** The valid built-in questionnaires by id (an invalid one is the questionnaire check's to report). */
export function loadValidQuestionnaires(dir = QUESTIONNAIRE_DIR): Map<string, Questionnaire> {
  const knownClauses = loadClauseIds();
  const found = new Map<string, Questionnaire>();
  for (const path of builtInQuestionnaireFiles(dir)) {
    const result = validateQuestionnaireText(readFileSync(path, 'utf8'), {
      file: relative(ROOT, path),
      knownClauses,
    });
    if (result.ok) found.set(result.value.id, result.value);
  }
  return found;
}

export interface ProfileFileResult {
  path: string;
  result: Parsed<WeightProfile>;
}

/**
 * Validates profile files as built-in ones: against the built-in questionnaires, with a
 * rationale citing known clauses, and ids unique among them. `name` gives the file name
 * that problems carry.
 */
export function checkBuiltInProfiles(
  files = builtInProfileFiles(),
  questionnaires = loadValidQuestionnaires(),
  name = (path: string) => relative(ROOT, path),
): ProfileFileResult[] {
  const knownClauses = loadClauseIds();
  const results = files.map((path) => ({
    path,
    result: validateProfileText(readFileSync(path, 'utf8'), {
      file: name(path),
      questionnaires,
      knownClauses,
      builtIn: true,
    }),
  }));
  const ids = results.flatMap(({ result }) => (result.ok ? [result.value.id] : []));
  return results.map(({ path, result }) =>
    result.ok && ids.indexOf(result.value.id) !== ids.lastIndexOf(result.value.id)
      ? {
          path,
          result: {
            ok: false,
            error: [
              {
                file: name(path),
                path: '$.id',
                message: `another built-in profile also has the id "${result.value.id}"`,
              },
            ],
          },
        }
      : { path, result },
  );
}
