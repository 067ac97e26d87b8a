/**
 * Reads a questionnaire from a file a person chose, with the validator of `npm run validate`:
 * the same schema, the same rules and the same located problems, after the file reader's guard.
 */
import { DEFAULT_LIMITS } from '../validation/guard.ts';
import type { Parsed } from '../validation/parse.ts';
import { readChosenFile, type ChosenFile } from '../validation/readFile.ts';
import type { Questionnaire } from './schema.ts';
import { validateQuestionnaire } from './validate.ts';

export async function readQuestionnaireFile(
  file: ChosenFile,
  knownClauses: ReadonlySet<string>,
): Promise<Parsed<Questionnaire>> {
  const read = await readChosenFile(file, DEFAULT_LIMITS);
  return read.ok ? validateQuestionnaire(read.value.value, { file: file.name, knownClauses }) : read;
}
