import { defineAsyncComponent, type Component } from 'vue';

/**
 * The first-start language strip: out of the first screen's bytes (it is shown once), but fetched
 * with the interface's messages on a first start (main.ts), so that it is drawn with the first
 * screen instead of pushing the screen down when it arrives.
 */
let strip: Component | undefined;

export async function loadLanguageChoice(): Promise<Component> {
  strip ??= (await import('./LanguageChoice.vue')).default;
  return strip;
}

/** The strip itself where its code is here already; otherwise drawn as soon as it arrives. */
export function languageChoice(): Component {
  return strip ?? defineAsyncComponent(loadLanguageChoice);
}
