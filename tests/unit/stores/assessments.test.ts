import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openEarly } from '../../../src/storage/db.ts';
import { closeDatabase, DB_NAME, listTrash, TRASH_DAYS } from '../../../src/storage/index.ts';
import type * as Storage from '../../../src/storage/index.ts';
import { useAssessmentsStore } from '../../../src/stores/assessments.ts';
import { readGate } from '../readGate.ts';

/** The next read of the list can be held once it has read, before it returns. */
const gate = readGate();
vi.mock('../../../src/storage/index.ts', async (original) => {
  const actual = await original<typeof Storage>();
  return { ...actual, listAssessments: async () => gate.pass(await actual.listAssessments()) };
});

/** Resolves once a message has gone round the app's channel between windows. */
function nextMessage(): Promise<void> {
  const channel = new BroadcastChannel('baseline.changes');
  return new Promise<void>((resolve) => {
    channel.onmessage = () => {
      channel.close();
      // The window's own channel, opened before this one, has had its turn by the next task.
      setTimeout(resolve, 0);
    };
  });
}

const DAY_MS = 24 * 60 * 60 * 1000;

beforeEach(() => {
  setActivePinia(createPinia());
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the trash of the list of assessments', () => {
  it('leaves out what was deleted longer ago than it keeps things, and empties it after the list is read', async () => {
    const list = useAssessmentsStore();
    const old = await list.create('National CIRT 2024', 'sample');
    const recent = await list.create('National CIRT 2026', 'sample');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - (TRASH_DAYS + 1) * DAY_MS);
    await list.remove(old.id);
    vi.useRealTimers();
    expect(list.trash.map((entry) => entry.assessment.name)).toEqual(['National CIRT 2024']);

    await list.remove(recent.id);
    expect(list.trash.map((entry) => entry.assessment.name)).toEqual(['National CIRT 2026']);
    await vi.waitFor(async () =>
      expect((await listTrash()).map((entry) => entry.assessment.name)).toEqual(['National CIRT 2026']),
    );
  });
});

describe('another window changes the list', () => {
  it('while this one reads it for the first time: it reads it again, and shows both', async () => {
    const first = useAssessmentsStore();
    await first.create('National CIRT 2024', 'sample');
    setActivePinia(createPinia()); // a second window
    const second = useAssessmentsStore();
    const held = gate.hold();
    const reading = second.refresh();
    await held.read;

    const told = nextMessage();
    await first.create('National CIRT 2026', 'sample');
    await told;
    held.release();
    await reading;

    expect(second.items.map((item) => item.assessment.name).sort()).toEqual([
      'National CIRT 2024',
      'National CIRT 2026',
    ]);
  });
});

describe('a device that has opened the database before', () => {
  function memoryStorage(): Storage {
    const items = new Map<string, string>();
    return {
      get length() {
        return items.size;
      },
      key: (index) => [...items.keys()][index] ?? null,
      getItem: (key) => items.get(key) ?? null,
      setItem: (key, value) => void items.set(key, String(value)),
      removeItem: (key) => void items.delete(key),
      clear: () => items.clear(),
    };
  }

  it('lists its assessments without asking the browser which databases it has', async () => {
    vi.stubGlobal('localStorage', memoryStorage());
    const created = await useAssessmentsStore().create('National CIRT 2026', 'sample');
    await closeDatabase();
    setActivePinia(createPinia()); // a new page on the same device
    const databases = vi.spyOn(indexedDB, 'databases');
    const list = useAssessmentsStore();
    await list.firstRefresh();
    expect(databases).not.toHaveBeenCalled();
    expect(list.items.map((item) => item.assessment.id)).toEqual([created.id]);
  });
});

describe('the database at start-up', () => {
  it('on a first visit is asked about once, early, and not made', async () => {
    const databases = vi.spyOn(indexedDB, 'databases');
    openEarly();
    const list = useAssessmentsStore();
    await list.firstRefresh();
    expect(databases).toHaveBeenCalledTimes(1);
    expect(list.items).toEqual([]);
    expect((await indexedDB.databases()).map((info) => info.name)).not.toContain(DB_NAME);
  });
});
