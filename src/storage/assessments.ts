import type { Answer, Answers, Assessment } from '../assessment/types.ts';
import { database, plain, type StoredAnswer } from './db.ts';

/** All saved assessments, most recently changed first. */
export async function listAssessments(): Promise<Assessment[]> {
  const db = await database();
  const all = await db.getAllFromIndex('assessments', 'byUpdatedAt');
  return all.reverse();
}

export async function getAssessment(id: string): Promise<Assessment | undefined> {
  return (await database()).get('assessments', id);
}

export async function putAssessment(assessment: Assessment): Promise<void> {
  await (await database()).put('assessments', plain(assessment));
}

/** Deletes an assessment and all its answers in one transaction: both go, or neither. */
export async function deleteAssessment(id: string): Promise<void> {
  const db = await database();
  const tx = db.transaction(['assessments', 'answers'], 'readwrite');
  const answers = tx.objectStore('answers');
  for (const key of await answers.index('byAssessment').getAllKeys(id)) await answers.delete(key);
  await tx.objectStore('assessments').delete(id);
  await tx.done;
}

export async function loadAnswers(assessmentId: string): Promise<Record<string, Answer>> {
  const stored = await (await database()).getAllFromIndex('answers', 'byAssessment', assessmentId);
  return Object.fromEntries(stored.map(({ assessmentId: _, ...answer }) => [answer.questionId, answer]));
}

/** Every stored answer, grouped by assessment (for the list of assessments and their progress). */
export async function loadAllAnswers(): Promise<Map<string, Answers>> {
  const byAssessment = new Map<string, Record<string, Answer>>();
  for (const { assessmentId, ...answer } of await (await database()).getAll('answers')) {
    const answers = byAssessment.get(assessmentId) ?? {};
    answers[answer.questionId] = answer;
    byAssessment.set(assessmentId, answers);
  }
  return byAssessment;
}

/**
 * Saves one answer and marks the assessment as changed, in one transaction. Resolves once the
 * write is durable in IndexedDB; rejects (and changes nothing) if it could not be written.
 */
export async function saveAnswer(assessmentId: string, answer: Answer): Promise<void> {
  const db = await database();
  const tx = db.transaction(['assessments', 'answers'], 'readwrite');
  const assessments = tx.objectStore('assessments');
  const assessment = await assessments.get(assessmentId);
  if (!assessment) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new Error(`No assessment with id "${assessmentId}"`);
  }
  const record: StoredAnswer = { ...plain(answer), assessmentId };
  await tx.objectStore('answers').put(record);
  await assessments.put({ ...assessment, updatedAt: answer.updatedAt });
  await tx.done;
}

/**
 * Changes an assessment's own fields (such as its targets or weight profile) in one
 * transaction, starting from the stored record so a concurrent answer's `updatedAt` is kept.
 * Resolves to the stored result; rejects, changing nothing, when there is no such assessment.
 */
export async function updateAssessment(
  id: string,
  change: (assessment: Assessment) => Assessment,
): Promise<Assessment> {
  const db = await database();
  const tx = db.transaction('assessments', 'readwrite');
  const current = await tx.store.get(id);
  if (!current) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new Error(`No assessment with id "${id}"`);
  }
  const next = plain(change(current));
  await tx.store.put(next);
  await tx.done;
  return next;
}
