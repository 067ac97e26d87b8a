import { computed, ref, shallowRef } from 'vue';

export type SaveState = 'saved' | 'saving' | 'error';

/**
 * Saves changes without a save button. Each key (a question) is written once its changes
 * pause for `delay` ms, or at once when asked; writes run one at a time in order, and a write
 * always sends the latest state of its key. A failed key stays pending until the next change
 * or `retry()`.
 */
export function createAutosave(write: (key: string) => Promise<void>, delay: number) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const pending = ref(new Set<string>());
  /** Why the last write failed, until every pending write succeeds (a full disk reads differently). */
  const error = shallowRef<unknown>();
  let chain: Promise<void> = Promise.resolve();
  /** Writes asked for and not yet finished. */
  let running = 0;

  function schedule(key: string, immediate = false): void {
    pending.value.add(key);
    clearTimeout(timers.get(key));
    if (immediate) void run(key);
    else
      timers.set(
        key,
        setTimeout(() => void run(key), delay),
      );
  }

  function run(key: string): Promise<void> {
    clearTimeout(timers.get(key));
    timers.delete(key);
    const task = async () => {
      if (!pending.value.has(key)) return;
      pending.value.delete(key);
      try {
        await write(key);
        if (pending.value.size === 0) error.value = undefined;
      } catch (caught) {
        pending.value.add(key);
        error.value = caught ?? new Error('The write failed without saying why.');
      }
    };
    // With nothing under way, the write starts now, in the task of the change (its transaction
    // is then queued before the page re-renders); otherwise after the writes before it.
    const started = running === 0 ? task() : chain.then(task);
    running++;
    chain = started.then(() => {
      running--;
    });
    return chain;
  }

  /** Writes everything pending now (before leaving the page or the screen). */
  async function flush(): Promise<void> {
    await Promise.all([...pending.value].map(run));
    // A write started at once is no longer pending, and may still be under way.
    await chain;
  }

  const state = computed<SaveState>(() =>
    error.value !== undefined ? 'error' : pending.value.size > 0 ? 'saving' : 'saved',
  );

  const isPending = (key: string) => pending.value.has(key);

  return { schedule, flush, retry: flush, state, error, isPending };
}
