/**
 * The glossary (questionnaires/reference/glossary.json) is complete in the six UN languages,
 * says where each term comes from, and the Resolution 130 questionnaires follow it in every
 * language they are written in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localizedTexts } from '../../../src/questionnaire/walk.ts';
import { loadBuiltInQuestionnaire, QUESTIONNAIRE_DIR } from '../../../scripts/lib/questionnaires.ts';
import { contentFiles, readTranslation, translationLanguages } from '../../../scripts/lib/translations.ts';

interface Entry {
  term: string;
  status: string;
  short?: string;
  source?: string;
  avoid?: string[];
  note?: string;
}
type Term = { id: string; concept: string } & Record<string, Entry | string>;
interface Glossary {
  languages: string[];
  statuses: Record<string, string>;
  sources: { id: string; title: string }[];
  terms: Term[];
}

const glossary = JSON.parse(
  readFileSync(join(QUESTIONNAIRE_DIR, 'reference', 'glossary.json'), 'utf8'),
) as Glossary;
const UN_LANGUAGES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'];
const entry = (term: Term, language: string) => term[language] as Entry | undefined;

describe('the glossary', () => {
  it('gives every term in the six UN languages, once', () => {
    expect([...glossary.languages].sort()).toEqual(UN_LANGUAGES);
    const ids = glossary.terms.map((term) => term.id);
    expect(new Set(ids).size).toBe(ids.length);
    const missing = glossary.terms.flatMap((term) =>
      UN_LANGUAGES.filter((language) => !entry(term, language)?.term.trim()).map(
        (language) => `${term.id} (${language})`,
      ),
    );
    expect(missing).toEqual([]);
  });

  it('says where each term comes from: ITU’s own text or published use, with the source read, or a proposal', () => {
    const sources = new Set(glossary.sources.map((source) => source.id));
    const offenders = glossary.terms.flatMap((term) =>
      UN_LANGUAGES.flatMap((language) => {
        const found = entry(term, language);
        if (!found) return [];
        if (!(found.status in glossary.statuses)) return [`${term.id} (${language}): status ${found.status}`];
        if (found.status === 'proposed') return [];
        if (!found.source || !sources.has(found.source)) return [`${term.id} (${language}): no source read`];
        return [];
      }),
    );
    expect(offenders).toEqual([]);
  });

  it('never lists the chosen term among the forms to avoid', () => {
    const offenders = glossary.terms.flatMap((term) =>
      UN_LANGUAGES.flatMap((language) => {
        const found = entry(term, language);
        return (found?.avoid ?? [])
          .filter((form) => form === found?.term || form === found?.short)
          .map((form) => `${term.id} (${language}): ${form}`);
      }),
    );
    expect(offenders).toEqual([]);
  });
});

/** Terms whose forms to avoid are wrong in every context, so no questionnaire text may use them. */
const STRICT = ['gci', 'itu-t', 'questionnaire', 'cii', 'basic-steps', 'cirt'];

const forms = (language: string, ids: readonly string[]) =>
  glossary.terms
    .filter((term) => ids.includes(term.id))
    .flatMap((term) => entry(term, language)?.avoid ?? []);
const anyOf = (list: readonly string[]) =>
  new RegExp(
    `(?<![\\p{L}])(${list.map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
    'iu',
  );

describe.each(['resolution-130', 'resolution-130-quick'])('%s', (id) => {
  const questionnaire = loadBuiltInQuestionnaire(id);
  const languages = questionnaire.languages.filter((language) => language !== 'en');

  it.each(languages)('follows the glossary in %s where a form is never right', (language) => {
    const avoid = forms(language, STRICT);
    if (avoid.length === 0) return;
    const pattern = anyOf(avoid);
    const offenders = localizedTexts(questionnaire)
      .filter(({ text }) => pattern.test(text[language] ?? ''))
      .map(({ path, text }) => `${path.join('.')}: ${text[language]?.match(pattern)?.[0]}`);
    expect(offenders).toEqual([]);
  });
});

/**
 * Terms translated the same way wherever the English names them. Checked in the languages
 * translated from the English (questionnaires/translations/), whose chosen terms do not decline.
 */
const CONSISTENT = [
  'gci',
  'cii',
  'national-strategy',
  'itu',
  'resolution-130',
  'child-online-protection',
  'sme',
  'public-awareness',
  'action-plan',
];

describe.each(translationLanguages().filter((language) => language !== 'ru'))(
  'content translated to %s',
  (language) => {
    it('renders each glossary term as the glossary chooses wherever the English uses it', () => {
      const offenders = contentFiles().flatMap((source) =>
        Object.entries(readTranslation(language, source)?.texts ?? {}).flatMap(([key, { en, text }]) =>
          glossary.terms
            .filter((term) => CONSISTENT.includes(term.id))
            .filter((term) => en.toLowerCase().includes(entry(term, 'en')!.term.toLowerCase()))
            .filter((term) => !text.toLowerCase().includes(entry(term, language)!.term.toLowerCase()))
            .map((term) => `${source}: ${key}: ${term.id}`),
        ),
      );
      expect(offenders).toEqual([]);
    });
  },
);

/**
 * Terms whose English abbreviation (GCI, ITU, CIRT) a translation writes as the glossary
 * abbreviates it, or spells out. Checked where the term is written as the glossary gives it:
 * not in Russian, whose terms decline, nor in Arabic, where the article and an adjective join
 * the term (الفريق الوطني للاستجابة).
 */
const ABBREVIATED = ['gci', 'itu', 'itu-t', 'cirt'];

describe.each(translationLanguages().filter((language) => !['ru', 'ar'].includes(language)))(
  'content translated to %s',
  (language) => {
    it('writes an abbreviation as the glossary abbreviates the term, or spells the term out', () => {
      const offenders = contentFiles().flatMap((source) =>
        Object.entries(readTranslation(language, source)?.texts ?? {}).flatMap(([key, { en, text }]) =>
          glossary.terms
            .filter((term) => ABBREVIATED.includes(term.id))
            .filter((term) => new RegExp(`(?<![\\w-])${entry(term, 'en')!.short}(?![\\w-])`).test(en))
            .filter((term) => {
              const chosen = entry(term, language)!;
              return (
                !(chosen.short && text.includes(chosen.short)) &&
                !text.toLowerCase().includes(chosen.term.toLowerCase())
              );
            })
            .map((term) => `${source}: ${key}: ${term.id}`),
        ),
      );
      expect(offenders).toEqual([]);
    });
  },
);
