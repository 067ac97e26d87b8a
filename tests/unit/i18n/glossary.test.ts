/**
 * The glossary (questionnaires/reference/glossary.json) governs the interface too: in every
 * language, no message uses a form the glossary rules out where that form is wrong in every
 * context, the GCI's pillars carry ITU's names, and the built-in profiles name their bands after
 * the GCI tiers as the glossary gives them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUESTIONNAIRE_DIR } from '../../../scripts/lib/questionnaires.ts';
import { SUPPORTED_LOCALES } from '../../../src/i18n/index.ts';
import { flatten, MESSAGES } from '../i18n.ts';

interface Entry {
  term: string;
  avoid?: string[];
}
type Term = { id: string } & Record<string, Entry | string>;
const glossary = JSON.parse(readFileSync(join(QUESTIONNAIRE_DIR, 'reference', 'glossary.json'), 'utf8')) as {
  terms: Term[];
};
const entry = (id: string, language: string) =>
  glossary.terms.find((term) => term.id === id)?.[language] as Entry | undefined;

/**
 * Terms whose forms to avoid are wrong wherever they appear in the interface. Left out: forms
 * that are right for another concept (Russian «оценка» is the assessment, Arabic ملف and Chinese
 * 文件 are a file, French «objectif» of a strategy is not a target in the questionnaires).
 */
const STRICT = [
  'gci',
  'questionnaire',
  'workshop',
  'gci-capacity',
  'itu-t',
  'cii',
  'basic-steps',
  'target',
  'cirt',
];

const escape = (form: string) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const locales = SUPPORTED_LOCALES.map(({ code }) => code);

describe.each(locales)('the %s interface', (locale) => {
  const messages = flatten(MESSAGES[locale]);

  it('never uses a form the glossary rules out', () => {
    const offenders = STRICT.flatMap((id) =>
      (entry(id, locale)?.avoid ?? []).flatMap((form) => {
        const pattern = new RegExp(`(?<![\\p{L}])${escape(form)}`, 'iu');
        return [...messages]
          .filter(([, text]) => pattern.test(text))
          .map(([key, text]) => `${key}: ${id} as “${text.match(pattern)?.[0]}”`);
      }),
    );
    expect(offenders).toEqual([]);
  });

  it('never uses a form of several words that the glossary rules out, for any term', () => {
    // A single word may be right for another concept (ملف is a file); a phrase is not (ملف الأوزان).
    const offenders = glossary.terms.flatMap((term) =>
      ((term[locale] as Entry | undefined)?.avoid ?? [])
        .filter((form) => /\s/u.test(form))
        .flatMap((form) => {
          const pattern = new RegExp(`(?<![\\p{L}])${escape(form)}`, 'iu');
          return [...messages]
            .filter(([, text]) => pattern.test(text))
            .map(([key]) => `${key}: ${term.id} as “${form}”`);
        }),
    );
    expect(offenders).toEqual([]);
  });

  it('names the five GCI pillars as ITU does', () => {
    const names = ['legal', 'technical', 'organizational', 'capacity', 'cooperation'].map((pillar) => [
      messages.get(`gci.${pillar}`),
      entry(`gci-${pillar}`, locale)?.term,
    ]);
    for (const [message, term] of names) expect(message?.toLowerCase()).toBe(term?.toLowerCase());
  });
});

describe('the built-in weight profiles', () => {
  it.each(['equal', 'gci-five-pillars', 'resolution-130-priorities'])(
    '%s names its bands after the GCI tiers in every language it is written in',
    (id) => {
      const profile = JSON.parse(readFileSync(join(QUESTIONNAIRE_DIR, 'weights', `${id}.json`), 'utf8')) as {
        bands: { id: string; label: Record<string, string> }[];
      };
      for (const band of profile.bands)
        for (const [language, label] of Object.entries(band.label))
          expect(label, `${band.id} (${language})`).toBe(entry(`tier-${band.id}`, language)?.term);
    },
  );
});
