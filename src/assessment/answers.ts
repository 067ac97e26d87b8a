/** Pure updates of one answer; each returns a new object stamped with the time of the change. */
import type { Answer, Answers, Evidence, EvidenceAccess, Response } from './types.ts';

type Change = Partial<Pick<Answer, 'response' | 'comment' | 'commentAccess' | 'evidence'>>;

export function changeAnswer(
  previous: Answer | undefined,
  questionId: string,
  change: Change,
  now: Date,
): Answer {
  const next: Answer = {
    ...(previous ?? { questionId }),
    ...change,
    questionId,
    updatedAt: now.toISOString(),
  };
  if (next.response === undefined) delete next.response;
  if (!next.comment) delete next.comment;
  if (next.commentAccess !== 'restricted') delete next.commentAccess;
  if (!next.evidence?.length) delete next.evidence;
  return next;
}

export const withResponse = (
  previous: Answer | undefined,
  questionId: string,
  response: Response | undefined,
  now: Date,
) => changeAnswer(previous, questionId, { response }, now);

export const withComment = (previous: Answer | undefined, questionId: string, comment: string, now: Date) =>
  changeAnswer(previous, questionId, { comment }, now);

export const withCommentAccess = (
  previous: Answer | undefined,
  questionId: string,
  commentAccess: EvidenceAccess,
  now: Date,
) => changeAnswer(previous, questionId, { commentAccess }, now);

export const withEvidence = (
  previous: Answer | undefined,
  questionId: string,
  evidence: Evidence[],
  now: Date,
) => changeAnswer(previous, questionId, { evidence }, now);

/** Whether a person has responded at all: a value, "not applicable" or "don't know". */
export function isResponded(answers: Answers, questionId: string): boolean {
  return answers[questionId]?.response !== undefined;
}
