export {
  changeAnswer,
  isResponded,
  withComment,
  withCommentAccess,
  withEvidence,
  withResponse,
} from './answers.ts';
export { assessmentDate, byAssessmentDate } from './dates.ts';
export { describeResponse, responseText } from './describe.ts';
export type { ResponseDescription, ResponseWords } from './describe.ts';
export { newId } from './ids.ts';
export { ANSWER_FIELDS, mergeAnswers, sameContent, sameJson } from './merge.ts';
export type { AnswerField, MergeOutcome } from './merge.ts';
export { pillarProgress, totalProgress } from './progress.ts';
export { forSharing, sharedAnswers, sharedList, withoutPersonalFields } from './sharing.ts';
export { questionCount } from './questionCount.ts';
export type { QuestionCount } from './questionCount.ts';
export type { PillarProgress, Progress } from './progress.ts';
export {
  answerSchema,
  assessmentSchema,
  evidenceSchema,
  LIMITS,
  PERSONAL_FIELDS,
  responseSchema,
} from './schema.ts';
export type * from './types.ts';
