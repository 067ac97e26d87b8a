/**
 * The glossary (questionnaires/reference/glossary.json) is complete in the six UN languages,
 * says where each term comes from, and the Resolution 130 questionnaires follow it in Russian.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localizedTexts } from '../../../src/questionnaire/walk.ts';
import { loadBuiltInQuestionnaire, QUESTIONNAIRE_DIR } from '../../../scripts/lib/questionnaires.ts';

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
const STRICT = ['gci', 'itu-t', 'questionnaire', 'cii', 'basic-steps'];

describe.each(['resolution-130', 'resolution-130-quick'])('%s in Russian', (id) => {
  const questionnaire = loadBuiltInQuestionnaire(id);

  it('follows the glossary where a form is never right', () => {
    const avoid = glossary.terms
      .filter((term) => STRICT.includes(term.id))
      .flatMap((term) => entry(term, 'ru')?.avoid ?? []);
    const pattern = new RegExp(
      `(?<![\\p{L}])(${avoid.map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
      'iu',
    );
    const offenders = localizedTexts(questionnaire)
      .filter(({ text }) => pattern.test(text.ru ?? ''))
      .map(({ path, text }) => `${path.join('.')}: ${text.ru?.match(pattern)?.[0]}`);
    expect(offenders).toEqual([]);
  });
});
