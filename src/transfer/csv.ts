/**
 * Answers and scores as CSV for spreadsheets, written by Papa Parse: fields are quoted where
 * needed, and text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` …) is escaped,
 * so an imported comment cannot become a formula on someone's computer. A byte-order mark
 * leads the file, so spreadsheet programs read Cyrillic and other scripts correctly.
 */
import Papa from 'papaparse';
import { describeResponse, responseText, type ResponseWords } from '../assessment/describe.ts';
import type { Answers } from '../assessment/types.ts';
import type { LocalizedText, Questionnaire } from '../questionnaire/schema.ts';
import type { AssessmentResult } from '../scoring/score.ts';

export interface CsvColumns {
  pillarId: string;
  pillar: string;
  questionId: string;
  question: string;
  status: string;
  answer: string;
  value: string;
  score: string;
  weight: string;
  share: string;
  comment: string;
  evidence: string;
  coverage: string;
  answered: string;
  counted: string;
  overall: string;
}

export interface CsvText {
  columns: CsvColumns;
  words: ResponseWords;
  localize: (text: LocalizedText) => string;
  /** How a status (`answered`, `hidden` …) reads. */
  status: (status: string) => string;
  restricted: string;
}

const BOM = '\uFEFF';

function unparse(fields: string[], rows: unknown[][]): string {
  return BOM + Papa.unparse({ fields, data: rows }, { escapeFormulae: true, newline: '\r\n' });
}

const decimal = (value: number | null) => (value === null ? '' : String(Math.round(value * 10000) / 10000));

/** One row per question, in questionnaire order. */
export function answersCsv(
  questionnaire: Questionnaire,
  answers: Answers,
  result: AssessmentResult,
  text: CsvText,
): string {
  const c = text.columns;
  const rows = questionnaire.pillars.flatMap((pillar) =>
    pillar.questions.map((question) => {
      const answer = answers[question.id];
      const scored = result.questions[question.id];
      const response = answer?.response;
      return [
        pillar.id,
        text.localize(pillar.title),
        question.id,
        text.localize(question.text),
        scored ? text.status(scored.status) : '',
        responseText(describeResponse(question, response), text.words),
        response?.kind === 'value' ? JSON.stringify(response.value) : (response?.kind ?? ''),
        decimal(scored?.score ?? null),
        decimal(scored?.weight ?? null),
        decimal(scored?.share ?? null),
        answer?.comment ?? '',
        (answer?.evidence ?? [])
          .map((item) =>
            item.access === 'restricted' ? `${item.reference} (${text.restricted})` : item.reference,
          )
          .join('\n'),
      ];
    }),
  );
  return unparse(
    [
      c.pillarId,
      c.pillar,
      c.questionId,
      c.question,
      c.status,
      c.answer,
      c.value,
      c.score,
      c.weight,
      c.share,
      c.comment,
      c.evidence,
    ],
    rows,
  );
}

/** One row per pillar with its score (0–100), weight, share and coverage. */
export function pillarsCsv(questionnaire: Questionnaire, result: AssessmentResult, text: CsvText): string {
  const c = text.columns;
  const rows = result.pillars.map((pillar) => {
    const definition = questionnaire.pillars.find((entry) => entry.id === pillar.pillarId);
    return [
      pillar.pillarId,
      definition ? text.localize(definition.title) : pillar.pillarId,
      decimal(pillar.score),
      decimal(pillar.weight),
      decimal(pillar.share),
      pillar.answered,
      pillar.counted,
      decimal(pillar.coverage),
    ];
  });
  const sum = (pick: (pillar: (typeof result.pillars)[number]) => number) =>
    result.pillars.reduce((total, pillar) => total + pick(pillar), 0);
  rows.push([
    '',
    c.overall,
    decimal(result.overall),
    '',
    '',
    sum((pillar) => pillar.answered),
    sum((pillar) => pillar.counted),
    decimal(result.coverage),
  ]);
  return unparse([c.pillarId, c.pillar, c.score, c.weight, c.share, c.answered, c.counted, c.coverage], rows);
}
