/**
 * Content translations kept apart from the content, one file per language and content file
 * (questionnaires/translations/<language>/<file>), so translators of different languages never
 * edit the same file. Each entry names a text by its path (ids where the content has them, so
 * reordering questions does not move translations), keeps the English it was translated from
 * (a changed English text shows up as stale, never silently keeps an old translation) and gives
 * the translation. `npm run translations` merges every complete language into the content files;
 * a language is merged only when every text of the file is translated.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtInQuestionnaireFiles, QUESTIONNAIRE_DIR } from './questionnaires.ts';

/** Languages whose texts are written in the content files themselves, by the authors. */
export const AUTHORED_LANGUAGES = ['en', 'ru'] as const;
/** The order of languages inside every text, authored first. */
export const LANGUAGE_ORDER = ['en', 'ru', 'fr', 'es', 'ar', 'zh'] as const;
export const TRANSLATION_DIR = join(QUESTIONNAIRE_DIR, 'translations');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
export type Text = { en: string; [language: string]: string };

export interface TranslationEntry {
  /** The English text translated; must equal the content's English for the entry to apply. */
  en: string;
  /** The translation; empty while still to do. */
  text: string;
  /** Why the translation is rightly the same as the English (a title published only in English). */
  same?: string;
}

export interface TranslationFile {
  language: string;
  /** The content file, relative to questionnaires/. */
  source: string;
  texts: Record<string, TranslationEntry>;
}

/** The content files that carry texts: questionnaires, weight profiles and the clause registry. */
export function contentFiles(): string[] {
  const weights = join(QUESTIONNAIRE_DIR, 'weights');
  return [
    ...builtInQuestionnaireFiles(),
    ...readdirSync(weights)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => join(weights, name)),
    join(QUESTIONNAIRE_DIR, 'reference', 'clauses.json'),
  ].map((path) => relative(QUESTIONNAIRE_DIR, path));
}

function isText(value: Json): value is Text {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof value.en === 'string' &&
    Object.entries(value).every(
      ([key, text]) => (LANGUAGE_ORDER as readonly string[]).includes(key) && typeof text === 'string',
    )
  );
}

/** The segment that names an array element: its id, or the version a carry-over set starts from. */
function elementKey(element: Json, index: number): string {
  if (typeof element === 'object' && element !== null && !Array.isArray(element)) {
    if (typeof element.id === 'string') return element.id;
    if (typeof element.from === 'string') return `from ${element.from}`;
  }
  return String(index);
}

/** Every text of a content file with its path ("pillars/cirt/questions/cirt.exists/text"). */
export function textsOf(content: Json): { key: string; text: Text }[] {
  const found: { key: string; text: Text }[] = [];
  const walk = (value: Json, path: string[]) => {
    if (isText(value)) found.push({ key: path.join('/'), text: value });
    else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, elementKey(item, i)]));
    else if (typeof value === 'object' && value !== null)
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(content, []);
  return found;
}

export function translationPath(language: string, source: string): string {
  return join(TRANSLATION_DIR, language, source);
}

/** The languages that have a translation folder. */
export function translationLanguages(): string[] {
  if (!existsSync(TRANSLATION_DIR)) return [];
  return readdirSync(TRANSLATION_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => languageRank(a) - languageRank(b));
}

function languageRank(language: string): number {
  const rank = (LANGUAGE_ORDER as readonly string[]).indexOf(language);
  return rank < 0 ? LANGUAGE_ORDER.length : rank;
}

export function readTranslation(language: string, source: string): TranslationFile | undefined {
  const path = translationPath(language, source);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as TranslationFile) : undefined;
}

export interface TranslationProblems {
  missing: string[];
  untranslated: string[];
  stale: string[];
  unknown: string[];
}

/** What keeps a translation from being merged: texts without an entry, empty, stale or unknown. */
export function translationProblems(content: Json, translation: TranslationFile): TranslationProblems {
  const texts = textsOf(content);
  const keys = new Set(texts.map(({ key }) => key));
  const problems: TranslationProblems = { missing: [], untranslated: [], stale: [], unknown: [] };
  for (const { key, text } of texts) {
    const entry = translation.texts[key];
    if (!entry) problems.missing.push(key);
    else if (entry.en !== text.en) problems.stale.push(key);
    else if (!entry.text.trim()) problems.untranslated.push(key);
  }
  problems.unknown = Object.keys(translation.texts).filter((key) => !keys.has(key));
  return problems;
}

export function isComplete(problems: TranslationProblems): boolean {
  return Object.values(problems).every((list) => list.length === 0);
}

/**
 * The content with every complete translation merged in: each text gains the language (in
 * LANGUAGE_ORDER) and a questionnaire declares it. A language that is not complete is left out
 * of the file, with its problems returned.
 */
export function mergeTranslations(
  content: Json,
  translations: readonly TranslationFile[],
): { content: Json; merged: string[]; incomplete: Record<string, TranslationProblems> } {
  const incomplete: Record<string, TranslationProblems> = {};
  const complete = translations.filter((translation) => {
    const problems = translationProblems(content, translation);
    if (!isComplete(problems)) incomplete[translation.language] = problems;
    return isComplete(problems);
  });
  const byKey = new Map(textsOf(content).map(({ key, text }) => [text, key]));
  const rebuild = (value: Json): Json => {
    if (isText(value)) {
      const key = byKey.get(value)!;
      const next: Text = { ...value };
      for (const translation of translations) delete next[translation.language];
      for (const translation of complete) next[translation.language] = translation.texts[key]!.text;
      return ordered(next);
    }
    if (Array.isArray(value)) return value.map(rebuild);
    if (typeof value === 'object' && value !== null) {
      const next: JsonObject = {};
      for (const [key, item] of Object.entries(value)) next[key] = rebuild(item);
      return next;
    }
    return value;
  };
  const merged = complete.map((translation) => translation.language);
  const result = rebuild(content);
  if (
    typeof result === 'object' &&
    result !== null &&
    !Array.isArray(result) &&
    Array.isArray(result.languages)
  ) {
    const declared = (result.languages as string[]).filter(
      (language) => !translations.some((translation) => translation.language === language),
    );
    result.languages = [...declared, ...merged].sort((a, b) => languageRank(a) - languageRank(b));
  }
  return { content: result, merged, incomplete };
}

function ordered(text: Text): Text {
  const entries = Object.entries(text).sort(([a], [b]) => languageRank(a) - languageRank(b));
  return { en: text.en, ...Object.fromEntries(entries) };
}

/**
 * A translation file for the content's current texts: entries kept where the English is
 * unchanged, the rest empty; an empty one is filled from `memory` (the same English text already
 * translated elsewhere), which a translator still reads.
 */
export function skeleton(
  content: Json,
  language: string,
  source: string,
  existing: TranslationFile | undefined,
  memory: ReadonlyMap<string, string>,
): TranslationFile {
  const texts: Record<string, TranslationEntry> = {};
  for (const { key, text } of textsOf(content)) {
    const kept = existing?.texts[key];
    if (kept && kept.en === text.en && kept.text.trim()) texts[key] = kept;
    else texts[key] = { en: text.en, text: memory.get(text.en) ?? '' };
  }
  return { language, source, texts };
}
