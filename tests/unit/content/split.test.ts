import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addLanguage, splitByLanguage, type TextSlots } from '../../../src/content/split.ts';
import { questionnaireTexts } from '../../../src/content/questionnaireTexts.ts';
import { clauseTexts, profileTexts } from '../../../src/content/texts.ts';
import type { WeightProfile } from '../../../src/profiles/schema.ts';
import { builtInProfileFiles } from '../../../scripts/lib/profiles.ts';
import { loadBuiltInQuestionnaire, loadClauseRegistry } from '../../../scripts/lib/questionnaires.ts';
import { sixLanguageCopy } from '../../../scripts/lib/sixLanguages.ts';

/** Splits, then adds every language back: the document as it was. */
function roundTrip<T>(document: T, slots: TextSlots<T>, keep: string): T {
  const { shell, languages } = splitByLanguage(document, slots, () => keep);
  for (const [language, texts] of Object.entries(languages)) addLanguage(shell, slots, language, texts);
  return shell;
}

const languagesOf = <T>(document: T, slots: TextSlots<T>) =>
  [...new Set(slots(document).flatMap((text) => Object.keys(text)))].sort();

describe('content split by language', () => {
  const resolution130 = loadBuiltInQuestionnaire('resolution-130');

  it('keeps only the default language in the shell and lists each other language in text order', () => {
    const { shell, languages } = splitByLanguage(resolution130, questionnaireTexts, () => 'en');
    expect(languagesOf(shell, questionnaireTexts)).toEqual(['en']);
    // Every content language the file declares, besides its default (English and Russian at least).
    const others = resolution130.languages.filter((language) => language !== 'en').sort();
    expect(others).toEqual(expect.arrayContaining(['fr', 'ru']));
    expect(Object.keys(languages).sort()).toEqual(others);
    expect(languages.ru).toHaveLength(questionnaireTexts(resolution130).length);
    expect(languages.ru?.[0]).toBe(resolution130.title.ru);
    // The original is left as it was.
    expect(languagesOf(resolution130, questionnaireTexts)).toEqual(['en', ...others].sort());
  });

  it('gives back every built-in questionnaire, the clause registry and the profiles exactly', () => {
    for (const name of ['resolution-130', 'resolution-130-quick', 'sample']) {
      const questionnaire = loadBuiltInQuestionnaire(name);
      expect(roundTrip(questionnaire, questionnaireTexts, questionnaire.defaultLanguage)).toEqual(
        questionnaire,
      );
    }
    const registry = loadClauseRegistry();
    expect(roundTrip(registry, clauseTexts, 'en')).toEqual(registry);
    const profiles = builtInProfileFiles().map(
      (path) => JSON.parse(readFileSync(path, 'utf8')) as WeightProfile,
    );
    expect(roundTrip(profiles, profileTexts, 'en')).toEqual(profiles);
  });

  it('leaves no text of another language in the shells the app precaches', () => {
    // Every localized field must be a slot: one that is not stays whole in the precache.
    const otherLanguage = /[\u0400-\u04FF]/; // the built-in content's second language is Russian
    const shells = [
      ...['resolution-130', 'resolution-130-quick', 'sample'].map((name) => {
        const questionnaire = loadBuiltInQuestionnaire(name);
        return splitByLanguage(questionnaire, questionnaireTexts, () => questionnaire.defaultLanguage).shell;
      }),
      splitByLanguage(loadClauseRegistry(), clauseTexts, () => 'en').shell,
      splitByLanguage(
        builtInProfileFiles().map((path) => JSON.parse(readFileSync(path, 'utf8')) as WeightProfile),
        profileTexts,
        () => 'en',
      ).shell,
    ];
    for (const shell of shells) expect(JSON.stringify(shell)).not.toMatch(otherLanguage);
  });

  it('handles six languages: five lists, any of them added alone, the shell unchanged in size', () => {
    const six = sixLanguageCopy(resolution130, questionnaireTexts);
    expect(languagesOf(six, questionnaireTexts)).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    const { shell, languages } = splitByLanguage(six, questionnaireTexts, () => 'en');
    expect(Object.keys(languages)).toEqual(['ar', 'es', 'fr', 'ru', 'zh']);
    const today = splitByLanguage(resolution130, questionnaireTexts, () => 'en').shell;
    expect({ ...shell, languages: today.languages }).toEqual(today);

    const device = structuredClone(shell);
    addLanguage(device, questionnaireTexts, 'fr', languages.fr!);
    expect(languagesOf(device, questionnaireTexts)).toEqual(['en', 'fr']);
    expect(device.pillars[0]?.questions[0]?.text.fr).toBe(six.pillars[0]?.questions[0]?.text.fr);
    expect(roundTrip(six, questionnaireTexts, 'en')).toEqual(six);
  });

  it('keeps a text whole when it lacks the kept language, and skips texts a language lacks', () => {
    const document = { a: { en: 'one', ru: 'один' }, b: { ru: 'два' }, c: { en: 'three' } };
    const slots: TextSlots<typeof document> = (d) => [d.a, d.b, d.c];
    const { shell, languages } = splitByLanguage(document, slots, () => 'en');
    expect(shell).toEqual({ a: { en: 'one' }, b: { ru: 'два' }, c: { en: 'three' } });
    expect(languages).toEqual({ ru: ['один', 'два', null] });
    addLanguage(shell, slots, 'ru', languages.ru!);
    expect(shell).toEqual(document);
  });

  it('refuses texts made for another document', () => {
    const shell = splitByLanguage(resolution130, questionnaireTexts, () => 'en').shell;
    expect(() => addLanguage(shell, questionnaireTexts, 'fr', ['Titre'])).toThrow(/1 texts in fr/);
  });
});
