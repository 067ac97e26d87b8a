/**
 * Deleted assessments are not gone at once: they wait in the trash, answers and all, so a
 * deletion (or an import that replaced an assessment) can be undone, even after a reload.
 * Entries older than `TRASH_DAYS` are left out of the list of assessments' trash, and emptied
 * once that list has been read.
 */
import type { IDBPTransaction } from 'idb';
import { newId } from '../assessment/ids.ts';
import { database, plain, type BaselineDB, type TrashedAssessment } from './db.ts';
import type { Assessment } from '../assessment/types.ts';

export const TRASH_DAYS = 30;

type WriteTx = IDBPTransaction<BaselineDB, ('assessments' | 'answers' | 'trash')[], 'readwrite'>;

/** Inside a caller's transaction: moves an assessment and its answers into the trash. */
export async function moveToTrash(
  tx: WriteTx,
  assessmentId: string,
  reason: TrashedAssessment['reason'],
  now: Date,
): Promise<string | undefined> {
  const assessment = await tx.objectStore('assessments').get(assessmentId);
  if (!assessment) return undefined;
  const answersStore = tx.objectStore('answers');
  const keys = await answersStore.index('byAssessment').getAllKeys(assessmentId);
  const stored = await answersStore.index('byAssessment').getAll(assessmentId);
  const trashId = newId();
  await tx.objectStore('trash').put({
    trashId,
    assessment,
    answers: stored.map(({ assessmentId: _, ...answer }) => answer),
    deletedAt: now.toISOString(),
    reason,
  });
  for (const key of keys) await answersStore.delete(key);
  await tx.objectStore('assessments').delete(assessmentId);
  return trashId;
}

/** What is in the trash (deleted at or after `since`, if given), most recently deleted first. */
export async function listTrash(since?: Date): Promise<TrashedAssessment[]> {
  const range = since && IDBKeyRange.lowerBound(since.toISOString());
  const kept = await (await database()).getAllFromIndex('trash', 'byDeletedAt', range);
  return kept.reverse();
}

/**
 * Puts a trashed assessment back with its answers. If an assessment with the same id exists
 * again meanwhile (it was imported anew, or replaced by an import), the restored one comes back
 * under a new id rather than overwrite it, and under the name `nameBeside` gives it, so the two
 * are told apart in the list. Resolves to the id it was restored under.
 */
export async function restoreFromTrash(
  trashId: string,
  nameBeside: (assessment: Assessment) => string = (assessment) => assessment.name,
): Promise<string | undefined> {
  const db = await database();
  const tx = db.transaction(['assessments', 'answers', 'trash'], 'readwrite');
  const entry = await tx.objectStore('trash').get(trashId);
  if (!entry) {
    await tx.done;
    return undefined;
  }
  const taken = await tx.objectStore('assessments').get(entry.assessment.id);
  const restored = taken
    ? { ...entry.assessment, id: newId(), name: nameBeside(entry.assessment) }
    : entry.assessment;
  const id = restored.id;
  await tx.objectStore('assessments').put(plain(restored));
  for (const answer of entry.answers)
    await tx.objectStore('answers').put(plain({ ...answer, assessmentId: id }));
  await tx.objectStore('trash').delete(trashId);
  await tx.done;
  return id;
}

/** Empties trash entries deleted before `before`. */
export async function emptyTrash(before: Date): Promise<number> {
  const db = await database();
  const tx = db.transaction('trash', 'readwrite');
  const keys = await tx.store
    .index('byDeletedAt')
    .getAllKeys(IDBKeyRange.upperBound(before.toISOString(), true));
  for (const key of keys) await tx.store.delete(key);
  await tx.done;
  return keys.length;
}
