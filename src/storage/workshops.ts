/** The facilitator's workshops and the participants' answers received for them. */
import type { Answer, Assessment } from '../assessment/types.ts';
import { database, plain, type StoredAnswer } from './db.ts';
import type { StoredSubmission, StoredWorkshop } from './records.ts';

export type { StoredSubmission, StoredWorkshop } from './records.ts';

/** Workshops, most recently changed first. */
export async function listWorkshops(): Promise<StoredWorkshop[]> {
  return (await (await database()).getAllFromIndex('workshops', 'byUpdatedAt')).reverse();
}

export async function getWorkshop(id: string): Promise<StoredWorkshop | undefined> {
  return (await database()).get('workshops', id);
}

export async function putWorkshop(workshop: StoredWorkshop): Promise<void> {
  await (await database()).put('workshops', plain(workshop));
}

/** Deletes a workshop and every answer received for it, together. */
export async function deleteWorkshop(id: string): Promise<void> {
  const db = await database();
  const tx = db.transaction(['workshops', 'submissions'], 'readwrite');
  const submissions = tx.objectStore('submissions');
  for (const key of await submissions.index('byWorkshop').getAllKeys(id)) await submissions.delete(key);
  await tx.objectStore('workshops').delete(id);
  await tx.done;
}

export async function listSubmissions(workshopId: string): Promise<StoredSubmission[]> {
  return (await database()).getAllFromIndex('submissions', 'byWorkshop', workshopId);
}

export async function putSubmission(submission: StoredSubmission): Promise<void> {
  await (await database()).put('submissions', plain(submission));
}

export async function deleteSubmission(workshopId: string, participantId: string): Promise<void> {
  await (await database()).delete('submissions', [workshopId, participantId]);
}

/**
 * Writes the consensus assessment with all its answers, replacing any answers it had, and
 * records it on the workshop: all in one transaction, so a half-written consensus never exists.
 */
export async function saveConsensusAssessment(
  workshopId: string,
  assessment: Assessment,
  answers: Record<string, Answer>,
): Promise<void> {
  const db = await database();
  const tx = db.transaction(['workshops', 'assessments', 'answers'], 'readwrite');
  const workshop = await tx.objectStore('workshops').get(workshopId);
  if (!workshop) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new Error(`No workshop with id "${workshopId}"`);
  }
  const store = tx.objectStore('answers');
  for (const key of await store.index('byAssessment').getAllKeys(assessment.id)) await store.delete(key);
  for (const answer of Object.values(answers)) {
    const record: StoredAnswer = { ...plain(answer), assessmentId: assessment.id };
    await store.put(record);
  }
  await tx.objectStore('assessments').put(plain(assessment));
  await tx
    .objectStore('workshops')
    .put({ ...workshop, consensusAssessmentId: assessment.id, updatedAt: assessment.updatedAt });
  await tx.done;
}
