import type { QuestionCount } from '../assessment/questionCount.ts';
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
  /** Every question in the file. */
  questionCount: number;
  /** How many a person is asked: always, and at most, depending on the answers. */
  asked: QuestionCount;
}
