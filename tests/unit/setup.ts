import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach } from 'vitest';
import { closeDatabase } from '../../src/storage/index.ts';

// Every test starts on a new, empty IndexedDB. The app keeps one connection per page, so the
// connection is dropped after the factory is swapped: work left over from the previous test
// (a timer, a message from another window) may have opened it on the old factory meanwhile.
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  await closeDatabase();
});
afterEach(closeDatabase);
