/** Node-side access to the questionnaire folder, shared by the CLI, the build and the tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clauseRegistrySchema } from '../../src/questionnaire/clauses.ts';
import type { Questionnaire } from '../../src/questionnaire/schema.ts';
import { validateQuestionnaireText } from '../../src/questionnaire/validate.ts';
import { parseJsonText, parseWithSchema } from '../../src/validation/parse.ts';
import { ProblemsError } from '../../src/validation/problems.ts';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const QUESTIONNAIRE_DIR = join(ROOT, 'questionnaires');
export const CLAUSES_FILE = join(QUESTIONNAIRE_DIR, 'reference', 'clauses.json');

/** The built-in questionnaires: every `.json` file directly in `questionnaires/`. */
export function builtInQuestionnaireFiles(dir = QUESTIONNAIRE_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));
}

export function loadClauseRegistry() {
  const file = 'questionnaires/reference/clauses.json';
  const json = parseJsonText(readFileSync(CLAUSES_FILE, 'utf8'), file);
  const parsed = json.ok ? parseWithSchema(clauseRegistrySchema, json.value, file) : json;
  if (!parsed.ok) throw new ProblemsError(parsed.error);
  return parsed.value;
}

export function loadClauseIds(): Set<string> {
  return new Set(loadClauseRegistry().clauses.map((clause) => clause.id));
}

/** One built-in questionnaire (`questionnaires/<name>.json`), validated; throws its problems. */
export function loadBuiltInQuestionnaire(name: string): Questionnaire {
  const file = `questionnaires/${name}.json`;
  const parsed = validateQuestionnaireText(readFileSync(join(QUESTIONNAIRE_DIR, `${name}.json`), 'utf8'), {
    file,
    knownClauses: loadClauseIds(),
  });
  if (!parsed.ok) throw new ProblemsError(parsed.error);
  return parsed.value;
}
