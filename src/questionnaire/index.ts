export * from './schema';
export { clauseIndex, clauseRegistrySchema } from './clauses';
export type { Clause, ClauseRegistry } from './clauses';
export { holds, visibleQuestionIds } from './conditions';
export { validateQuestionnaire, validateQuestionnaireText } from './validate';
export { choiceValues, isNumeric, numericRange } from './values';
export { localizedTexts, questionsInOrder } from './walk';
