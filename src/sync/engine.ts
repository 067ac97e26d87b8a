/**
 * One sync of a linked device: send what changed here, then bring what changed elsewhere, then
 * send what merging produced. The rules are in `core.ts`; this file only orders the steps over
 * two interfaces: the device's own data (`SyncLocal`: IndexedDB in the app, memory in tests) and
 * the server (`SyncTransport`: HTTP in the app, anything in tests).
 *
 * Resumable: a batch is written down before it is sent and sent again, with the same change ids,
 * until the server has answered it, so a lost answer or a restarted server never applies a
 * change twice. Each page of a pull is applied together with the checkpoint it ends at.
 */
import type { Change, PullResponse, PushResult } from './protocol.ts';
import { MAX_CHANGES_PER_PUSH } from './protocol.ts';
import {
  afterPull,
  afterPush,
  parentKey,
  pendingChanges,
  recordKey,
  type LocalRecord,
  type ParentState,
  type RecordRef,
  type Step,
  type SyncBase,
  type SyncConflict,
} from './core.ts';

export interface SyncTransport {
  push(changes: Change[]): Promise<PushResult[]>;
  pull(cursor: string): Promise<PullResponse>;
}

/** What a decision sees of one record when it is made, inside the write's own transaction. */
export interface RecordState {
  local: unknown;
  base: SyncBase | undefined;
  parent: ParentState;
  /** A conflict waiting for a person on this record. */
  conflict: SyncConflict | undefined;
}

export interface Decision {
  ref: RecordRef;
  decide: (state: RecordState) => Step;
}

export interface SyncLocal {
  /** Every record of this device that syncs (assessments, answers, workshops, submissions). */
  records(): Promise<LocalRecord[]>;
  bases(): Promise<Map<string, SyncBase>>;
  /** Keys not to send now: a conflict waiting for a person, or a refused change not changed since. */
  held(records: readonly LocalRecord[]): Promise<Set<string>>;
  pendingBatch(): Promise<Change[] | undefined>;
  setPendingBatch(changes: Change[] | undefined): Promise<void>;
  cursor(): Promise<string>;
  /**
   * In one transaction: reads each record's state, asks its decision, writes the step (record,
   * base, conflict, refusal); then sets the cursor when given and clears the pending batch when
   * asked. A record changed meanwhile is decided on as it is now, never on a stale copy.
   */
  apply(decisions: readonly Decision[], after?: { cursor?: string; clearBatch?: boolean }): Promise<void>;
}

export interface SyncReport {
  sent: number;
  applied: number;
  /** Changes refused as out of date and merged (or held for a person). */
  merged: number;
  /** Held for a person now. */
  conflicts: number;
  refused: number;
  received: number;
}

const emptyReport = (): SyncReport => ({
  sent: 0,
  applied: 0,
  merged: 0,
  conflicts: 0,
  refused: 0,
  received: 0,
});

async function sendBatch(
  local: SyncLocal,
  transport: SyncTransport,
  batch: Change[],
  report: SyncReport,
  now: () => Date,
): Promise<void> {
  const results = await transport.push(batch);
  const byId = new Map(results.map((result) => [result.changeId, result]));
  const decisions: Decision[] = [];
  for (const change of batch) {
    const result = byId.get(change.changeId);
    if (!result) continue;
    report.sent++;
    if (result.status === 'applied') report.applied++;
    else if (result.status === 'conflict') report.merged++;
    else report.refused++;
    decisions.push({
      ref: change,
      decide: ({ local, base }) => {
        const step = afterPush(change, result, local, base, now());
        if (step.conflict) report.conflicts++;
        return step;
      },
    });
  }
  await local.apply(decisions, { clearBatch: true });
}

async function pushAll(
  local: SyncLocal,
  transport: SyncTransport,
  report: SyncReport,
  now: () => Date,
  newId: () => string,
) {
  const waiting = await local.pendingBatch();
  if (waiting?.length) await sendBatch(local, transport, waiting, report, now);
  const records = await local.records();
  const changes = pendingChanges(records, await local.bases(), await local.held(records), newId);
  for (let start = 0; start < changes.length; start += MAX_CHANGES_PER_PUSH) {
    const batch = changes.slice(start, start + MAX_CHANGES_PER_PUSH);
    await local.setPendingBatch(batch);
    await sendBatch(local, transport, batch, report, now);
  }
  return changes.length;
}

async function pullAll(
  local: SyncLocal,
  transport: SyncTransport,
  report: SyncReport,
  now: () => Date,
): Promise<void> {
  let cursor = await local.cursor();
  for (;;) {
    const page = await transport.pull(cursor);
    report.received += page.records.length;
    const decisions = page.records.map((record): Decision => ({
      ref: record,
      decide: (state) => afterPull(record, state.local, state.base, state.parent, state.conflict, now()),
    }));
    await local.apply(decisions, { cursor: page.cursor });
    cursor = page.cursor;
    if (!page.more) return;
  }
}

/**
 * Sends, brings, and sends again what merging changed. Throws what the transport throws (no
 * network, server down): whatever was applied stays applied, and the next sync carries on.
 */
export async function syncOnce(
  local: SyncLocal,
  transport: SyncTransport,
  { now = () => new Date(), newId }: { now?: () => Date; newId: () => string },
): Promise<SyncReport> {
  const report = emptyReport();
  await pushAll(local, transport, report, now, newId);
  await pullAll(local, transport, report, now);
  // Merges and restores made above are changes of this device's own: send them now (a merge
  // refused again because someone changed the record meanwhile merges again, a few times).
  for (let pass = 0; pass < 3; pass++) {
    const merged = report.merged;
    const sent = await pushAll(local, transport, report, now, newId);
    if (sent === 0 || report.merged === merged) break;
  }
  return report;
}

/** The parent state of a record, from what the device holds (for `SyncLocal.apply` implementations). */
export function parentState(
  ref: RecordRef,
  has: (key: string) => boolean,
  bases: (key: string) => SyncBase | undefined,
): ParentState {
  const parent = parentKey(ref);
  if (!parent) return 'present';
  if (has(parent)) return 'present';
  const base = bases(parent);
  return base && !base.deleted ? 'deletedHere' : 'absent';
}

export { recordKey };
