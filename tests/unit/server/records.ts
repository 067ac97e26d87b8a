/** Records as the app makes them, and changes carrying them, for the server tests. */
import { randomUUID } from 'node:crypto';
import type { Answer, Assessment } from '../../../src/assessment/types.ts';
import type { Change } from '../../../src/sync/protocol.ts';

export const AT = '2026-03-01T10:00:00.000Z';

export function assessmentValue(id: string, extra: Partial<Assessment> = {}): Assessment {
  return {
    id,
    name: `Assessment ${id}`,
    questionnaire: { id: 'sample', version: '1.0.0' },
    createdAt: AT,
    updatedAt: AT,
    ...extra,
  };
}

export function answerValue(questionId: string, value: string | number | string[], comment?: string): Answer {
  return {
    questionId,
    response: { kind: 'value', value },
    ...(comment ? { comment } : {}),
    updatedAt: AT,
  };
}

export function assessmentChange(
  id: string,
  baseVersion: number | null = null,
  extra: Partial<Assessment> = {},
): Change {
  return {
    changeId: randomUUID(),
    kind: 'assessment',
    id,
    baseVersion,
    deleted: false,
    value: assessmentValue(id, extra),
  };
}

export function answerChange(
  assessmentId: string,
  questionId: string,
  value: string | number | string[],
  baseVersion: number | null = null,
  comment?: string,
): Change {
  return {
    changeId: randomUUID(),
    kind: 'answer',
    id: assessmentId,
    part: questionId,
    baseVersion,
    deleted: false,
    value: answerValue(questionId, value, comment),
  };
}

export const newRecordId = () => randomUUID();
