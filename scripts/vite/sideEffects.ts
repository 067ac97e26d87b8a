/**
 * Which of the app's own modules do something when imported, for the bundler's tree-shaking.
 * Every other TypeScript module in `src/` only declares (a unit test checks), so a module the
 * first screen reaches through `storage/index.ts` but never uses is left out of the first
 * screen, in the chunk of the screens that do use it. Vue components keep the bundler's
 * default: their styles are effects.
 */
export const MODULES_WITH_EFFECTS = /src[\\/](?:main|firstRequests|validation[\\/]zod)\.ts$/;

export function hasSideEffects(id: string): boolean {
  return !/[\\/]src[\\/].*\.ts$/.test(id) || MODULES_WITH_EFFECTS.test(id);
}
