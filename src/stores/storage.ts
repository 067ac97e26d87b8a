import { defineStore } from 'pinia';
import { ref } from 'vue';
import { requestPersistence, storageStatus, type StorageStatus } from '../storage/index.ts';

/** Whether an error means the disk is full ('quota'), for screens that say so. */
export { storageErrorKind } from '../storage/index.ts';

/** Whether the browser keeps the data for good, and how much space it takes. */
export const useStorageStore = defineStore('storage', () => {
  const status = ref<StorageStatus>();

  async function refresh(): Promise<void> {
    status.value = await storageStatus();
  }

  /** Asks the browser to keep the data until the person deletes it. */
  async function persist(): Promise<boolean | undefined> {
    const granted = await requestPersistence();
    await refresh();
    return granted;
  }

  return { status, refresh, persist };
});
