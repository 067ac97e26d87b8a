/**
 * The rules of sync, as pure functions over plain data: what a device must send, and what it
 * does with each answer to a push and with each record it pulls. The same functions run in the
 * app (over IndexedDB), in the tests (over memory) and in the bench.
 *
 * A device keeps, per record, its **base**: the server's version it last had and what it said.
 * A record differs from its base when it was changed here: it is sent with the base's version.
 * The server applies a change only when that version is still its own (`decidePush`); otherwise
 * it keeps the change as the version that lost and sends back what it has, and the device merges
 * field by field (the same three-way merge as two windows, `src/assessment/merge.ts`). Only the
 * same part changed differently on both sides is held for a person, on the conflict screen.
 *
 * A record changed here is never overwritten by a pull: the pull leaves it, and the next push
 * (refused as out of date) brings the server's version to merge with. So a conflict always
 * comes from the server refusing a change, which it then keeps: nothing sent is ever lost.
 */
import { mergeAnswers, sameJson, type AnswerField } from '../assessment/merge.ts';
import type { Answer, Assessment } from '../assessment/types.ts';
import type { Change, PushResult, RecordKind, ServerRecord } from './protocol.ts';
import { PULLED_KINDS } from './protocol.ts';
import { sameRecord } from './records.ts';
import { recordKey, refOf, type RecordRef } from './keys.ts';

export { recordKey, refOf, type RecordRef };

/** The record a part belongs to (an answer's assessment, a submission's workshop). */
export function parentKey(ref: RecordRef): string | undefined {
  if (ref.kind === 'answer') return recordKey({ kind: 'assessment', id: ref.id });
  if (ref.kind === 'submission') return recordKey({ kind: 'workshop', id: ref.id });
  return undefined;
}

/** The server's version of a record this device last had, and what it said (null when deleted). */
export interface SyncBase extends RecordRef {
  organisationId: string;
  version: number;
  deleted: boolean;
  value: unknown;
}

export interface LocalRecord extends RecordRef {
  value: unknown;
}

/** The same part of a record changed here and elsewhere: a person chooses (answers only). */
export interface SyncConflict {
  assessmentId: string;
  questionId: string;
  /** What both started from (the server's version this device last had), for settling part by part. */
  base?: Answer;
  mine: Answer;
  theirs: Answer;
  fields: AnswerField[];
}

export const baseOf = (record: ServerRecord): SyncBase => ({
  kind: record.kind,
  id: record.id,
  ...(record.part === undefined ? {} : { part: record.part }),
  organisationId: record.organisationId,
  version: record.version,
  deleted: record.deleted,
  value: record.deleted ? null : record.value,
});

/** Whether a record was changed here since its base (created, changed, or deleted). */
export function isChanged(kind: RecordKind, local: unknown, base: SyncBase | undefined): boolean {
  if (!base || base.deleted) return local !== undefined;
  return local === undefined || !sameRecord(kind, local, base.value);
}

/** Workshops first (submissions and a consensus name them), then parents before their parts. */
const ORDER: Record<RecordKind, number> = { workshop: 0, submission: 1, assessment: 2, answer: 3 };

/**
 * The changes to send: every record that differs from its base, and a deletion for every base
 * whose record is gone (an answer's or a submission's only while its parent is still here: a
 * deleted assessment takes its answers with it). `held` keys are left out (a conflict waiting for
 * a person; a change the server refused, until it changes again).
 */
export function pendingChanges(
  local: readonly LocalRecord[],
  bases: ReadonlyMap<string, SyncBase>,
  held: ReadonlySet<string>,
  newChangeId: () => string,
): Change[] {
  const changes: Change[] = [];
  const present = new Set<string>();
  const change = (ref: RecordRef, base: SyncBase | undefined, value: unknown): Change => ({
    changeId: newChangeId(),
    kind: ref.kind,
    id: ref.id,
    ...(ref.part === undefined ? {} : { part: ref.part }),
    baseVersion: base?.version ?? null,
    deleted: value === undefined,
    ...(value === undefined ? {} : { value }),
  });
  for (const record of local) {
    const key = recordKey(record);
    present.add(key);
    const base = bases.get(key);
    if (held.has(key) || !isChanged(record.kind, record.value, base)) continue;
    changes.push(change(record, base, record.value));
  }
  for (const [key, base] of bases) {
    if (base.deleted || present.has(key) || held.has(key)) continue;
    const parent = parentKey(base);
    if (parent && !present.has(parent)) continue;
    changes.push(change(base, base, undefined));
  }
  return changes.sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
}

/**
 * What to do to one record, decided from what it is now: the new base (null: forget it), what to
 * write here, a conflict to hold for a person, or a refusal to remember.
 */
export interface Step {
  base?: SyncBase | null;
  local?: { write: 'put'; value: unknown } | { write: 'delete' } | { write: 'restore'; value: unknown };
  conflict?: SyncConflict;
  /** The conflict held for this record is settled (a newer version merged with it). */
  dropConflict?: boolean;
  refused?: { status: 'denied' | 'invalid' | 'idTaken'; message?: string };
}

/** Where a part's parent stands here: present, deleted here (not yet sent), or neither. */
export type ParentState = 'present' | 'deletedHere' | 'absent';

/**
 * The record's own fields, three ways: a field changed on one side takes that side's value; on
 * both sides, this device's (the other is kept on the server). The later `updatedAt` is kept.
 */
export function mergeAssessment(
  base: Assessment | undefined,
  mine: Assessment,
  theirs: Assessment,
): Assessment {
  const merged: Record<string, unknown> = { ...theirs };
  const keys = new Set([...Object.keys(mine), ...Object.keys(theirs), ...Object.keys(base ?? {})]);
  for (const key of keys) {
    if (key === 'updatedAt') continue;
    const field = key as keyof Assessment;
    const changedMine = !sameJson(base?.[field], mine[field]);
    if (changedMine) merged[key] = mine[field];
    if (merged[key] === undefined) delete merged[key];
  }
  merged.updatedAt = mine.updatedAt > theirs.updatedAt ? mine.updatedAt : theirs.updatedAt;
  return merged as unknown as Assessment;
}

/** What a device does with the server's answer to one change it sent. */
export function afterPush(
  change: Change,
  result: PushResult,
  local: unknown,
  base: SyncBase | undefined,
  now: Date,
): Step {
  switch (result.status) {
    case 'applied':
      return {
        base: {
          kind: change.kind,
          id: change.id,
          ...(change.part === undefined ? {} : { part: change.part }),
          organisationId: result.organisationId,
          version: result.version,
          deleted: change.deleted,
          value: change.deleted ? null : (change.value ?? null),
        },
      };
    case 'conflict':
      return afterConflict(change.kind, result.current, local, base, now);
    case 'invalid':
      return { refused: { status: 'invalid', message: result.message } };
    case 'denied':
    case 'idTaken':
      return { refused: { status: result.status } };
  }
}

function afterConflict(
  kind: RecordKind,
  current: ServerRecord,
  local: unknown,
  base: SyncBase | undefined,
  now: Date,
): Step {
  const next = baseOf(current);
  // Workshops and submissions are the facilitator's device's own: it sends its version again.
  if (!PULLED_KINDS.has(kind) || (local === undefined && current.deleted)) return { base: next };
  // Deleted here, changed there: the change wins, and the record comes back.
  if (local === undefined) return { base: next, local: { write: 'restore', value: current.value } };
  // Changed here, deleted there: the change wins; it is sent again and brings the record back.
  if (current.deleted) return { base: next };
  if (kind === 'assessment') {
    const merged = mergeAssessment(
      base?.value as Assessment | undefined,
      local as Assessment,
      current.value as Assessment,
    );
    return { base: next, local: { write: 'put', value: merged } };
  }
  const mine = local as Answer;
  const theirs = current.value as Answer;
  const outcome = mergeAnswers(base?.value as Answer | undefined, mine, theirs, now);
  if (outcome.kind === 'conflict') {
    return {
      base: next,
      conflict: {
        assessmentId: current.id,
        questionId: current.part ?? mine.questionId,
        ...(base?.value ? { base: base.value as Answer } : {}),
        mine,
        theirs,
        fields: outcome.fields,
      },
    };
  }
  return { base: next, local: { write: 'put', value: outcome.answer } };
}

/** What a device does with a record it pulled. */
export function afterPull(
  record: ServerRecord,
  local: unknown,
  base: SyncBase | undefined,
  parent: ParentState,
  conflict: SyncConflict | undefined,
  now: Date,
): Step {
  if (base && record.version <= base.version) return {};
  // Waiting for a person: weighed again against the newer version, which may settle it.
  if (conflict && local !== undefined) return reweigh(conflict, local as Answer, record, now);
  // Changed here: left as it is; the next push is refused as out of date and merges then.
  if (isChanged(record.kind, local, base)) return {};
  // The parent was deleted here, and that is still to be sent: its parts go with it.
  if (parent === 'deletedHere') return {};
  if (record.deleted)
    return { base: baseOf(record), ...(local === undefined ? {} : { local: { write: 'delete' } }) };
  return { base: baseOf(record), local: { write: 'put', value: record.value } };
}

function reweigh(conflict: SyncConflict, mine: Answer, record: ServerRecord, now: Date): Step {
  const next = baseOf(record);
  // Deleted there: this device's answer stands, and is sent again.
  if (record.deleted) return { base: next, dropConflict: true };
  const theirs = record.value as Answer;
  const outcome = mergeAnswers(conflict.base, mine, theirs, now);
  if (outcome.kind === 'merged')
    return { base: next, local: { write: 'put', value: outcome.answer }, dropConflict: true };
  return { base: next, conflict: { ...conflict, mine, theirs, fields: outcome.fields } };
}

/**
 * The server's rule, the same on the server and in the tests' model of it: a change is applied
 * when it starts from the version the server has (or creates a record the server does not
 * have); otherwise it conflicts.
 */
export function decidePush(
  current: { version: number; deleted: boolean } | undefined,
  baseVersion: number | null,
): 'apply' | 'conflict' {
  if (!current) return 'apply';
  return baseVersion === current.version ? 'apply' : 'conflict';
}
