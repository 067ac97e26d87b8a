/**
 * A write-ahead journal for answers being typed. Every change is copied at once, synchronously,
 * into localStorage; the copy is dropped once IndexedDB has the answer. A reload, a closed tab
 * or a crash in the moments before the write therefore loses nothing: the next time the
 * assessment is opened, what the journal still holds is written (through the same checks as
 * any change, so it never overwrites a newer answer from another window unasked).
 *
 * localStorage may be missing or full; the journal is then silently not kept, and the app works
 * as before (the answer still goes to IndexedDB a moment later).
 */
import type { Answer } from '../assessment/types.ts';

const PREFIX = 'baseline.journal';

export interface JournalEntry {
  assessmentId: string;
  /** The answer as this window last changed it. */
  answer: Answer;
  /** The stored answer it was based on (for the merge, if someone else changed it meanwhile). */
  base: Answer | undefined;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

const keyOf = (tab: string, assessmentId: string, questionId: string) =>
  `${PREFIX}\u001f${assessmentId}\u001f${tab}\u001f${questionId}`;

export function createJournal(tab: string) {
  function record(entry: JournalEntry): void {
    try {
      storage()?.setItem(keyOf(tab, entry.assessmentId, entry.answer.questionId), JSON.stringify(entry));
    } catch {
      // Full or blocked: IndexedDB still gets the answer after the pause.
    }
  }

  /** Drops the entry once `written` (or something newer) is stored. */
  function settle(assessmentId: string, written: Answer): void {
    const key = keyOf(tab, assessmentId, written.questionId);
    try {
      const entry = read(storage()?.getItem(key));
      if (entry && entry.answer.updatedAt <= written.updatedAt) storage()?.removeItem(key);
    } catch {
      // Nothing to do: an entry left behind is replayed harmlessly (it matches what is stored).
    }
  }

  /** Drops the entry whatever it holds (the person chose another window's answer). */
  function forget(assessmentId: string, questionId: string): void {
    try {
      storage()?.removeItem(keyOf(tab, assessmentId, questionId));
    } catch {
      // Blocked storage has no entry to drop.
    }
  }

  return { record, settle, forget };
}

function read(text: string | null | undefined): JournalEntry | undefined {
  if (!text) return undefined;
  try {
    const entry = JSON.parse(text) as JournalEntry;
    return entry && typeof entry === 'object' && entry.answer && typeof entry.answer.questionId === 'string'
      ? entry
      : undefined;
  } catch {
    return undefined;
  }
}

/** Every journal entry for one assessment, from any window, removing them as they are taken. */
export function takeJournal(assessmentId: string): JournalEntry[] {
  const store = storage();
  if (!store) return [];
  const prefix = `${PREFIX}\u001f${assessmentId}\u001f`;
  const entries: JournalEntry[] = [];
  try {
    const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter(
      (key): key is string => key?.startsWith(prefix) ?? false,
    );
    for (const key of keys) {
      const entry = read(store.getItem(key));
      store.removeItem(key);
      if (entry && entry.assessmentId === assessmentId) entries.push(entry);
    }
  } catch {
    return entries;
  }
  return entries;
}

/** Forgets every journal entry of an assessment (it was deleted). */
export function dropJournal(assessmentId: string): void {
  takeJournal(assessmentId);
}
