import type { ImportWrite } from '../transfer/plan.ts';
import { database, plain } from './db.ts';
import { moveToTrash } from './trash.ts';

/**
 * Writes an import in one transaction: every chosen assessment with its answers, or nothing
 * (a full disk or any other failure aborts it all). An assessment it replaces goes to the
 * trash first, so the replacement can be undone.
 */
export async function storeImport(writes: readonly ImportWrite[], now: Date): Promise<void> {
  const db = await database();
  const tx = db.transaction(['assessments', 'answers', 'trash'], 'readwrite');
  try {
    for (const { assessment, answers, replaces } of writes) {
      const existing = await tx.objectStore('assessments').get(assessment.id);
      if (existing && !replaces) throw new Error(`An assessment with id "${assessment.id}" exists already`);
      if (existing) await moveToTrash(tx, assessment.id, 'replaced', now);
      await tx.objectStore('assessments').put(plain(assessment));
      for (const answer of answers)
        await tx.objectStore('answers').put(plain({ ...answer, assessmentId: assessment.id }));
    }
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request.
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
  await tx.done;
}
