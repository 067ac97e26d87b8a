/**
 * Conflicts with another device waiting for a person (written by sync, see src/storage/sync.ts).
 * The assessment screen reads them on every device: on one never linked the store is empty,
 * and none of the sync code is loaded for it.
 */
import type { SyncConflict } from '../sync/core.ts';
import { recordKey } from '../sync/keys.ts';
import { announce } from './channel.ts';
import { database } from './db.ts';

export async function loadSyncConflicts(assessmentId: string): Promise<SyncConflict[]> {
  return (await database()).getAllFromIndex('syncConflicts', 'byAssessment', assessmentId);
}

/** Lets a conflict go once a person chose (sync then sends the result); tells the other windows. */
export async function dropSyncConflict(assessmentId: string, questionId: string): Promise<void> {
  await (
    await database()
  ).delete('syncConflicts', recordKey({ kind: 'answer', id: assessmentId, part: questionId }));
  announce({ kind: 'conflicts', assessmentId });
}
