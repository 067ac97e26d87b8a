/**
 * An answer in words: what a report, a spreadsheet, a workshop table or a conflict message
 * shows for a response. `describeResponse` says what the answer is in terms of the
 * questionnaire (the option's label, the maturity level's descriptor; each type's descriptor
 * in `answerTypes.ts` says how); `responseText` turns that into one line of text with the
 * words and number format the caller supplies (the interface's language, or the file's).
 */
import { accepts, describeValue, type ValueDescription } from '../questionnaire/answerTypes.ts';
import type { LocalizedText, Question } from '../questionnaire/schema.ts';
import type { Response } from './types.ts';

export type ResponseDescription =
  | { kind: 'unanswered' }
  | { kind: 'notApplicable' }
  | { kind: 'dontKnow' }
  | ValueDescription
  /** A value this question does not accept (for instance an option removed in a later version). */
  | { kind: 'invalid'; raw: string };

export function describeResponse(question: Question, response: Response | undefined): ResponseDescription {
  if (!response) return { kind: 'unanswered' };
  if (response.kind !== 'value') return { kind: response.kind };
  if (!accepts(question, response.value)) return { kind: 'invalid', raw: JSON.stringify(response.value) };
  return describeValue(question, response.value);
}

export interface ResponseWords {
  unanswered: string;
  notApplicable: string;
  dontKnow: string;
  invalid: string;
  yes: string;
  partly: string;
  no: string;
  /** "Level 3", or with the questionnaire's own word, "Stage 3". */
  level: (shown: number, word: string | undefined) => string;
  number: (value: number) => string;
  /** A percentage answer (0 to 100) as the language writes one: "40 %", "40%", "%40". */
  percent: (value: number) => string;
  localize: (text: LocalizedText) => string;
}

export interface ResponseTextOptions {
  /** A level without its descriptor ("Level 3", not "Level 3: …"), for tables and figures. */
  short?: boolean;
}

/** One line of text for an answer, in the words given: one wording for screens, reports and files. */
export function responseText(
  description: ResponseDescription,
  words: ResponseWords,
  { short = false }: ResponseTextOptions = {},
): string {
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
      const level = words.level(description.shown, description.word && words.localize(description.word));
      return description.descriptor && !short ? `${level}: ${words.localize(description.descriptor)}` : level;
    }
    case 'options':
      return description.labels.map(words.localize).join('; ');
    case 'figure': {
      if (description.percent) return words.percent(description.value);
      const figure = words.number(description.value);
      return description.unit ? `${figure} ${words.localize(description.unit)}` : figure;
    }
    case 'text':
      return description.text;
  }
}
