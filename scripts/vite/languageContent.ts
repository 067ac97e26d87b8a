/**
 * The languages of built-in content, for the Vite plugins that serve it (questionnaires, clause
 * registry, weight profiles): each piece of content is split into a shell and one text list per
 * other language (`src/content/split.ts`), and a virtual module answers `loadTexts(key,
 * language)`, `textLanguages(key)` and `contentFiles(language)`.
 *
 * In a build of the installable app, every list is a file of its own,
 * `assets/languages/<language>/<key>-<hash>.json` (one hash for all of a language's texts): the service worker does not precache them
 * (`vite.config.ts`), and the app fetches and keeps the files of the languages a device uses
 * (`src/content/files.ts`). Elsewhere (development server, unit tests, the portable single
 * file) the lists are part of the module, and there are no files to keep.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Rollup } from 'vite';
import type { LanguageTexts } from '../../src/content/split.ts';
import { ROOT } from '../lib/questionnaires.ts';

const FILES_MODULE = join(ROOT, 'src', 'content', 'files.ts');

/** One piece of content's lists, by language. Keys name it: `catalog`, `clauses`, `questionnaire/<id>`, `profiles`. */
export interface LanguageLists {
  key: string;
  languages: Record<string, LanguageTexts>;
}

/** The folder of one language's files in the build. */
export const languageFolder = (language: string) => `assets/languages/${language}/`;

/** A language file's name: its content key, and a hash of all that language's texts. */
function fileName(key: string, language: string, hash: string): string {
  return `${languageFolder(language)}${key.replaceAll('/', '-')}-${hash}.json`;
}

const FUNCTIONS = `
const own = (record, key) => (Object.hasOwn(record, key) ? record[key] : undefined);
/** The languages \`key\` has texts in, besides its own. */
export function textLanguages(key) {
  return Object.keys(own(LISTS, key) ?? {});
}`;

/**
 * The module code. With `emit` (a build of the installable app), each list becomes a file, which
 * the module finds by its language's hash (`languageFileSource` in `src/content/files.ts`).
 */
export function languageContentCode(lists: readonly LanguageLists[], emit?: Rollup.PluginContext): string {
  if (!emit) {
    const inline = Object.fromEntries(lists.map(({ key, languages }) => [key, languages]));
    return [
      `const LISTS = JSON.parse(${JSON.stringify(JSON.stringify(inline))});`,
      FUNCTIONS,
      'export async function loadTexts(key, language) {',
      '  return own(own(LISTS, key) ?? {}, language);',
      '}',
      '/** Files to keep for a language: none, the texts are here. */',
      'export function contentFiles() {',
      '  return [];',
      '}',
    ].join('\n');
  }
  // One hash a language, of all its lists here, names its files: the first screen keeps only
  // that and each key's languages (a URL per file cost 99 bytes gzip a language). Rollup gives
  // the URL of the first file; the others lie beside it, in assets/languages/<language>/.
  const sources = lists.flatMap(({ key, languages }) =>
    Object.entries(languages).map(([language, texts]) => ({ key, language, source: JSON.stringify(texts) })),
  );
  const hashes: Record<string, string> = {};
  for (const language of new Set(sources.map(({ language }) => language))) {
    const hash = createHash('sha256');
    for (const file of sources.filter((file) => file.language === language))
      hash.update(`${file.key}\n${file.source}\n`);
    hashes[language] = hash.digest('hex').slice(0, 10);
  }
  const references = sources.map(({ key, language, source }) =>
    emit.emitFile({ type: 'asset', fileName: fileName(key, language, hashes[language]!), source }),
  );
  const keys = Object.fromEntries(lists.map(({ key, languages }) => [key, Object.keys(languages)]));
  return [
    `import { languageFileSource } from ${JSON.stringify(FILES_MODULE)};`,
    'export const { loadTexts, textLanguages, contentFiles } = languageFileSource(',
    `  JSON.parse(${JSON.stringify(JSON.stringify({ keys, hashes }))}),`,
    `  ${references[0] === undefined ? 'undefined' : `import.meta.ROLLUP_FILE_URL_${references[0]}`},`,
    ');',
  ].join('\n');
}

/** Data as a module: parsed as JSON, which is quicker for an engine than the same object as code. */
export const dataModule = (data: unknown) =>
  `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;

/** Whether this build writes language files: a build of the installable app (not the portable file). */
export function writesLanguageFiles(config: { command: string; mode: string }): boolean {
  return config.command === 'build' && config.mode !== 'portable';
}
