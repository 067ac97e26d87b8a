/**
 * The one IndexedDB database of the app. Every other module goes through the functions of
 * this folder; nothing else opens the database or knows its stores.
 */
import {
  openDB,
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  type IndexNames,
  type StoreNames,
  type StoreValue,
} from 'idb';
import type { Answer, Assessment } from '../assessment/types.ts';
import type { WeightProfile } from '../profiles/schema.ts';
import type { AddedQuestionnaire, JournalEntry, StoredSubmission, StoredWorkshop } from './records.ts';
import type { SyncBase, SyncConflict } from '../sync/core.ts';
import { withLocalStorage } from './localStorage.ts';

export const DB_NAME = 'baseline';

export interface StoredAnswer extends Answer {
  assessmentId: string;
}

/** An assessment taken out of the list (deleted, or replaced by an import), kept so it can be restored. */
export interface TrashedAssessment {
  trashId: string;
  assessment: Assessment;
  answers: Answer[];
  deletedAt: string;
  reason: 'deleted' | 'replaced';
}

export interface BaselineDB extends DBSchema {
  assessments: { key: string; value: Assessment; indexes: { byUpdatedAt: string } };
  answers: { key: [string, string]; value: StoredAnswer; indexes: { byAssessment: string } };
  /** Weight profiles made or imported on this device (the built-in ones ship with the app). */
  weightProfiles: { key: string; value: WeightProfile };
  trash: { key: string; value: TrashedAssessment; indexes: { byDeletedAt: string } };
  /** Workshops this device runs as facilitator (set-up, key, consensus draft). */
  workshops: { key: string; value: StoredWorkshop; indexes: { byUpdatedAt: string } };
  /** Participants' answers received by the facilitator, one record per participant. */
  submissions: { key: [string, string]; value: StoredSubmission; indexes: { byWorkshop: string } };
  /** Answers being typed, written on every change until the answer itself is saved (`journal.ts`). */
  journal: { key: [string, string, string]; value: JournalEntry; indexes: { byAssessment: string } };
  /** Per synced record, the server's version this device last had (see src/sync/core.ts). */
  syncBases: { key: string; value: SyncBase & { key: string } };
  /** Answers changed here and on another device, waiting for a person. */
  syncConflicts: { key: string; value: SyncConflict & { key: string }; indexes: { byAssessment: string } };
  /** Changes the server refused (not allowed, not valid), not sent again until they change. */
  syncRefused: { key: string; value: { key: string; status: string; message?: string; value: unknown } };
  /** The link to the server of record, the checkpoint, and the batch being sent. */
  syncState: { key: string; value: { name: string; value: unknown } };
  /** Questionnaires added on this device (the built-in ones ship with the app), one version per id. */
  addedQuestionnaires: { key: string; value: AddedQuestionnaire };
}

type UpgradeStep = (
  db: IDBPDatabase<BaselineDB>,
  transaction: IDBPTransaction<BaselineDB, StoreNames<BaselineDB>[], 'versionchange'>,
) => void;

/**
 * A store of records that each belong to one owner (an assessment, a workshop), keyed by the
 * owner's id first, with an index on it so all of one owner's records are read at once.
 */
function ownedStore<Name extends 'answers' | 'submissions' | 'journal'>(
  db: IDBPDatabase<BaselineDB>,
  name: Name,
  keyPath: [string, ...string[]],
  index: IndexNames<BaselineDB, Name>,
): void {
  db.createObjectStore(name, { keyPath }).createIndex(index, keyPath[0]);
}

/**
 * Cumulative upgrade steps: the step at index n takes a database from version n to n + 1.
 * A user on any older version runs every step after theirs, in order, so a later change only
 * appends a step here and never edits an earlier one.
 */
const UPGRADES: readonly UpgradeStep[] = [
  (db) => {
    db.createObjectStore('assessments', { keyPath: 'id' }).createIndex('byUpdatedAt', 'updatedAt');
    // One record per answer, so saving one answer never rewrites (or races with) the others.
    ownedStore(db, 'answers', ['assessmentId', 'questionId'], 'byAssessment');
  },
  // Version 2: weight profiles made or imported on this device.
  (db) => {
    db.createObjectStore('weightProfiles', { keyPath: 'id' });
  },
  // Version 3: deleted (and import-replaced) assessments are kept in a trash, so they can be restored.
  (db) => {
    db.createObjectStore('trash', { keyPath: 'trashId' }).createIndex('byDeletedAt', 'deletedAt');
  },
  // Version 4: the facilitator's workshops and the answers received for them.
  (db) => {
    db.createObjectStore('workshops', { keyPath: 'id' }).createIndex('byUpdatedAt', 'updatedAt');
    ownedStore(db, 'submissions', ['workshopId', 'participantId'], 'byWorkshop');
  },
  // Version 5: the journal of answers being typed moves here from localStorage, which Chromium
  // writes to disk lazily (a crash lost up to the last seconds of typing).
  (db) => {
    ownedStore(db, 'journal', ['assessmentId', 'tab', 'answer.questionId'], 'byAssessment');
  },
  // Version 6: what a device linked to a server of record keeps to sync (empty on others).
  (db) => {
    db.createObjectStore('syncBases', { keyPath: 'key' });
    db.createObjectStore('syncConflicts', { keyPath: 'key' }).createIndex('byAssessment', 'assessmentId');
    db.createObjectStore('syncRefused', { keyPath: 'key' });
    db.createObjectStore('syncState', { keyPath: 'name' });
  },
  // Version 7: questionnaires added on this device from a file.
  (db) => {
    db.createObjectStore('addedQuestionnaires', { keyPath: 'id' });
  },
];

export const DB_VERSION = UPGRADES.length;

let opening: Promise<IDBPDatabase<BaselineDB>> | undefined;
/** The connection once open, for code that must start a transaction in the same task (see `journal.ts`). */
let opened: IDBPDatabase<BaselineDB> | undefined;

/** Opens the database on first use and keeps the connection for the life of the page. */
export function database(): Promise<IDBPDatabase<BaselineDB>> {
  opening ??= openDB<BaselineDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      for (const step of UPGRADES.slice(oldVersion)) step(db, transaction);
    },
    blocking(_current, _blocked, event) {
      // A newer version of the app opened in another tab needs to upgrade: step aside.
      (event.target as IDBDatabase).close();
      opening = undefined;
      opened = undefined;
    },
    terminated() {
      opening = undefined;
      opened = undefined;
    },
  });
  const attempt = opening;
  attempt.then(
    (db) => {
      if (opening === attempt) opened = db;
      rememberOpened();
    },
    () => {
      if (opening === attempt) opening = undefined;
    },
  );
  return attempt;
}

/**
 * Remembered once this device has opened the database: asking the browser which databases it
 * has takes longer (10 to 25 ms at start-up) than opening this one. Wrong only if the database
 * alone was deleted, and then the cost is a database made empty, as on a first save.
 */
const OPENED_KEY = 'baseline.databaseOpened';

function rememberOpened(): void {
  withLocalStorage((storage) => {
    if (storage.getItem(OPENED_KEY) === null) storage.setItem(OPENED_KEY, '1');
  });
}

const openedBefore = () => withLocalStorage((storage) => storage.getItem(OPENED_KEY) !== null);

/** Whether the browser has the database; one that cannot say is taken to have it. */
async function askBrowser(): Promise<boolean> {
  if (!('databases' in indexedDB)) return true;
  return (await indexedDB.databases()).some((info) => info.name === DB_NAME);
}

/** The browser's answer, asked at start-up on a device that has not opened the database before. */
let askedEarly: Promise<boolean> | undefined;

/**
 * At start-up (`src/firstRequests.ts`), before the rest of the app has arrived: every first
 * screen reads the database, so a device that has one opens it now; on another, the browser is
 * asked whether it has it, so that the answer is there when the first screen asks. Never makes
 * one; a failure is met again, and reported, by the first read.
 */
export function openEarly(): void {
  if (openedBefore()) database().catch(() => undefined);
  else askedEarly = askBrowser().catch(() => true);
}

/** Whether this device has the database yet (a first visit has not, and so nothing to read). */
export function databaseExists(): Promise<boolean> {
  if (opening || openedBefore()) return Promise.resolve(true);
  const answer = askedEarly ?? askBrowser();
  askedEarly = undefined;
  return answer;
}

/**
 * The open connection, or undefined before the first `database()` has resolved. A transaction
 * started on it in an event handler is queued before the page re-renders, so the browser's
 * storage works while the page draws.
 */
export function openedDatabase(): IDBPDatabase<BaselineDB> | undefined {
  return opened;
}

/** Closes the connection (tests, and before deleting the database). */
export async function closeDatabase(): Promise<void> {
  const current = opening;
  opening = undefined;
  opened = undefined;
  if (current) (await current).close();
}

/**
 * A plain, structured-clonable copy of JSON-shaped data. Objects that come from Vue state are
 * reactive proxies, which IndexedDB refuses to clone; JSON reads through the proxy.
 */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Stores whose records are kept whole under their own `id`, nothing else pointing at them. */
type WholeRecordStore = 'weightProfiles' | 'addedQuestionnaires';

/** Listing (in order of id), keeping (replacing the record with the same id) and removing one record. */
export function wholeRecords<Name extends WholeRecordStore>(store: Name) {
  type Value = StoreValue<BaselineDB, Name>;
  return {
    list: async (): Promise<Value[]> => (await database()).getAll(store),
    put: async (record: Value): Promise<void> => void (await (await database()).put(store, plain(record))),
    remove: async (id: string): Promise<void> => (await database()).delete(store, id),
  };
}
