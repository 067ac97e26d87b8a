/**
 * A questionnaire's summary, apart from the catalog's order rules: counting the questions a
 * person may be asked walks every condition, code the first screen does not need (built-in
 * summaries are worked out at build time; an added questionnaire's when it is added).
 */
import { questionCount } from '../assessment/questionCount.ts';
import type { QuestionnaireSummary } from './catalog.ts';
import type { Questionnaire } from './schema.ts';
import { questionsInOrder } from './walk.ts';

/** What lists show of a questionnaire without loading it. */
export function summaryOf(questionnaire: Questionnaire): QuestionnaireSummary {
  return {
    id: questionnaire.id,
    version: questionnaire.version,
    basedOn: questionnaire.basedOn,
    languages: questionnaire.languages,
    defaultLanguage: questionnaire.defaultLanguage,
    title: questionnaire.title,
    description: questionnaire.description,
    catalog: questionnaire.catalog,
    pillarCount: questionnaire.pillars.length,
    questionCount: questionsInOrder(questionnaire).length,
    asked: questionCount(questionnaire),
  };
}
