/**
 * How answers and an assessment's own fields are saved while someone works on it: in one
 * transaction each, checked against what another window may have saved meanwhile, with the
 * journal of what is being typed (`journal.ts`). Apart from `assessments.ts`, which the first
 * screen reads, since only the screens that change an assessment need this.
 */
import type { Answer, Assessment } from '../assessment/types.ts';
import { sameContent } from '../assessment/merge.ts';
import { isLater, laterOf } from '../validation/time.ts';
import { withoutOwner } from './assessments.ts';
import { database, openedDatabase, plain, type StoredAnswer } from './db.ts';
import { entriesToReplay } from './journal.ts';

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
  await assessments.put({ ...assessment, updatedAt: laterOf(assessment.updatedAt, answer.updatedAt) });
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

export type CheckedSave = { saved: true } | { saved: false; current: Answer | undefined };

/**
 * Saves one answer only if the stored one still says what `base` says (nobody else changed it
 * since this window read it); otherwise writes nothing and returns what is stored now, so the
 * caller can merge or ask. The check and the write are one transaction, so two windows cannot
 * both pass the check. The same transaction drops the window's journal entry (`journal.ts`) when
 * the answer saved is at least as new, and it is flushed to the disk before it completes.
 *
 * When the database is already open the transaction starts before this function first awaits,
 * so a save asked for in an event handler is under way before the page re-renders.
 */
export async function saveAnswerIfUnchanged(
  assessmentId: string,
  answer: Answer,
  base: Answer | undefined,
  journalTab?: string,
): Promise<CheckedSave> {
  const db = openedDatabase() ?? (await database());
  const tx = db.transaction(['assessments', 'answers', 'journal'], 'readwrite', { durability: 'strict' });
  const assessments = tx.objectStore('assessments');
  const answers = tx.objectStore('answers');
  const journal = tx.objectStore('journal');
  const [assessment, stored, journaled] = await Promise.all([
    assessments.get(assessmentId),
    answers.get([assessmentId, answer.questionId]),
    journalTab === undefined ? undefined : journal.get([assessmentId, journalTab, answer.questionId]),
  ]);
  if (!assessment) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new Error(`No assessment with id "${assessmentId}"`);
  }
  const current = stored && withoutOwner(stored);
  if (!sameContent(current, base) && !sameContent(current, answer)) {
    await tx.done;
    return { saved: false, current };
  }
  const settled = journaled !== undefined && !isLater(journaled.answer.updatedAt, answer.updatedAt);
  // Issued together: each waiting for the one before would cost a round trip to the storage each.
  await Promise.all([
    answers.put({ ...plain(answer), assessmentId }),
    assessments.put({ ...assessment, updatedAt: laterOf(assessment.updatedAt, answer.updatedAt) }),
    settled ? journal.delete([assessmentId, journaled.tab, answer.questionId]) : undefined,
    tx.done,
  ]);
  return { saved: true };
}

/**
 * Rewrites an assessment and all its answers in one transaction, from what is stored now:
 * `change` receives the stored record and answers and returns the new ones, or undefined to
 * leave everything as it is. Used to carry an assessment over to a newer questionnaire version.
 * Changes the journal holds for the assessment (a reload or a crash came before their save) are
 * part of what is stored: `change` receives them among the answers (see `entriesToReplay`), and
 * the same transaction takes them out of the journal, so none is replayed onto the new answers.
 * Resolves to the stored result, or undefined when nothing changed or there is no such assessment.
 */
export async function rewriteAssessment(
  id: string,
  change: (
    assessment: Assessment,
    answers: Answer[],
  ) => { assessment: Assessment; answers: Answer[] } | undefined,
): Promise<Assessment | undefined> {
  const db = await database();
  const tx = db.transaction(['assessments', 'answers', 'journal'], 'readwrite');
  const answers = tx.objectStore('answers');
  const journal = tx.objectStore('journal');
  const [current, stored, journaled] = await Promise.all([
    tx.objectStore('assessments').get(id),
    answers.index('byAssessment').getAll(id),
    journal.index('byAssessment').getAll(id),
  ]);
  const byQuestion = new Map(stored.map((answer) => [answer.questionId, withoutOwner(answer)]));
  for (const entry of entriesToReplay(journaled, Object.fromEntries(byQuestion)))
    byQuestion.set(entry.answer.questionId, entry.answer);
  const next = current && change(current, [...byQuestion.values()]);
  if (!next) {
    await tx.done;
    return undefined;
  }
  for (const answer of stored) await answers.delete([id, answer.questionId]);
  for (const entry of journaled) await journal.delete([id, entry.tab, entry.answer.questionId]);
  for (const answer of next.answers) await answers.put({ ...plain(answer), assessmentId: id });
  await tx.objectStore('assessments').put(plain(next.assessment));
  await tx.done;
  return next.assessment;
}
