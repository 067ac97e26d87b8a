import { defineStore } from 'pinia';
import { ref } from 'vue';
import {
  deleteWorkshop,
  listSubmissions,
  listWorkshops,
  putWorkshop,
  type StoredWorkshop,
} from '../storage/index.ts';
import { generateKeyPair } from '../workshop/seal.ts';
import { createSetup, type SetupInput } from '../workshop/setup.ts';

export interface WorkshopListItem {
  workshop: StoredWorkshop;
  received: number;
}

/** The workshops this device runs as facilitator. */
export const useWorkshopsStore = defineStore('workshops', () => {
  const items = ref<WorkshopListItem[]>([]);
  const loaded = ref(false);

  async function refresh(): Promise<void> {
    const workshops = await listWorkshops();
    items.value = await Promise.all(
      workshops.map(async (workshop) => ({
        workshop,
        received: (await listSubmissions(workshop.id)).length,
      })),
    );
    loaded.value = true;
  }

  /** Sets up a workshop; with `seal`, makes the key pair whose public half goes into the set-up. */
  async function create(input: Omit<SetupInput, 'sealTo'>, { seal = false } = {}): Promise<StoredWorkshop> {
    const keys = seal ? generateKeyPair() : undefined;
    const now = new Date();
    const setup = createSetup(keys ? { ...input, sealTo: keys.publicKey } : input, now);
    const workshop: StoredWorkshop = {
      id: setup.id,
      setup,
      createdAt: setup.createdAt,
      updatedAt: setup.createdAt,
    };
    if (keys) workshop.secretKey = keys.secretKey;
    await putWorkshop(workshop);
    await refresh();
    return workshop;
  }

  async function remove(id: string): Promise<void> {
    await deleteWorkshop(id);
    await refresh();
  }

  return { items, loaded, refresh, create, remove };
});
