/**
 * Answers and scores as CSV for spreadsheets, in the convention the spreadsheet reads
 * (`csvConvention.ts`: quoting, formulas escaped, a byte-order mark).
 */
import type { GapAnalysis, QuestionAnalysis } from '../analysis/gaps.ts';
import type { ResultState } from '../analysis/provisional.ts';
import { describeResponse, responseText, type ResponseWords } from '../assessment/describe.ts';
import type { Answers } from '../assessment/types.ts';
import type { Band } from '../profiles/schema.ts';
import { findPillar } from '../questionnaire/lookup.ts';
import type { LocalizedText, Questionnaire } from '../questionnaire/schema.ts';
import { csvFigure, spreadsheetCsv, type CsvConvention } from './csvConvention.ts';

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
  target: string;
  gap: string;
  weightedGap: string;
  priority: string;
  rank: string;
  band: string;
  result: string;
  ceiling: string;
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
  /** How a status (`answered`, `notAsked` …) reads. */
  status: (status: string) => string;
  /** How a result reads: no answers yet, provisional or final. */
  result: (state: ResultState) => string;
  /** The name of a GCI pillar, for the scores of the GCI view. */
  gciPillar: (id: string) => string;
  restricted: string;
  /** How the spreadsheet reads numbers (`csvConventionFor` the interface language, unless chosen). */
  convention: CsvConvention;
}

/** An answer's value as recorded: a figure as the convention writes it, anything else as JSON. */
const recorded = (value: unknown, decimal: ReturnType<typeof csvFigure>) =>
  typeof value === 'number' ? decimal(value) : JSON.stringify(value);

/**
 * One row per question, in questionnaire order, with the figures of the results screen:
 * `analysis` is the assessment's analysis by the questionnaire's pillars, computed with its own
 * weights and targets (`analyseAssessment`).
 */
export function answersCsv(
  questionnaire: Questionnaire,
  answers: Answers,
  analysis: GapAnalysis,
  text: CsvText,
): string {
  const c = text.columns;
  const decimal = csvFigure(text.convention);
  const figures = new Map<string, QuestionAnalysis>(
    analysis.groups.flatMap((group) => group.questions.map((question) => [question.questionId, question])),
  );
  const rows = questionnaire.pillars.flatMap((pillar) =>
    pillar.questions.map((question) => {
      const answer = answers[question.id];
      const scored = figures.get(question.id);
      const response = answer?.response;
      return [
        pillar.id,
        text.localize(pillar.title),
        question.id,
        text.localize(question.text),
        scored ? text.status(scored.status) : '',
        responseText(describeResponse(question, response), text.words),
        response?.kind === 'value' ? recorded(response.value, decimal) : (response?.kind ?? ''),
        decimal(scored?.score),
        decimal(scored?.weight),
        decimal(scored?.share),
        decimal(scored?.target),
        decimal(scored?.gap),
        answer?.comment ?? '',
        (answer?.evidence ?? [])
          .map((item) =>
            item.access === 'restricted' ? `${item.reference} (${text.restricted})` : item.reference,
          )
          .join('\n'),
      ];
    }),
  );
  return spreadsheetCsv(
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
      c.target,
      c.gap,
      c.comment,
      c.evidence,
    ],
    rows,
    text.convention,
  );
}

/**
 * One row per pillar (or GCI pillar, as the analysis groups them) and one for the overall
 * score: score (0–100), target, gap, weighted gap, priority and rank, band, whether the result
 * is final, the most it can still reach, weight, share and coverage. A band is given only for a
 * final result; a provisional one says so and gives its ceiling instead.
 */
export function pillarsCsv(questionnaire: Questionnaire, analysis: GapAnalysis, text: CsvText): string {
  const c = text.columns;
  const decimal = csvFigure(text.convention);
  const state = (provisional: boolean): ResultState =>
    analysis.state === 'empty' ? 'empty' : provisional ? 'provisional' : 'final';
  const band = (value: Band | undefined, provisional: boolean) =>
    value && !provisional ? text.localize(value.label) : '';
  const title = (id: string) => {
    if (analysis.groupBy === 'gciPillar') return text.gciPillar(id);
    const pillar = findPillar(questionnaire, id);
    return pillar ? text.localize(pillar.title) : id;
  };
  const rows = analysis.groups.map((group) => [
    group.pillarId,
    title(group.pillarId),
    decimal(group.score),
    decimal(group.target),
    decimal(group.gap),
    decimal(group.weightedGap),
    decimal(group.priority),
    group.rank ?? '',
    band(group.band, group.provisional),
    text.result(state(group.provisional)),
    decimal(group.ceiling),
    decimal(group.weight),
    decimal(group.share),
    group.answered,
    group.counted,
    decimal(group.coverage),
  ]);
  const { overall } = analysis;
  const sum = (pick: (group: (typeof analysis.groups)[number]) => number) =>
    analysis.groups.reduce((total, group) => total + pick(group), 0);
  rows.push([
    '',
    c.overall,
    decimal(overall.score),
    decimal(overall.target),
    decimal(overall.gap),
    decimal(overall.gap),
    '',
    '',
    band(overall.band, overall.provisional),
    text.result(state(overall.provisional)),
    decimal(overall.ceiling),
    '',
    '',
    sum((group) => group.answered),
    sum((group) => group.counted),
    decimal(analysis.coverage),
  ]);
  return spreadsheetCsv(
    [
      c.pillarId,
      c.pillar,
      c.score,
      c.target,
      c.gap,
      c.weightedGap,
      c.priority,
      c.rank,
      c.band,
      c.result,
      c.ceiling,
      c.weight,
      c.share,
      c.answered,
      c.counted,
      c.coverage,
    ],
    rows,
    text.convention,
  );
}
