export * from './schema.ts';
export { clauseRegistrySchema } from './clauses.ts';
export { citationIndex, citationsByDocument, clauseCitations } from './citations.ts';
export type { CitationIndex, Citation, CitedDocument } from './citations.ts';
export type { Clause, ClauseDocument, ClauseRegistry } from './clauses.ts';
export { holds, visibleQuestionIds } from './conditions.ts';
export { validateQuestionnaire, validateQuestionnaireText } from './validate.ts';
export {
  accepts,
  ANSWER_TYPES,
  answerType,
  choiceValues,
  describeValue,
  isNumeric,
  isScored,
  numericRange,
} from './answerTypes.ts';
export type { AnswerType, ValueDescription } from './answerTypes.ts';
export { localizedTexts, questionsInOrder } from './walk.ts';
export { findPillar, findQuestion, questionsById } from './lookup.ts';
export { localize } from './localize.ts';
export type { Localized } from './localize.ts';
export type { QuestionnaireSummary } from './catalog.ts';
