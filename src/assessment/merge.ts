/**
 * Two windows changing the same answer: a three-way merge, field by field. `base` is the answer
 * as this window last read or wrote it, `mine` is this window's version, `theirs` is what is
 * stored now (written by another window). A field changed on one side only takes that side's
 * value; a field changed on both sides to different values is a conflict a person must settle.
 */
import type { Answer } from './types.ts';

export const ANSWER_FIELDS = ['response', 'comment', 'commentAccess', 'evidence'] as const;
export type AnswerField = (typeof ANSWER_FIELDS)[number];

export type MergeOutcome =
  | { kind: 'merged'; answer: Answer; /** Fields taken from the other window. */ fromTheirs: AnswerField[] }
  | { kind: 'conflict'; fields: AnswerField[] };

/** Deep equality of JSON-shaped values; key order does not matter. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) =>
    sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** Whether two versions of an answer say the same thing (the time of the change aside). */
export function sameContent(a: Answer | undefined, b: Answer | undefined): boolean {
  return ANSWER_FIELDS.every((field) => sameJson(a?.[field], b?.[field]));
}

export function mergeAnswers(
  base: Answer | undefined,
  mine: Answer,
  theirs: Answer | undefined,
  now: Date,
): MergeOutcome {
  const merged: Answer = { ...(theirs ?? mine), questionId: mine.questionId };
  const conflicts: AnswerField[] = [];
  const fromTheirs: AnswerField[] = [];
  for (const field of ANSWER_FIELDS) {
    const changedMine = !sameJson(base?.[field], mine[field]);
    const changedTheirs = !sameJson(base?.[field], theirs?.[field]);
    if (changedMine && changedTheirs && !sameJson(mine[field], theirs?.[field])) conflicts.push(field);
    else if (changedTheirs) fromTheirs.push(field);
    setField(merged, field, changedTheirs ? theirs?.[field] : mine[field]);
  }
  if (conflicts.length > 0) return { kind: 'conflict', fields: conflicts };
  merged.updatedAt = now.toISOString();
  return { kind: 'merged', answer: merged, fromTheirs };
}

function setField(answer: Answer, field: AnswerField, value: Answer[AnswerField]): void {
  if (value === undefined) delete answer[field];
  else (answer as unknown as Record<AnswerField, unknown>)[field] = value;
}

/**
 * A person's choice on a conflict, applied part by part: the parts changed on both sides take the
 * side chosen; a part changed on one side only keeps that change, so choosing never drops an
 * edit the person was not asked about.
 */
export function settleConflict(
  base: Answer | undefined,
  mine: Answer,
  theirs: Answer,
  keep: 'mine' | 'theirs',
  now: Date,
): Answer {
  const settled: Answer = { ...mine, updatedAt: now.toISOString() };
  for (const field of ANSWER_FIELDS) {
    const changedMine = !sameJson(base?.[field], mine[field]);
    const changedTheirs = !sameJson(base?.[field], theirs[field]);
    const both = changedMine && changedTheirs && !sameJson(mine[field], theirs[field]);
    setField(settled, field, (both ? keep === 'theirs' : changedTheirs) ? theirs[field] : mine[field]);
  }
  return settled;
}
