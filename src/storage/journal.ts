/**
 * A write-ahead journal for answers being given. Every change is written at once to the
 * `journal` store of IndexedDB, in a transaction started in the same task as the change (before
 * the page re-renders); the entry is dropped by the transaction that saves the answer itself
 * (`saveAnswerIfUnchanged`). A reload, a closed tab or a crash of the browser in the moments
 * before that save therefore loses at most what was typed while one journal write was under way
 * (a few milliseconds): the next time the assessment is opened, what the journal holds is
 * written, through the same checks as any change.
 *
 * Durability: journal writes are `relaxed`: a completed transaction has been handed to the
 * operating system, which keeps it through a crash or kill of the browser, but may not yet
 * have put it on the disk. The answer's own save is `strict` (flushed to the disk before it
 * completes) and takes every earlier journal write with it, so a power cut can lose only what
 * was typed since the last answer save (a pause in typing, or a click).
 *
 * The journal used to live in localStorage (which Chromium writes to disk lazily); entries left
 * there by an earlier version are still read once.
 */
import type { Answer } from '../assessment/types.ts';
import { sameContent } from '../assessment/merge.ts';
import { isLater } from '../validation/time.ts';
import { database, openedDatabase, type BaselineDB } from './db.ts';
import type { JournalEntry } from './records.ts';
import type { IDBPDatabase } from 'idb';

export type { JournalEntry } from './records.ts';

/** Relaxed: kept through a browser crash; the answer's strict save flushes it to the disk. */
export const JOURNAL_DURABILITY: IDBTransactionOptions = { durability: 'relaxed' };

/** The journal of one window: records changes, writing at most one transaction at a time. */
export function createJournal(tab: string) {
  /** Entries waiting for the write under way to finish: only the latest per question is kept. */
  const waiting = new Map<string, JournalEntry>();
  /** The write under way, if any: settles when its transaction has completed or failed. */
  let current: Promise<void> | undefined;
  /** Settles when the write that will carry the waiting entries has. */
  let following: { promise: Promise<void>; resolve: () => void } | undefined;

  function write(db: IDBPDatabase<BaselineDB>): Promise<void> {
    const entries = [...waiting.values()];
    waiting.clear();
    let done: Promise<void>;
    try {
      const tx = db.transaction('journal', 'readwrite', JOURNAL_DURABILITY);
      for (const entry of entries) void tx.store.put(entry).catch(() => undefined);
      // Commit now, not once this page has seen each put succeed: the page may be busy drawing
      // what the change shows, and the entry must not wait for it.
      commitNow(tx);
      done = tx.done;
    } catch (error) {
      done = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    // Full or closing: the answer's own save reports the failure; nothing more to do here.
    return done.catch(() => undefined);
  }

  function start(): void {
    const carried = following;
    following = undefined;
    const db = openedDatabase();
    const writing = db
      ? write(db)
      : database().then(write, () => {
          waiting.clear();
        });
    current = writing.then(() => {
      current = undefined;
      carried?.resolve();
      if (waiting.size > 0) start();
      else settleFollowing();
    });
  }

  /** Nothing is left to write (the waiting entries were forgotten): whoever waits may go on. */
  function settleFollowing(): void {
    following?.resolve();
    following = undefined;
  }

  /** Journals a change; the write starts now unless one is under way (then it follows it). */
  function record(entry: Omit<JournalEntry, 'tab'>): void {
    waiting.set(entry.answer.questionId, { ...plainEntry(entry), tab });
    if (!current) start();
  }

  /**
   * When every change recorded so far is written (or its write failed), or `undefined` when
   * nothing is under way. Work that can wait (drawing what a change reveals) waits for it, so
   * the entry is not held up behind it.
   */
  function written(): Promise<void> | undefined {
    if (waiting.size === 0) return current;
    if (!following) {
      let resolve!: () => void;
      const promise = new Promise<void>((settle) => {
        resolve = settle;
      });
      following = { promise, resolve };
    }
    return following.promise;
  }

  /** Drops the entry whatever it holds (the person chose another window's answer). */
  async function forget(assessmentId: string, questionId: string): Promise<void> {
    waiting.delete(questionId);
    if (waiting.size === 0 && !current) settleFollowing();
    try {
      await (await database()).delete('journal', [assessmentId, tab, questionId]);
    } catch {
      // An entry left behind is older than the answer chosen, and is dropped when read.
    }
  }

  return { record, forget, written, tab };
}

/**
 * What a reopened assessment must write again: for each question, the newest entry of any
 * window, unless the stored answer says the same or is newer (then the entry was overtaken,
 * not in conflict, and is dropped). The entries taken are rewritten as this window's, and the
 * others deleted, in one transaction, so no entry is lost between the two.
 */
export async function adoptJournal(
  assessmentId: string,
  tab: string,
  stored: Readonly<Record<string, Answer>>,
): Promise<JournalEntry[]> {
  const legacy = takeLegacyJournal(assessmentId);
  const db = await database();
  const tx = db.transaction('journal', 'readwrite', JOURNAL_DURABILITY);
  const entries = [...legacy, ...(await tx.store.index('byAssessment').getAll(assessmentId))];
  const replay = entriesToReplay(entries, stored).map((entry) => ({ ...entry, tab }));
  for (const entry of entries) void tx.store.delete([entry.assessmentId, entry.tab, entry.answer.questionId]);
  for (const entry of replay) void tx.store.put(entry);
  await tx.done;
  return replay;
}

/** The newest entry per question, where it is newer than the stored answer and says something else. */
export function entriesToReplay(
  entries: readonly JournalEntry[],
  stored: Readonly<Record<string, Answer>>,
): JournalEntry[] {
  const newest = new Map<string, JournalEntry>();
  for (const entry of entries) {
    const questionId = entry.answer.questionId;
    const current = newest.get(questionId);
    if (!current || isLater(entry.answer.updatedAt, current.answer.updatedAt)) newest.set(questionId, entry);
  }
  return [...newest.values()].filter((entry) => {
    const saved = stored[entry.answer.questionId];
    if (!saved) return true;
    return !sameContent(saved, entry.answer) && isLater(entry.answer.updatedAt, saved.updatedAt);
  });
}

/** Forgets every journal entry of an assessment (it was deleted). */
export async function dropJournal(assessmentId: string): Promise<void> {
  takeLegacyJournal(assessmentId);
  const db = await database();
  const tx = db.transaction('journal', 'readwrite', JOURNAL_DURABILITY);
  const keys = await tx.store.index('byAssessment').getAllKeys(assessmentId);
  for (const key of keys) void tx.store.delete(key);
  await tx.done;
}

/** `IDBTransaction.commit()` where the browser has it (every current one; not every test double). */
function commitNow(tx: { commit?: () => void }): void {
  if (typeof tx.commit === 'function') tx.commit();
}

function plainEntry(entry: Omit<JournalEntry, 'tab'>): Omit<JournalEntry, 'tab'> {
  return JSON.parse(JSON.stringify(entry)) as Omit<JournalEntry, 'tab'>;
}

const LEGACY_PREFIX = 'baseline.journal';

/** Entries an earlier version left in localStorage for this assessment, removed as they are read. */
function takeLegacyJournal(assessmentId: string): JournalEntry[] {
  let store: Storage | undefined;
  try {
    store = globalThis.localStorage;
  } catch {
    return [];
  }
  if (!store) return [];
  const prefix = `${LEGACY_PREFIX}\u001f${assessmentId}\u001f`;
  const entries: JournalEntry[] = [];
  try {
    const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter(
      (key): key is string => key?.startsWith(prefix) ?? false,
    );
    for (const key of keys) {
      const entry = legacyEntry(store.getItem(key), key.split('\u001f')[2] ?? 'legacy');
      store.removeItem(key);
      if (entry && entry.assessmentId === assessmentId) entries.push(entry);
    }
  } catch {
    return entries;
  }
  return entries;
}

function legacyEntry(text: string | null, tab: string): JournalEntry | undefined {
  if (!text) return undefined;
  try {
    const entry = JSON.parse(text) as Partial<JournalEntry> | null;
    const answer = entry?.answer;
    return entry && typeof entry.assessmentId === 'string' && answer && typeof answer.questionId === 'string'
      ? { assessmentId: entry.assessmentId, tab, answer, base: entry.base }
      : undefined;
  } catch {
    return undefined;
  }
}
