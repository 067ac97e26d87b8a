import type { LocalizedText } from './schema.ts';

/** What the first screen needs to know of a built-in questionnaire, without loading it. */
export interface QuestionnaireSummary {
  id: string;
  version: string;
  basedOn?: string;
  languages: string[];
  defaultLanguage: string;
  title: LocalizedText;
  description?: LocalizedText;
  pillarCount: number;
  questionCount: number;
}
