import type { Ref } from 'vue';
import type { LoadState } from './loadState.ts';

/** What a store that opens one record at a time (an assessment, a workshop) gives `startOpening`. */
export interface Opening {
  state: Ref<LoadState>;
  /** The id of the record open now, if any. */
  openId: string | undefined;
  /** Saves what is still waiting to be written for the record open now. */
  flush: () => Promise<void>;
}

/**
 * The first steps of opening record `id`, the same for every such store: nothing when it is
 * already open, else the last record's pending writes saved, then the record read. Undefined
 * when there is nothing more to do: it is open already or missing (`state` says which).
 */
export async function startOpening<T>(
  id: string,
  read: (id: string) => Promise<T | undefined>,
  opening: Opening,
): Promise<T | undefined> {
  const { state } = opening;
  if (opening.openId === id && state.value === 'ready') return undefined;
  await opening.flush();
  state.value = 'loading';
  const found = await read(id);
  if (!found) state.value = 'missing';
  return found;
}

/** Runs `work` with `busy` set, so the screen can hold its buttons until it ends, failed or not. */
export async function whileBusy<T>(busy: Ref<boolean>, work: () => Promise<T>): Promise<T> {
  busy.value = true;
  try {
    return await work();
  } finally {
    busy.value = false;
  }
}
