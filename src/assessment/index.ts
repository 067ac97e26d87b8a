export { changeAnswer, isResponded, withComment, withEvidence, withResponse } from './answers.ts';
export { newId } from './ids.ts';
export { pillarProgress, totalProgress } from './progress.ts';
export type { PillarProgress, Progress } from './progress.ts';
export type * from './types.ts';
