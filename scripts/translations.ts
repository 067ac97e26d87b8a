/**
 * `npm run translations`: merges the content translations (questionnaires/translations/<language>/)
 * into the questionnaires, weight profiles and clause registry; a language whose translation of
 * a file is incomplete is left out of that file, with what is missing.
 * `npm run translations -- extract <language>`: writes that language's translation files for the
 * current texts, keeping every translation whose English is unchanged and filling new entries
 * from the same English already translated elsewhere (empty otherwise), for a translator.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { QUESTIONNAIRE_DIR } from './lib/questionnaires.ts';
import {
  AUTHORED_LANGUAGES,
  contentFiles,
  mergeTranslations,
  readTranslation,
  skeleton,
  textsOf,
  translationLanguages,
  translationPath,
  type TranslationFile,
} from './lib/translations.ts';

async function writeFormatted(path: string, value: unknown): Promise<boolean> {
  const options = (await resolveConfig(path)) ?? {};
  const text = await format(JSON.stringify(value, null, 2), { ...options, filepath: path });
  const before = (() => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  })();
  if (before === text) return false;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return true;
}

const read = (source: string) => JSON.parse(readFileSync(join(QUESTIONNAIRE_DIR, source), 'utf8'));

async function merge(): Promise<number> {
  let incompleteCount = 0;
  for (const source of contentFiles()) {
    const translations = translationLanguages().flatMap(
      (language) => readTranslation(language, source) ?? [],
    );
    const result = mergeTranslations(read(source), translations);
    const changed = await writeFormatted(join(QUESTIONNAIRE_DIR, source), result.content);
    console.log(
      `${changed ? 'wrote' : 'same '} ${source}: ${[...AUTHORED_LANGUAGES, ...result.merged].join(', ')}`,
    );
    for (const [language, problems] of Object.entries(result.incomplete)) {
      incompleteCount += 1;
      const counts = Object.entries(problems)
        .filter(([, keys]) => keys.length > 0)
        .map(
          ([kind, keys]) =>
            `${keys.length} ${kind} (${keys.slice(0, 3).join(', ')}${keys.length > 3 ? ', …' : ''})`,
        );
      console.log(`      ${language} left out: ${counts.join('; ')}`);
    }
  }
  return incompleteCount > 0 ? 1 : 0;
}

async function extract(language: string): Promise<number> {
  if (!/^[a-z]{2,3}$/.test(language) || (AUTHORED_LANGUAGES as readonly string[]).includes(language)) {
    console.error(`extract: give a language code other than ${AUTHORED_LANGUAGES.join(' and ')}`);
    return 2;
  }
  const memory = new Map<string, string>();
  const existing = new Map<string, TranslationFile | undefined>();
  for (const source of contentFiles()) {
    const translation = readTranslation(language, source);
    existing.set(source, translation);
    for (const entry of Object.values(translation?.texts ?? {}))
      if (entry.text.trim()) memory.set(entry.en, entry.text);
  }
  for (const source of contentFiles()) {
    const content = read(source);
    const file = skeleton(content, language, source, existing.get(source), memory);
    const todo = Object.values(file.texts).filter((entry) => !entry.text.trim()).length;
    await writeFormatted(translationPath(language, source), file);
    console.log(`${source}: ${textsOf(content).length} texts, ${todo} to translate`);
  }
  return 0;
}

const [command = 'merge', language] = process.argv.slice(2);
const run = command === 'extract' ? extract(language ?? '') : command === 'merge' ? merge() : undefined;
if (!run) {
  console.error('usage: npm run translations [-- extract <language>]');
  process.exit(2);
}
void run.then((code) => {
  process.exitCode = code;
});
