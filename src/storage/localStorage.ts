/**
 * Runs `use` on localStorage; undefined where there is none or it refuses (private modes, a
 * full quota). What the app keeps there is a help, never the only copy: callers go on without it.
 */
export function withLocalStorage<T>(use: (storage: Storage) => T): T | undefined {
  try {
    const storage = globalThis.localStorage as Storage | undefined;
    return storage ? use(storage) : undefined;
  } catch {
    return undefined;
  }
}
