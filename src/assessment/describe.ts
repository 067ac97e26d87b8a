/**
 * An answer in words: what a report, a spreadsheet or a conflict message shows for a response.
 * `describeResponse` says what the answer is in terms of the questionnaire (the option's label,
 * the maturity level's descriptor); `responseText` turns that into one line of text with the
 * words and number format the caller supplies (the interface's language, or the file's).
 */
import type { LocalizedText, Question } from '../questionnaire/schema.ts';
import { valueScore } from '../scoring/valueScore.ts';
import type { Response } from './types.ts';

export type ResponseDescription =
  | { kind: 'unanswered' }
  | { kind: 'notApplicable' }
  | { kind: 'dontKnow' }
  | { kind: 'word'; word: 'yes' | 'partly' | 'no' }
  | { kind: 'level'; level: number; descriptor: LocalizedText | undefined }
  | { kind: 'options'; labels: LocalizedText[] }
  | { kind: 'figure'; value: number; unit: LocalizedText | undefined; percent: boolean }
  | { kind: 'text'; text: string }
  /** A value this question does not accept (for instance an option removed in a later version). */
  | { kind: 'invalid'; raw: string };

export function describeResponse(question: Question, response: Response | undefined): ResponseDescription {
  if (!response) return { kind: 'unanswered' };
  if (response.kind !== 'value') return { kind: response.kind };
  const { value } = response;
  if (valueScore(question, value) === undefined) return { kind: 'invalid', raw: JSON.stringify(value) };
  switch (question.type) {
    case 'yesNo':
    case 'yesPartlyNo':
      return { kind: 'word', word: value as 'yes' | 'partly' | 'no' };
    case 'maturity':
      return { kind: 'level', level: value as number, descriptor: question.levels[value as number] };
    case 'singleChoice':
    case 'multipleChoice': {
      const chosen = new Set(Array.isArray(value) ? value : [value]);
      return {
        kind: 'options',
        labels: question.options.filter((option) => chosen.has(option.id)).map((option) => option.label),
      };
    }
    case 'number':
      return { kind: 'figure', value: value as number, unit: question.unit, percent: false };
    case 'percentage':
      return { kind: 'figure', value: value as number, unit: undefined, percent: true };
    case 'text':
      return { kind: 'text', text: value as string };
  }
}

export interface ResponseWords {
  unanswered: string;
  notApplicable: string;
  dontKnow: string;
  invalid: string;
  yes: string;
  partly: string;
  no: string;
  level: (level: number) => string;
  number: (value: number) => string;
  localize: (text: LocalizedText) => string;
}

export function responseText(description: ResponseDescription, words: ResponseWords): string {
  switch (description.kind) {
    case 'unanswered':
    case 'notApplicable':
    case 'dontKnow':
      return words[description.kind];
    case 'invalid':
      return `${words.invalid} (${description.raw})`;
    case 'word':
      return words[description.word];
    case 'level': {
      const level = words.level(description.level);
      return description.descriptor ? `${level}: ${words.localize(description.descriptor)}` : level;
    }
    case 'options':
      return description.labels.map(words.localize).join('; ');
    case 'figure': {
      const figure = words.number(description.value);
      if (description.percent) return `${figure} %`;
      return description.unit ? `${figure} ${words.localize(description.unit)}` : figure;
    }
    case 'text':
      return description.text;
  }
}
