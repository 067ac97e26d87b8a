/**
 * Databases as earlier versions of the app left them. Each `tests/fixtures/db/vN.json` describes
 * the stores, indexes and records of schema version N; `buildDatabase` recreates it with raw
 * IndexedDB (not with the app's upgrade code, which is what is under test). A release that adds
 * an upgrade step adds the fixture of the version before it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../scripts/lib/questionnaires.ts';

export interface StoreFixture {
  keyPath: string | string[];
  indexes: Record<string, { keyPath: string | string[]; unique?: boolean }>;
  records: unknown[];
}

export interface DatabaseFixture {
  version: number;
  description: string;
  stores: Record<string, StoreFixture>;
}

const DIR = join(ROOT, 'tests', 'fixtures', 'db');

export function databaseFixtures(): DatabaseFixture[] {
  return readdirSync(DIR)
    .filter((name) => /^v\d+\.json$/.test(name))
    .map((name) => JSON.parse(readFileSync(join(DIR, name), 'utf8')) as DatabaseFixture)
    .sort((a, b) => a.version - b.version);
}

export function buildDatabase(name: string, fixture: DatabaseFixture): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, fixture.version);
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const [storeName, store] of Object.entries(fixture.stores)) {
        const objectStore = db.createObjectStore(storeName, { keyPath: store.keyPath });
        for (const [indexName, index] of Object.entries(store.indexes)) {
          objectStore.createIndex(indexName, index.keyPath, { unique: index.unique ?? false });
        }
        for (const record of store.records) objectStore.add(record);
      }
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error ?? new Error('could not build the fixture database'));
  });
}
