import { useI18n } from 'vue-i18n';
import {
  describeResponse,
  responseText,
  type ResponseTextOptions,
  type ResponseWords,
} from '../assessment/describe.ts';
import type { Response } from '../assessment/types.ts';
import type { Question } from '../questionnaire/schema.ts';
import { useLocalized } from './useLocalized.ts';

/** The words an answer is told in, in the interface language. */
export function useResponseWords(defaultLanguage: () => string): ResponseWords {
  const { t, locale } = useI18n();
  const localized = useLocalized();
  return {
    get unanswered() {
      return t('question.status.unanswered');
    },
    get notApplicable() {
      return t('question.notApplicable');
    },
    get dontKnow() {
      return t('question.dontKnow');
    },
    get invalid() {
      return t('report.invalidAnswer');
    },
    get yes() {
      return t('question.yes');
    },
    get partly() {
      return t('question.partly');
    },
    get no() {
      return t('question.no');
    },
    level: (level, word) =>
      word === undefined ? t('question.level', { level }) : t('question.levelNamed', { word, level }),
    number: (value) => new Intl.NumberFormat(locale.value).format(value),
    percent: (value) =>
      new Intl.NumberFormat(locale.value, { style: 'percent', maximumFractionDigits: 3 }).format(value / 100),
    localize: (text) => localized(text, defaultLanguage()).text,
  };
}

/** An answer in one line of text, in the interface language. */
export function useResponseText(defaultLanguage: () => string) {
  const words = useResponseWords(defaultLanguage);
  return (question: Question, response: Response | undefined, options?: ResponseTextOptions) =>
    responseText(describeResponse(question, response), words, options);
}
