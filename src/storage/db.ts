/**
 * The one IndexedDB database of the app. Every other module goes through the functions of
 * this folder; nothing else opens the database or knows its stores.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Answer, Assessment } from '../assessment/types.ts';
import type { WeightProfile } from '../profiles/schema.ts';
import type { AddedQuestionnaire } from './questionnaires.ts';
import type { StoredSubmission, StoredWorkshop } from './workshops.ts';

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
  /** Questionnaires added on this device (the built-in ones ship with the app), one version per id. */
  addedQuestionnaires: { key: string; value: AddedQuestionnaire };
}

type UpgradeStep = (
  db: IDBPDatabase<BaselineDB>,
  transaction: IDBPTransaction<BaselineDB, StoreNames<BaselineDB>[], 'versionchange'>,
) => void;

/**
 * Cumulative upgrade steps: the step at index n takes a database from version n to n + 1.
 * A user on any older version runs every step after theirs, in order, so a later change only
 * appends a step here and never edits an earlier one.
 */
const UPGRADES: readonly UpgradeStep[] = [
  (db) => {
    db.createObjectStore('assessments', { keyPath: 'id' }).createIndex('byUpdatedAt', 'updatedAt');
    // One record per answer, so saving one answer never rewrites (or races with) the others.
    db.createObjectStore('answers', { keyPath: ['assessmentId', 'questionId'] }).createIndex(
      'byAssessment',
      'assessmentId',
    );
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
    db.createObjectStore('submissions', { keyPath: ['workshopId', 'participantId'] }).createIndex(
      'byWorkshop',
      'workshopId',
    );
  },
  // Version 5: questionnaires added on this device from a file.
  (db) => {
    db.createObjectStore('addedQuestionnaires', { keyPath: 'id' });
  },
];

export const DB_VERSION = UPGRADES.length;

let opening: Promise<IDBPDatabase<BaselineDB>> | undefined;

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
    },
    terminated() {
      opening = undefined;
    },
  });
  const attempt = opening;
  attempt.catch(() => {
    if (opening === attempt) opening = undefined;
  });
  return attempt;
}

/** Closes the connection (tests, and before deleting the database). */
export async function closeDatabase(): Promise<void> {
  const current = opening;
  opening = undefined;
  if (current) (await current).close();
}

/**
 * A plain, structured-clonable copy of JSON-shaped data. Objects that come from Vue state are
 * reactive proxies, which IndexedDB refuses to clone; JSON reads through the proxy.
 */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
