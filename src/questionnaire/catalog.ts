import type { LocalizedText, Questionnaire } from './schema.ts';
import { questionsInOrder } from './walk.ts';

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

export function summaryOf(questionnaire: Questionnaire): QuestionnaireSummary {
  return {
    id: questionnaire.id,
    version: questionnaire.version,
    basedOn: questionnaire.basedOn,
    languages: questionnaire.languages,
    defaultLanguage: questionnaire.defaultLanguage,
    title: questionnaire.title,
    description: questionnaire.description,
    pillarCount: questionnaire.pillars.length,
    questionCount: questionsInOrder(questionnaire).length,
  };
}
