/**
 * A device's data in memory, behind the same interface as IndexedDB (`SyncLocal`): the tests'
 * and the bench's devices. A person's choice on a conflict is made with `resolve`, as the
 * assessment store does it in the app.
 */
import { settleConflict } from '../assessment/merge.ts';
import type { Answer } from '../assessment/types.ts';
import { recordKey, refOf, type LocalRecord, type SyncBase, type SyncConflict } from './core.ts';
import { parentState, type Decision, type SyncLocal } from './engine.ts';
import type { Change } from './protocol.ts';
import { sameRecord } from './records.ts';

export class MemoryLocal implements SyncLocal {
  readonly data = new Map<string, unknown>();
  readonly baseMap = new Map<string, SyncBase>();
  readonly conflicts = new Map<string, SyncConflict>();
  readonly refused = new Map<string, { status: string; value: unknown }>();
  private batch: Change[] | undefined;
  private checkpoint = '';

  records(): Promise<LocalRecord[]> {
    return Promise.resolve([...this.data].map(([key, value]) => ({ ...refOf(key), value })));
  }

  bases(): Promise<Map<string, SyncBase>> {
    return Promise.resolve(new Map(this.baseMap));
  }

  held(records: readonly LocalRecord[]): Promise<Set<string>> {
    const held = new Set(this.conflicts.keys());
    for (const record of records) {
      const key = recordKey(record);
      const refusal = this.refused.get(key);
      if (refusal && sameRecord(record.kind, refusal.value, record.value)) held.add(key);
    }
    return Promise.resolve(held);
  }

  pendingBatch(): Promise<Change[] | undefined> {
    return Promise.resolve(this.batch);
  }

  setPendingBatch(changes: Change[] | undefined): Promise<void> {
    this.batch = changes;
    return Promise.resolve();
  }

  cursor(): Promise<string> {
    return Promise.resolve(this.checkpoint);
  }

  apply(
    decisions: readonly Decision[],
    after: { cursor?: string; clearBatch?: boolean } = {},
  ): Promise<void> {
    for (const { ref, decide } of decisions) {
      const key = recordKey(ref);
      const step = decide({
        local: this.data.get(key),
        base: this.baseMap.get(key),
        parent: parentState(
          ref,
          (k) => this.data.has(k),
          (k) => this.baseMap.get(k),
        ),
        conflict: this.conflicts.get(key),
      });
      if (step.base === null) this.baseMap.delete(key);
      else if (step.base) this.baseMap.set(key, step.base);
      if (step.local?.write === 'delete') this.data.delete(key);
      else if (step.local) this.data.set(key, step.local.value);
      if (step.dropConflict) this.conflicts.delete(key);
      if (step.conflict) this.conflicts.set(key, step.conflict);
      if (step.refused) this.refused.set(key, { status: step.refused.status, value: this.data.get(key) });
    }
    if (after.cursor !== undefined) this.checkpoint = after.cursor;
    if (after.clearBatch) this.batch = undefined;
    return Promise.resolve();
  }

  /** A person settles a conflict: keep this device's answer (it is sent again) or take the other. */
  resolve(key: string, keep: 'mine' | 'theirs', now: Date): void {
    const conflict = this.conflicts.get(key);
    if (!conflict) return;
    this.conflicts.delete(key);
    const mine = (this.data.get(key) as Answer | undefined) ?? conflict.mine;
    this.data.set(key, settleConflict(conflict.base, mine, conflict.theirs, keep, now));
  }
}
