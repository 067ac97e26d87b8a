import { parseJsonText, parseWithSchema, type Parsed } from '../validation/parse.ts';
import { checkRules, type RuleContext } from './rules.ts';
import { questionnaireSchema, type Questionnaire } from './schema.ts';

/** Checks parsed JSON against format v1: first the schema, then the rules the schema cannot express. */
export function validateQuestionnaire(data: unknown, context: RuleContext): Parsed<Questionnaire> {
  const parsed = parseWithSchema(questionnaireSchema, data, context.file);
  if (!parsed.ok) return parsed;
  const problems = checkRules(parsed.value, context);
  return problems.length > 0 ? { ok: false, error: problems } : parsed;
}

/** The same, starting from the text of a file. */
export function validateQuestionnaireText(text: string, context: RuleContext): Parsed<Questionnaire> {
  const json = parseJsonText(text, context.file);
  return json.ok ? validateQuestionnaire(json.value, context) : json;
}
