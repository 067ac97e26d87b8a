import type { LanguageTexts } from './split.ts';

/** What a virtual module of built-in content offers for its other languages (scripts/vite/languageContent.ts). */
export interface ContentSource {
  /** A language's texts of one piece of content; undefined when it has none in that language. */
  loadTexts(key: string, language: string): Promise<LanguageTexts | undefined>;
  /** The languages a piece of content has texts in, besides its own. */
  textLanguages(key: string): string[];
  /** The files of a language (of every language when none is named) to keep on the device. */
  contentFiles(language?: string): string[];
}
