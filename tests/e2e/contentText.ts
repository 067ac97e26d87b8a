import { readFileSync } from 'node:fs';
import { localize } from '../../src/questionnaire/localize.ts';
import type { LocalizedText } from '../../src/questionnaire/schema.ts';
import type { TestLocale } from './interfaceText.ts';

interface Sample {
  defaultLanguage: string;
  title: LocalizedText;
  pillars: { id: string; title: LocalizedText; questions: { id: string; text: LocalizedText }[] }[];
}

const sample = JSON.parse(
  readFileSync(new URL('../../questionnaires/sample.json', import.meta.url), 'utf8'),
) as Sample;

/** A text of the sample as the app shows it in `locale`: by the app's own lookup (the translation, else the original). */
const shown = (text: LocalizedText, locale: TestLocale) =>
  localize(text, locale, sample.defaultLanguage).text;

const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A name that starts with `text` (what follows it, such as a description or a count, left open). */
export const startOf = (text: string) => new RegExp(`^${literally(text)}`);

/** The sample's title in `locale`, as the start of a choice's name (its description follows it). */
export const sampleTitle = (locale: TestLocale) => startOf(shown(sample.title, locale));

/** A pillar's title in `locale`. */
export function samplePillar(locale: TestLocale, id: string): string {
  const pillar = sample.pillars.find((candidate) => candidate.id === id);
  if (!pillar) throw new Error(`No pillar "${id}" in the sample`);
  return shown(pillar.title, locale);
}

/** A question's text in `locale`, to find its card by (the card's name holds it). */
export function sampleQuestion(locale: TestLocale, id: string): RegExp {
  const found = sample.pillars.flatMap((pillar) => pillar.questions).find((candidate) => candidate.id === id);
  if (!found) throw new Error(`No question "${id}" in the sample`);
  return new RegExp(literally(shown(found.text, locale)));
}
