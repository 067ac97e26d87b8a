import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import * as questionnaireTexts from 'virtual:questionnaires';
import * as profileTexts from 'virtual:weight-profiles';
import { keepLanguageFiles } from '../content/files.ts';
import type { ContentSource } from '../content/source.ts';
import { addLanguage, type TextSlots } from '../content/split.ts';
import { DEFAULT_LOCALE } from '../language/index.ts';

/** The questionnaires' content (catalog, questionnaires, clauses) and the weight profiles'. */
export const QUESTIONNAIRE_TEXTS: ContentSource = {
  loadTexts: questionnaireTexts.loadTexts,
  textLanguages: questionnaireTexts.textLanguages,
  contentFiles: questionnaireTexts.contentFiles,
};
export const PROFILE_TEXTS: ContentSource = {
  loadTexts: profileTexts.loadTexts,
  textLanguages: profileTexts.textLanguages,
  contentFiles: profileTexts.contentFiles,
};
const SOURCES: readonly ContentSource[] = [QUESTIONNAIRE_TEXTS, PROFILE_TEXTS];

interface Registered {
  document: object;
  key: string;
  slots: TextSlots<never>;
  source: ContentSource;
  /** Languages asked for already (added, or found to have no texts). */
  asked: Set<string>;
}

/**
 * The language built-in content is shown in (the interface language) and its texts. The
 * questionnaires, the catalog, the clause registry and the weight profiles arrive in their
 * default language; the stores that load them register them here, and each gets the texts of
 * the language in use, in place (`src/content/split.ts`), now and whenever the language
 * changes. `revision` moves each time texts arrive, so that what shows them updates.
 *
 * A language chosen while online is kept on the device for offline use: every file of it
 * (`src/content/files.ts`). When texts cannot be had (offline, before they were ever fetched),
 * the language is listed in `unavailable` and the texts show in the default language, marked;
 * they are fetched again as soon as the browser is back online.
 */
export const useContentStore = defineStore('content', () => {
  const language = ref<string>(DEFAULT_LOCALE);
  const revision = ref(0);
  /** Languages whose texts this device does not have yet and could not fetch. */
  const unavailable = shallowRef<readonly string[]>([]);
  const registered: Registered[] = [];

  function setUnavailable(code: string, missing: boolean): void {
    const others = unavailable.value.filter((entry) => entry !== code);
    unavailable.value = missing ? [...others, code] : others;
  }

  /** Gives one document `code`'s texts; false when they could not be fetched. */
  async function addTo(entry: Registered, code: string): Promise<boolean> {
    if (entry.asked.has(code)) return true;
    try {
      const texts = await entry.source.loadTexts(entry.key, code);
      if (entry.asked.has(code)) return true; // another call got there first
      entry.asked.add(code);
      if (texts) {
        addLanguage(entry.document as never, entry.slots, code, texts);
        revision.value++;
      }
      return true;
    } catch {
      return false;
    }
  }

  async function addToAll(entries: readonly Registered[], code: string): Promise<void> {
    const results = await Promise.all(entries.map((entry) => addTo(entry, code)));
    if (code === language.value) setUnavailable(code, results.includes(false));
  }

  /**
   * Content loaded in its default language (`document`, to be changed in place), known here as
   * `key` of `source`: given the language in use now, and any chosen later.
   */
  async function register<T extends object>(
    document: T,
    key: string,
    slots: TextSlots<T>,
    source: ContentSource,
  ): Promise<T> {
    const entry: Registered = { document, key, slots: slots, source, asked: new Set() };
    registered.push(entry);
    await addToAll([entry], language.value);
    return document;
  }

  let keeping: Promise<unknown> = Promise.resolve();
  /** Keeps every file of the language on the device (and forgets files of earlier versions). */
  function keep(code: string): Promise<unknown> {
    keeping = keeping.then(() =>
      keepLanguageFiles(
        SOURCES.flatMap((source) => source.contentFiles(code)),
        SOURCES.flatMap((source) => source.contentFiles()),
      ),
    );
    return keeping;
  }

  /**
   * Shows content in `code` from now on, fetching its texts, and keeps the language's files for
   * offline use (unless told not to: at start-up that waits until the first screen is up).
   */
  async function use(code: string, { keep: keepFiles = true } = {}): Promise<void> {
    language.value = code;
    await addToAll(registered, code);
    if (keepFiles) void keep(code);
  }

  // Back online: fetch what could not be fetched, and keep it.
  globalThis.addEventListener?.('online', () => {
    if (unavailable.value.includes(language.value)) void use(language.value);
  });

  return { language, revision, unavailable, register, use, keep };
});
