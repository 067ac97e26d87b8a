/**
 * Whether the browser keeps this site's data until the person deletes it ("persistent"), or may
 * clear it when the device runs short of space; and how much space it uses. Browsers without
 * the Storage API report `undefined`, which the interface shows as "unknown".
 */
export interface StorageStatus {
  persisted: boolean | undefined;
  /** Bytes used and available to this site, where the browser says. */
  usage: number | undefined;
  quota: number | undefined;
}

function manager(): StorageManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

export async function storageStatus(): Promise<StorageStatus> {
  const storage = manager();
  const [persisted, estimate] = await Promise.all([
    storage?.persisted ? storage.persisted().catch(() => undefined) : undefined,
    storage?.estimate ? storage.estimate().catch(() => undefined) : undefined,
  ]);
  return { persisted, usage: estimate?.usage, quota: estimate?.quota };
}

/** Asks the browser to keep the data; resolves to whether it now will. */
export async function requestPersistence(): Promise<boolean | undefined> {
  const storage = manager();
  if (!storage?.persist) return undefined;
  try {
    return await storage.persist();
  } catch {
    return false;
  }
}

/** Why a write failed, in the terms the interface explains: no space left, or anything else. */
export function storageErrorKind(error: unknown): 'quota' | 'other' {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const inner = (error as { inner?: unknown } | null)?.inner;
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return 'quota';
  return inner === undefined ? 'other' : storageErrorKind(inner);
}
