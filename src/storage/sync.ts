/**
 * What a device linked to a server of record keeps in IndexedDB to sync, and the sync engine's
 * view of the device's data (`SyncLocal`, see src/sync/engine.ts). Each step the engine decides
 * is written in one transaction with the record it concerns, so a window writing the same
 * answer cannot slip in between: the decision is made on the record as it is at that moment.
 *
 * A device that was never linked has these stores empty, and nothing here is called.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { Answer, Assessment } from '../assessment/types.ts';
import {
  parentKey,
  recordKey,
  refOf,
  type LocalRecord,
  type RecordRef,
  type Step,
  type SyncBase,
} from '../sync/core.ts';
import type { Decision, SyncLocal } from '../sync/engine.ts';
import { setLinkedHint } from '../sync/presence.ts';
import type { Change, DeviceInfo } from '../sync/protocol.ts';
import { sameRecord, syncedSubmission, syncedWorkshop } from '../sync/records.ts';
import { announce, type ChangeMessage } from './channel.ts';
import { database, plain, type BaselineDB, type StoredAnswer } from './db.ts';
import { moveToTrash } from './trash.ts';

export interface LinkState extends DeviceInfo {
  /** The device's credential; sent to the server only, never shown. */
  token: string;
  /** The app's address on the server (where the API is). */
  base: string;
  lastSyncAt?: string;
  /** The server no longer accepts this device (unlinked elsewhere, revoked, expired). */
  revoked?: boolean;
}

type Tx = IDBPTransaction<BaselineDB, StoreNames<BaselineDB>[], 'readwrite'>;

async function state<T>(name: string): Promise<T | undefined> {
  return (await (await database()).get('syncState', name))?.value as T | undefined;
}

async function setState(name: string, value: unknown): Promise<void> {
  const db = await database();
  if (value === undefined) await db.delete('syncState', name);
  else await db.put('syncState', { name, value: plain(value) });
}

export const readLink = () => state<LinkState>('link');

export async function writeLink(link: LinkState): Promise<void> {
  await setState('link', link);
  setLinkedHint(true);
}

/** The parts of assessments given to this account, as last fetched: the device answers them offline too. */
export const readAssignments = <T>() => state<T>('assignments');
export const writeAssignments = (assignments: unknown) => setState('assignments', assignments);
/** The last list of an assessment's contributors fetched, for its report (src/coordination/contributors.ts). */
export const readContributors = <T>(assessmentId: string) => state<T>(`contributors:${assessmentId}`);
export const writeContributors = (assessmentId: string, kept: unknown) =>
  setState(`contributors:${assessmentId}`, kept);

/**
 * Forgets the link and everything sync kept (versions, checkpoint, conflicts, refusals). The
 * device's own data stays as it is; linking again sends it again, and merges.
 */
export async function forgetLink(): Promise<void> {
  const db = await database();
  const tx = db.transaction(['syncState', 'syncBases', 'syncConflicts', 'syncRefused'], 'readwrite');
  await Promise.all([
    tx.objectStore('syncState').clear(),
    tx.objectStore('syncBases').clear(),
    tx.objectStore('syncConflicts').clear(),
    tx.objectStore('syncRefused').clear(),
  ]);
  await tx.done;
  setLinkedHint(false);
}

export interface SyncCounts {
  conflicts: number;
  refused: { key: string; status: string; message?: string }[];
}

export async function syncCounts(): Promise<SyncCounts> {
  const db = await database();
  const refused = await db.getAll('syncRefused');
  return {
    conflicts: await db.count('syncConflicts'),
    refused: refused.map(({ key, status, message }) => ({ key, status, ...(message ? { message } : {}) })),
  };
}

const withoutOwner = ({ assessmentId: _, ...answer }: StoredAnswer): Answer => answer;

/** The value of one record as it travels, read inside `tx`. */
async function readLocal(tx: Tx, ref: RecordRef): Promise<unknown> {
  switch (ref.kind) {
    case 'assessment':
      return tx.objectStore('assessments').get(ref.id);
    case 'answer': {
      const stored = await tx.objectStore('answers').get([ref.id, ref.part ?? '']);
      return stored && withoutOwner(stored);
    }
    case 'workshop': {
      const workshop = await tx.objectStore('workshops').get(ref.id);
      return workshop && syncedWorkshop(workshop);
    }
    case 'submission': {
      const submission = await tx.objectStore('submissions').get([ref.id, ref.part ?? '']);
      if (!submission) return undefined;
      const workshop = await tx.objectStore('workshops').get(ref.id);
      return syncedSubmission(submission, Boolean(workshop?.setup.sealTo));
    }
  }
}

/** Brings an assessment back from the trash (its answers too), when its deletion lost to a change elsewhere. */
async function takeFromTrash(tx: Tx, assessmentId: string): Promise<void> {
  const trash = tx.objectStore('trash');
  const entries = (await trash.getAll()).filter((entry) => entry.assessment.id === assessmentId);
  const latest = entries.sort((a, b) => a.deletedAt.localeCompare(b.deletedAt)).at(-1);
  if (!latest) return;
  for (const answer of latest.answers) await tx.objectStore('answers').put({ ...answer, assessmentId });
  await trash.delete(latest.trashId);
}

class Changes {
  private readonly answers = new Map<string, Set<string>>();
  private readonly assessments = new Set<string>();
  private readonly conflicts = new Set<string>();
  private list = false;

  answer(assessmentId: string, questionId: string): void {
    const set = this.answers.get(assessmentId) ?? new Set();
    set.add(questionId);
    this.answers.set(assessmentId, set);
  }
  assessment(id: string): void {
    this.assessments.add(id);
    this.list = true;
  }
  conflict(assessmentId: string): void {
    this.conflicts.add(assessmentId);
  }
  announce(): void {
    const messages: ChangeMessage[] = [];
    for (const [assessmentId, questionIds] of this.answers)
      messages.push({ kind: 'answers', assessmentId, questionIds: [...questionIds], fromSync: true });
    for (const assessmentId of this.assessments)
      messages.push({ kind: 'assessment', assessmentId, fromSync: true });
    for (const assessmentId of this.conflicts)
      messages.push({ kind: 'conflicts', assessmentId, fromSync: true });
    if (this.list) messages.push({ kind: 'list', fromSync: true });
    for (const message of messages) announce(message);
  }
}

async function writeStep(tx: Tx, ref: RecordRef, step: Step, local: unknown, changes: Changes, now: Date) {
  const key = recordKey(ref);
  if (step.base === null) await tx.objectStore('syncBases').delete(key);
  else if (step.base) await tx.objectStore('syncBases').put(plain({ ...step.base, key }));
  if (step.local && (ref.kind === 'assessment' || ref.kind === 'answer')) {
    const { write } = step.local;
    if (ref.kind === 'assessment') {
      if (write === 'delete') await moveToTrash(tx as never, ref.id, 'deleted', now);
      else {
        if (write === 'restore') await takeFromTrash(tx, ref.id);
        await tx.objectStore('assessments').put(plain(step.local.value as Assessment));
      }
      changes.assessment(ref.id);
    } else {
      const part = ref.part ?? '';
      if (write === 'delete') await tx.objectStore('answers').delete([ref.id, part]);
      else
        await tx.objectStore('answers').put(plain({ ...(step.local.value as Answer), assessmentId: ref.id }));
      changes.answer(ref.id, part);
    }
  }
  if (step.dropConflict) {
    await tx.objectStore('syncConflicts').delete(key);
    changes.conflict(ref.id);
  }
  if (step.conflict) {
    await tx.objectStore('syncConflicts').put(plain({ ...step.conflict, key }));
    changes.conflict(ref.id);
  }
  if (step.refused) {
    const { status, message } = step.refused;
    await tx
      .objectStore('syncRefused')
      .put(plain({ key, status, ...(message ? { message } : {}), value: local ?? null }));
  }
}

/** The device's data as the sync engine sees it. */
export function idbSyncLocal(now: () => Date = () => new Date()): SyncLocal {
  return {
    async records() {
      const db = await database();
      const tx = db.transaction(['assessments', 'answers', 'workshops', 'submissions'], 'readonly');
      const [assessments, answers, workshops, submissions] = await Promise.all([
        tx.objectStore('assessments').getAll(),
        tx.objectStore('answers').getAll(),
        tx.objectStore('workshops').getAll(),
        tx.objectStore('submissions').getAll(),
      ]);
      const sealed = new Map(workshops.map((workshop) => [workshop.id, Boolean(workshop.setup.sealTo)]));
      const records: LocalRecord[] = [
        ...workshops.map((workshop): LocalRecord => ({
          kind: 'workshop',
          id: workshop.id,
          value: syncedWorkshop(workshop),
        })),
        ...submissions.map((submission): LocalRecord => ({
          kind: 'submission',
          id: submission.workshopId,
          part: submission.participantId,
          value: syncedSubmission(submission, sealed.get(submission.workshopId) ?? true),
        })),
        ...assessments.map((assessment): LocalRecord => ({
          kind: 'assessment',
          id: assessment.id,
          value: assessment,
        })),
        ...answers.map((answer): LocalRecord => ({
          kind: 'answer',
          id: answer.assessmentId,
          part: answer.questionId,
          value: withoutOwner(answer),
        })),
      ];
      return records;
    },

    async bases() {
      const all = await (await database()).getAll('syncBases');
      return new Map(all.map(({ key, ...base }) => [key, base]));
    },

    async held(records) {
      const db = await database();
      const held = new Set(await db.getAllKeys('syncConflicts'));
      const refused = new Map((await db.getAll('syncRefused')).map((entry) => [entry.key, entry]));
      for (const record of records) {
        const key = recordKey(record);
        const refusal = refused.get(key);
        if (refusal && sameRecord(record.kind, refusal.value, record.value)) held.add(key);
      }
      return held;
    },

    pendingBatch: () => state<Change[]>('batch'),
    setPendingBatch: (changes) => setState('batch', changes),
    cursor: async () => (await state<string>('cursor')) ?? '',

    async apply(decisions: readonly Decision[], after = {}) {
      const db = await database();
      const tx = db.transaction(
        [
          'assessments',
          'answers',
          'trash',
          'workshops',
          'submissions',
          'syncBases',
          'syncConflicts',
          'syncRefused',
          'syncState',
        ],
        'readwrite',
      ) as unknown as Tx;
      const changes = new Changes();
      const at = now();
      for (const { ref, decide } of decisions) {
        const key = recordKey(ref);
        const parent = parentKey(ref);
        const [local, base, conflict, parentLocal, parentBase] = await Promise.all([
          readLocal(tx, ref),
          tx.objectStore('syncBases').get(key),
          tx.objectStore('syncConflicts').get(key),
          parent ? readLocal(tx, refOf(parent)) : Promise.resolve(true),
          parent ? tx.objectStore('syncBases').get(parent) : Promise.resolve(undefined),
        ]);
        const step = decide({
          local,
          base: base && stripKey(base),
          parent:
            parentLocal !== undefined
              ? 'present'
              : parentBase && !parentBase.deleted
                ? 'deletedHere'
                : 'absent',
          conflict: conflict && stripKey(conflict),
        });
        await writeStep(tx, ref, step, local, changes, at);
      }
      if (after.cursor !== undefined)
        await tx.objectStore('syncState').put({ name: 'cursor', value: after.cursor });
      if (after.clearBatch) await tx.objectStore('syncState').delete('batch');
      await tx.done;
      changes.announce();
    },
  };
}

function stripKey<T extends { key: string }>(value: T): Omit<T, 'key'> {
  const { key: _, ...rest } = value;
  return rest;
}

export type { SyncBase };
