import { questionCount } from '../assessment/questionCount.ts';
import type { QuestionnaireSummary } from './catalog.ts';
import type { Questionnaire } from './schema.ts';
import { questionsInOrder } from './walk.ts';

/** The summary of a questionnaire, as the catalog lists it. */
export function summarize(q: Questionnaire): QuestionnaireSummary {
  return {
    id: q.id,
    version: q.version,
    basedOn: q.basedOn,
    languages: q.languages,
    defaultLanguage: q.defaultLanguage,
    title: q.title,
    description: q.description,
    catalog: q.catalog,
    pillarCount: q.pillars.length,
    questionCount: questionsInOrder(q).length,
    asked: questionCount(q),
  };
}
