/**
 * Language files: the texts of one language of one piece of built-in content (see `split.ts`),
 * kept on the device in the browser's Cache Storage once fetched, so that a language chosen
 * while online stays available offline. The service worker precaches the app and its default
 * language; these files are the app's own to keep, whether or not a worker controls the page.
 * Where Cache Storage does not exist (a page on plain http, such as the room server's), files
 * are simply fetched.
 */
import type { ContentSource } from './source.ts';
import type { LanguageTexts } from './split.ts';

export const LANGUAGE_CACHE = 'baseline-languages';

async function openCache(): Promise<Cache | undefined> {
  try {
    return globalThis.caches ? await globalThis.caches.open(LANGUAGE_CACHE) : undefined;
  } catch {
    return undefined; // storage refused (private modes): fetch every time
  }
}

/** A language file's texts: this device's copy, else fetched (and then kept). */
export async function fetchLanguageFile(url: string): Promise<LanguageTexts> {
  const cache = await openCache();
  const kept = await cache?.match(url);
  if (kept) return (await kept.json()) as LanguageTexts;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  await cache?.put(url, response.clone()).catch(() => undefined); // a full disk: still shown now
  return (await response.json()) as LanguageTexts;
}

/**
 * Keeps these files on the device (fetching the ones it lacks) and forgets kept files that
 * are not `current` (earlier versions of the app). True when every file is kept.
 */
export async function keepLanguageFiles(
  urls: readonly string[],
  current: readonly string[],
): Promise<boolean> {
  const cache = await openCache();
  if (!cache) return false;
  const wanted = new Set(current);
  for (const request of await cache.keys()) if (!wanted.has(request.url)) await cache.delete(request);
  const results = await Promise.allSettled(
    urls.map(async (url) => {
      if (await cache.match(url)) return;
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      await cache.put(url, response);
    }),
  );
  return results.every((result) => result.status === 'fulfilled');
}

/**
 * A built-in content module whose texts are language files (`scripts/vite/languageContent.ts`):
 * `keys` lists each piece of content's languages, `hashes` the hash that names a language's files,
 * and `base` is the URL of one file, beside which the others lie
 * (`assets/languages/<language>/<key>-<hash>.json`).
 */
export function languageFileSource(
  { keys, hashes }: { keys: Record<string, string[]>; hashes: Record<string, string> },
  base: string | undefined,
): ContentSource {
  const languagesOf = (key: string) => (Object.hasOwn(keys, key) ? keys[key]! : []);
  const url = (key: string, language: string) =>
    new URL(`../${language}/${key.replaceAll('/', '-')}-${hashes[language]}.json`, base).href;
  return {
    textLanguages: (key) => [...languagesOf(key)],
    loadTexts: async (key, language) =>
      languagesOf(key).includes(language) ? fetchLanguageFile(url(key, language)) : undefined,
    contentFiles: (language) =>
      Object.keys(keys).flatMap((key) =>
        languagesOf(key)
          .filter((other) => language === undefined || other === language)
          .map((other) => url(key, other)),
      ),
  };
}
