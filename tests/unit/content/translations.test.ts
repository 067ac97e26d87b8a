/**
 * Content translations (questionnaires/translations/<language>/): complete for every content
 * file, made from the current English, merged into the content files as `npm run translations`
 * would merge them, never a copy of the English without a stated reason, and keeping every
 * figure, clause id and question id of the English.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUESTIONNAIRE_DIR } from '../../../scripts/lib/questionnaires.ts';
import {
  AUTHORED_LANGUAGES,
  contentFiles,
  mergeTranslations,
  readTranslation,
  textsOf,
  translationLanguages,
  translationProblems,
  type TranslationFile,
} from '../../../scripts/lib/translations.ts';

const languages = translationLanguages();
const UN_LANGUAGES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'];
const read = (source: string) => JSON.parse(readFileSync(join(QUESTIONNAIRE_DIR, source), 'utf8'));
const translationsOf = (source: string) =>
  languages.flatMap((language) => readTranslation(language, source) ?? []);

/** Figures written the English way (27,027; 5.5) or the French way (27 027; 5,5), as plain numbers. */
function figures(text: string): string[] {
  return (
    text
      .replace(/(?<=\d)[,\u202f\u00a0 ](?=\d{3}\b)/g, '')
      .replace(/(?<=\d)[.,](?=\d)/g, '.')
      .match(/\d+(?:\.\d+)?/g) ?? []
  );
}

/** Clause ids and question ids named in a text. */
function ids(text: string): string[] {
  return [
    ...new Set(text.match(/(?:R130|UNGA-draft)\/[a-z0-9/-]+|\b[a-z]+\.[a-z]+(?:-[a-z]+)*\b/g) ?? []),
  ].sort();
}

describe('content translations', () => {
  it('exist for at least one language besides the authored ones', () => {
    expect(
      languages.filter((language) => !(AUTHORED_LANGUAGES as readonly string[]).includes(language)),
    ).not.toEqual([]);
  });

  it('cover the six UN languages: every shipped questionnaire, weight profile and the clause registry has every text in each', () => {
    expect([...new Set([...AUTHORED_LANGUAGES, ...languages])].sort()).toEqual(UN_LANGUAGES);
    const missing = contentFiles().flatMap((source) =>
      textsOf(read(source)).flatMap(({ key, text }) =>
        UN_LANGUAGES.filter((language) => !text[language]?.trim()).map(
          (language) => `${source}: ${key} (${language})`,
        ),
      ),
    );
    expect(missing).toEqual([]);
  });

  describe.each(languages)('%s', (language) => {
    it.each(contentFiles())('translates every text of %s from its current English', (source) => {
      const translation = readTranslation(language, source);
      expect(translation, `questionnaires/translations/${language}/${source}`).toBeDefined();
      expect(translation!.language).toBe(language);
      expect(translation!.source).toBe(source);
      expect(translationProblems(read(source), translation!)).toEqual({
        missing: [],
        untranslated: [],
        stale: [],
        unknown: [],
      });
    });

    it.each(contentFiles())('is merged into %s', (source) => {
      const content = read(source);
      const texts = textsOf(content);
      expect(texts.every(({ text }) => text[language]?.trim())).toBe(true);
      expect(mergeTranslations(content, translationsOf(source)).content).toEqual(content);
      if (Array.isArray(content.languages)) expect(content.languages).toContain(language);
    });

    it('is never a copy of the English or the Russian without a stated reason', () => {
      const offenders = contentFiles().flatMap((source) =>
        Object.entries((readTranslation(language, source) as TranslationFile).texts)
          .filter(([, entry]) => entry.text === entry.en && !entry.same?.trim())
          .map(([key]) => `${source}: ${key}`),
      );
      expect(offenders).toEqual([]);
      const copiesOfRussian = contentFiles().flatMap((source) =>
        textsOf(read(source))
          .filter(({ text }) => text.ru && text.ru !== text.en && text[language] === text.ru)
          .map(({ key }) => `${source}: ${key}`),
      );
      expect(copiesOfRussian).toEqual([]);
    });

    it('keeps every figure, clause id and question id of the English', () => {
      const offenders = contentFiles().flatMap((source) =>
        Object.entries((readTranslation(language, source) as TranslationFile).texts).flatMap(
          ([key, entry]) => {
            const lost = figures(entry.en).filter((figure) => !figures(entry.text).includes(figure));
            const idsDiffer = ids(entry.en).join() !== ids(entry.text).join();
            return lost.length || idsDiffer
              ? [`${source}: ${key}: ${[...lost, ...(idsDiffer ? ids(entry.en) : [])].join(', ')}`]
              : [];
          },
        ),
      );
      expect(offenders).toEqual([]);
    });
  });
});

describe('merging', () => {
  const content = {
    languages: ['en', 'ru'],
    title: { en: 'Title', ru: 'Заголовок' },
    pillars: [{ id: 'p', questions: [{ id: 'p.q', text: { en: 'Question?', ru: 'Вопрос?' } }] }],
  };
  const french = (texts: Record<string, string>): TranslationFile => ({
    language: 'fr',
    source: 'test.json',
    texts: Object.fromEntries(
      Object.entries(texts).map(([key, text]) => [
        key,
        { en: key === 'title' ? 'Title' : 'Question?', text },
      ]),
    ),
  });

  it('names texts by ids, adds a complete language to every text and declares it', () => {
    expect(textsOf(content).map(({ key }) => key)).toEqual(['title', 'pillars/p/questions/p.q/text']);
    const { content: merged, merged: languagesMerged } = mergeTranslations(content, [
      french({ title: 'Titre', 'pillars/p/questions/p.q/text': 'Question ?' }),
    ]);
    expect(languagesMerged).toEqual(['fr']);
    expect(merged).toEqual({
      languages: ['en', 'ru', 'fr'],
      title: { en: 'Title', ru: 'Заголовок', fr: 'Titre' },
      pillars: [
        { id: 'p', questions: [{ id: 'p.q', text: { en: 'Question?', ru: 'Вопрос?', fr: 'Question ?' } }] },
      ],
    });
  });

  it('leaves out a language that is incomplete or translated from an older English', () => {
    const incomplete = mergeTranslations(content, [french({ title: 'Titre' })]);
    expect(incomplete.merged).toEqual([]);
    expect(incomplete.content).toEqual(content);
    expect(incomplete.incomplete.fr?.missing).toEqual(['pillars/p/questions/p.q/text']);

    const older = french({ title: 'Titre', 'pillars/p/questions/p.q/text': 'Question ?' });
    older.texts.title!.en = 'Old title';
    const stale = mergeTranslations(content, [older]);
    expect(stale.merged).toEqual([]);
    expect(stale.incomplete.fr?.stale).toEqual(['title']);
  });
});
