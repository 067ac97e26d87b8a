/**
 * Reads a questionnaire from a file a person chose, with the validator of `npm run validate`:
 * the same schema, the same rules and the same located problems.
 */
import type { Parsed } from '../validation/parse.ts';
import type { Questionnaire } from './schema.ts';
import { validateQuestionnaireText } from './validate.ts';

export interface ChosenFile {
  name: string;
  text(): Promise<string>;
}

export async function readQuestionnaireFile(
  file: ChosenFile,
  knownClauses: ReadonlySet<string>,
): Promise<Parsed<Questionnaire>> {
  return validateQuestionnaireText(await file.text(), { file: file.name, knownClauses });
}
