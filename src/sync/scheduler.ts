/**
 * When a linked device syncs: soon after the app starts, a few seconds after something is
 * changed here, when the network comes back or the app comes to the front, every minute while
 * it is in view, and when the person asks. One sync at a time across the app's windows (a Web
 * Lock where the browser has them); a failure is retried at the next occasion.
 */
import type { SyncReport } from './engine.ts';
import { SyncError } from './http.ts';

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'failed' | 'revoked';

export interface SyncStatus {
  phase: SyncPhase;
  lastSyncAt?: string;
  lastReport?: SyncReport;
  /** Why the last sync failed: the code, and the reason of a refusal, for the screen to word. */
  error?: { code: string; reason?: string; message: string };
}

export interface SchedulerOptions {
  run: () => Promise<SyncReport>;
  onStatus: (status: SyncStatus) => void;
  /** Changes made here: `watch(callback)` returns a function that stops watching. */
  watchChanges: (changed: () => void) => () => void;
  intervalMs?: number;
  quietMs?: number;
  now?: () => Date;
}

export interface Scheduler {
  syncNow: () => Promise<SyncStatus>;
  stop: () => void;
}

const LOCK = 'baseline.sync';

/** Runs `task` unless another window is syncing now (then that sync covers this one's changes). */
async function exclusively<T>(task: () => Promise<T>): Promise<T | undefined> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return task();
  return locks.request(LOCK, { ifAvailable: true }, (lock) => (lock ? task() : undefined));
}

export function startScheduler(options: SchedulerOptions): Scheduler {
  const now = options.now ?? (() => new Date());
  let status: SyncStatus = { phase: 'idle' };
  let running: Promise<SyncStatus> | undefined;
  let again = false;
  let stopped = false;
  let quiet: ReturnType<typeof setTimeout> | undefined;

  const publish = (next: SyncStatus) => {
    status = next;
    options.onStatus(next);
  };

  async function attempt(): Promise<SyncStatus> {
    publish({ ...status, phase: 'syncing' });
    try {
      const report = await exclusively(options.run);
      if (report) publish({ phase: 'idle', lastSyncAt: now().toISOString(), lastReport: report });
      else publish({ ...status, phase: 'idle' });
    } catch (failure) {
      const error = failure instanceof SyncError ? failure : new SyncError('unexpected', String(failure));
      const phase: SyncPhase =
        error.code === 'unauthenticated' ? 'revoked' : error.code === 'unreachable' ? 'offline' : 'failed';
      const reason = error.reason ? { reason: error.reason } : {};
      publish({ ...status, phase, error: { code: error.code, ...reason, message: error.message } });
      if (phase === 'revoked') stop();
    }
    return status;
  }

  function syncNow(): Promise<SyncStatus> {
    if (stopped) return Promise.resolve(status);
    if (running) {
      // Changes made during this sync are sent by one more right after it.
      again = true;
      return running;
    }
    running = attempt().finally(() => {
      running = undefined;
      if (again && !stopped) {
        again = false;
        void syncNow();
      }
    });
    return running;
  }

  const visible = () => typeof document === 'undefined' || document.visibilityState === 'visible';
  const soon = () => {
    clearTimeout(quiet);
    quiet = setTimeout(() => void syncNow(), options.quietMs ?? 3000);
  };
  const onOnline = () => void syncNow();
  const onVisible = () => {
    if (visible()) void syncNow();
  };
  const timer = setInterval(() => {
    if (visible() && globalThis.navigator?.onLine !== false) void syncNow();
  }, options.intervalMs ?? 60_000);
  const unwatch = options.watchChanges(soon);
  globalThis.addEventListener?.('online', onOnline);
  globalThis.document?.addEventListener('visibilitychange', onVisible);
  soon();

  function stop(): void {
    stopped = true;
    clearInterval(timer);
    clearTimeout(quiet);
    unwatch();
    globalThis.removeEventListener?.('online', onOnline);
    globalThis.document?.removeEventListener('visibilitychange', onVisible);
  }

  return { syncNow, stop };
}
