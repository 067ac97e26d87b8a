import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { DB_NAME } from '../../../src/storage/index.ts';
import { useAssessmentsStore } from '../../../src/stores/assessments.ts';

beforeEach(() => {
  setActivePinia(createPinia());
});

const databaseNames = async () => (await indexedDB.databases()).map((info) => info.name);

describe('the list before the first screen', () => {
  it('on a first visit is empty at once, and makes no database just to find nothing', async () => {
    const list = useAssessmentsStore();
    await list.firstRefresh();
    expect(list.loaded).toBe(true);
    expect(list.items).toEqual([]);
    expect(await databaseNames()).not.toContain(DB_NAME);
  });

  it("is the home screen's list as it is first shown, not read twice; a later showing reads afresh", async () => {
    const list = useAssessmentsStore();
    await list.firstRefresh();
    await list.refreshOnShow();
    expect(await databaseNames()).not.toContain(DB_NAME); // the first read found nothing; no second read
    await list.refreshOnShow();
    expect(await databaseNames()).toContain(DB_NAME);
    expect(list.items).toEqual([]);
  });

  it('on a device with assessments lists them, as a refresh does', async () => {
    const created = await useAssessmentsStore().create('National CIRT 2026', 'sample');
    setActivePinia(createPinia()); // a new page on the same device
    const list = useAssessmentsStore();
    await list.firstRefresh();
    expect(list.items.map((item) => item.assessment.id)).toEqual([created.id]);
    expect(list.items[0]?.progress).toEqual({ responded: 0, shown: 8 });
  });
});
