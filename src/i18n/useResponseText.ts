import {
  describeResponse,
  responseText,
  type ResponseTextOptions,
  type ResponseWords,
} from '../assessment/describe.ts';
import type { Response } from '../assessment/types.ts';
import type { LocalizedText, Question } from '../questionnaire/schema.ts';
import { useLanguage } from './useLanguage.ts';

type FixedWord = Exclude<keyof ResponseWords, 'level' | 'number' | 'percent' | 'localize'>;

/** The message each word that takes no value is told with. */
const WORD_KEYS: Record<FixedWord, string> = {
  unanswered: 'question.status.unanswered',
  notApplicable: 'question.notApplicable',
  dontKnow: 'question.dontKnow',
  invalid: 'report.invalidAnswer',
  yes: 'question.yes',
  partly: 'question.partly',
  no: 'question.no',
};

/** The words an answer is told in, in the interface language. */
export function useResponseWords(defaultLanguage: () => string): ResponseWords {
  const { t, locale, localized } = useLanguage();
  // Getters, so words taken once follow a change of language.
  const getters = Object.entries(WORD_KEYS).map(([word, key]): [string, PropertyDescriptor] => [
    word,
    { get: () => t(key), enumerable: true },
  ]);
  const fixed = Object.defineProperties({}, Object.fromEntries(getters)) as Pick<ResponseWords, FixedWord>;
  return Object.assign(fixed, {
    level: (level: number, word: string | undefined) =>
      word === undefined ? t('question.level', { level }) : t('question.levelNamed', { word, level }),
    number: (value: number) => new Intl.NumberFormat(locale.value).format(value),
    percent: (value: number) =>
      new Intl.NumberFormat(locale.value, { style: 'percent', maximumFractionDigits: 3 }).format(value / 100),
    localize: (text: LocalizedText) => localized(text, defaultLanguage()).text,
  });
}

/** An answer in one line of text, in the interface language. */
export function useResponseText(defaultLanguage: () => string) {
  const words = useResponseWords(defaultLanguage);
  return (question: Question, response: Response | undefined, options?: ResponseTextOptions) =>
    responseText(describeResponse(question, response), words, options);
}
