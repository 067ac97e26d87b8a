/**
 * Runs `work` once the browser has nothing more urgent to do (at the latest after `timeout`
 * ms): for what start-up can leave until the first screen is up.
 */
export function whenIdle(work: () => void, timeout = 3000): void {
  if ('requestIdleCallback' in window) requestIdleCallback(() => work(), { timeout });
  else setTimeout(work, 200);
}
