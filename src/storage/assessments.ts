/**
 * The saved assessments and their answers, as the list and a screen opening one read them, and
 * the record's own writes. How answers are saved while someone answers is `saving.ts`, apart, so
 * that the first screen does not carry it.
 */
import type { Answer, Answers, Assessment } from '../assessment/types.ts';
import { database, plain, type StoredAnswer } from './db.ts';
import { moveToTrash } from './trash.ts';
import { compareInstants } from '../validation/time.ts';

/** All saved assessments, most recently changed first. */
export async function listAssessments(): Promise<Assessment[]> {
  const db = await database();
  // By instant: an imported file may write its times with another offset than this device's.
  const all = await db.getAll('assessments');
  return all.sort((a, b) => compareInstants(b.updatedAt, a.updatedAt));
}

export async function getAssessment(id: string): Promise<Assessment | undefined> {
  return (await database()).get('assessments', id);
}

export async function putAssessment(assessment: Assessment): Promise<void> {
  await (await database()).put('assessments', plain(assessment));
}

/**
 * Takes an assessment and all its answers out of the list, in one transaction, into the trash
 * (see `trash.ts`), from where it can be restored. Resolves to the trash entry's id.
 */
export async function deleteAssessment(id: string): Promise<string | undefined> {
  const db = await database();
  const tx = db.transaction(['assessments', 'answers', 'trash'], 'readwrite');
  const trashId = await moveToTrash(tx, id, 'deleted', new Date());
  await tx.done;
  return trashId;
}

/** One stored answer, or undefined when the question has never been answered. */
export async function loadAnswer(assessmentId: string, questionId: string): Promise<Answer | undefined> {
  const stored = await (await database()).get('answers', [assessmentId, questionId]);
  return stored && withoutOwner(stored);
}

/** A stored answer without the assessment it belongs to (the key it is stored under). */
export const withoutOwner = ({ assessmentId: _, ...answer }: StoredAnswer): Answer => answer;

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
