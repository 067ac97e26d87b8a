/**
 * Built-in content split by language. Questionnaires, the clause registry and the weight
 * profiles carry their texts in every language they have (`{ "en": …, "ru": … }`). A device
 * needs the languages it is used in, not all six, so the build splits each document into a
 * shell (its structure, with the texts of one language: the document's default) and, for each
 * other language, the list of that language's texts in a fixed order: the order in which
 * `slots` lists the document's texts. The app fetches a language's list when that language is
 * chosen and adds it to the document in place, which then has the same shape as before.
 */
import type { LocalizedText } from '../questionnaire/schema.ts';

/** Every text of a document, in a fixed order (the same for the document and its shell). */
export type TextSlots<T> = (document: T) => LocalizedText[];

/** One language's texts of a document, in slot order; `null` where a text lacks the language. */
export type LanguageTexts = (string | null)[];

export interface Split<T> {
  shell: T;
  /** By language code: every language but the kept one. */
  languages: Record<string, LanguageTexts>;
}

/**
 * The document with only the kept language's texts (by slot: `keep(index)`), and every other
 * language's texts. A text without the kept language keeps all its languages.
 */
export function splitByLanguage<T>(
  document: T,
  slots: TextSlots<T>,
  keep: (slot: number) => string,
): Split<T> {
  const shell = structuredClone(document);
  const texts = slots(shell);
  const codes = [...new Set(texts.flatMap((text) => Object.keys(text)))].sort();
  const languages: Record<string, LanguageTexts> = {};
  for (const code of codes) {
    const list = texts.map((text, slot) => (code === keep(slot) ? null : (text[code] ?? null)));
    if (list.some((entry) => entry !== null)) languages[code] = list;
  }
  texts.forEach((text, slot) => {
    const kept = keep(slot);
    if (!Object.hasOwn(text, kept)) return;
    for (const code of Object.keys(text)) if (code !== kept) delete text[code];
  });
  return { shell, languages };
}

/**
 * Adds a language's texts to a document (a shell, or a document that has other languages
 * already), in place. Refuses a list made for another document (a different number of texts).
 */
export function addLanguage<T>(
  document: T,
  slots: TextSlots<T>,
  language: string,
  texts: LanguageTexts,
): void {
  const targets = slots(document);
  if (targets.length !== texts.length) {
    throw new Error(`${texts.length} texts in ${language} for a document with ${targets.length}`);
  }
  targets.forEach((target, slot) => {
    const text = texts[slot];
    if (typeof text === 'string') target[language] = text;
  });
}
