/**
 * Changes to an assessment's own fields (name, targets, weight profile…), written ahead.
 * `updateAssessment` applies a change to the stored record in one transaction, so a field
 * another window changed meanwhile is kept; but that transaction reads the record, and writes
 * it only in a later task, once the read has come back. A reload in between ends the
 * transaction with the read alone, and the change was lost. So, in the same task as the change,
 * what it sets and removes is written to localStorage (synchronous: it is there for the page
 * that comes after a reload, or after a crash of the tab), and dropped once the transaction
 * that applies it has completed. An assessment being opened first applies what is left, through
 * the same transaction, so it is shown with the change.
 *
 * localStorage rather than the database: an IndexedDB write is asynchronous too, and a store of
 * its own would need a new database version. Chromium writes localStorage to the disk lazily,
 * so a crash of the whole browser can still lose a change made in its last seconds; where it
 * refuses (some private modes, a full quota), a change is only as safe as its transaction.
 */
import type { Assessment } from '../assessment/types.ts';
import { fieldChange, withFieldChange, type FieldChange } from '../assessment/fieldChange.ts';
import { newId } from '../assessment/ids.ts';
import { compareInstants } from '../validation/time.ts';
import { getAssessment } from './assessments.ts';
import { updateAssessment } from './saving.ts';
import { withLocalStorage } from './localStorage.ts';

/** A change written ahead: by which window (its journal tab), and when. */
export interface PendingChange extends FieldChange {
  assessmentId: string;
  tab: string;
  at: string;
}

const PREFIX = 'baseline.assessmentChange';

/**
 * Changes the assessment `before` (as this window shows it) to `after`, on the stored record:
 * `change` is applied to what is stored, in one transaction (see `updateAssessment`). The
 * change is written ahead before this function first awaits. Resolves to the stored result.
 */
export async function changeAssessmentAhead(
  tab: string,
  before: Assessment,
  after: Assessment,
  change: (assessment: Assessment) => Assessment,
): Promise<Assessment> {
  const key = writeAhead(tab, before, after);
  // A failed update keeps what was written ahead: it is applied when the assessment is next opened.
  const stored = await updateAssessment(before.id, change);
  if (key) withLocalStorage((storage) => storage.removeItem(key));
  return stored;
}

/** The changes to an assessment written ahead and not yet applied, oldest first. */
export function pendingChanges(assessmentId: string): PendingChange[] {
  return pendingEntries(assessmentId).map(([, change]) => change);
}

/**
 * Applies the changes a reload or a crash left written ahead, oldest first, in one transaction,
 * then forgets them. Resolves to the stored result, or undefined when none was left.
 */
export async function applyPendingChanges(assessmentId: string): Promise<Assessment | undefined> {
  const entries = pendingEntries(assessmentId);
  if (entries.length === 0) return undefined;
  const forget = () => withLocalStorage((storage) => entries.forEach(([key]) => storage.removeItem(key)));
  // Deleted since: nothing to apply them to (a failed update otherwise leaves them for next time).
  if (!(await getAssessment(assessmentId))) {
    forget();
    return undefined;
  }
  const stored = await updateAssessment(assessmentId, (current) =>
    entries.reduce((next, [, change]) => withFieldChange(next, change), current),
  );
  forget();
  return stored;
}

/** Writes what the change sets and removes; resolves to its key, or undefined if nothing was written. */
function writeAhead(tab: string, before: Assessment, after: Assessment): string | undefined {
  const fields = fieldChange(before, after);
  if (!fields) return undefined;
  const pending: PendingChange = { ...fields, assessmentId: before.id, tab, at: new Date().toISOString() };
  // A key of its own per change: the first change's completion must not drop a later one.
  const key = `${PREFIX}\u001f${before.id}\u001f${newId()}`;
  return withLocalStorage((storage) => {
    storage.setItem(key, JSON.stringify(pending));
    return key;
  });
}

function pendingEntries(assessmentId: string): [string, PendingChange][] {
  const prefix = `${PREFIX}\u001f${assessmentId}\u001f`;
  const entries =
    withLocalStorage((storage) =>
      Array.from({ length: storage.length }, (_, i) => storage.key(i))
        .filter((key): key is string => key?.startsWith(prefix) ?? false)
        .flatMap((key): [string, PendingChange][] => {
          const change = pendingChange(storage.getItem(key), assessmentId);
          return change ? [[key, change]] : [];
        }),
    ) ?? [];
  return entries.sort(([, a], [, b]) => compareInstants(a.at, b.at));
}

function pendingChange(text: string | null, assessmentId: string): PendingChange | undefined {
  try {
    const change = JSON.parse(text ?? 'null') as Partial<PendingChange> | null;
    return change?.assessmentId === assessmentId &&
      typeof change.at === 'string' &&
      change.set !== null &&
      typeof change.set === 'object' &&
      Array.isArray(change.removed)
      ? (change as PendingChange)
      : undefined;
  } catch {
    return undefined;
  }
}
