import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { responseText, type ResponseWords } from '../../../src/assessment/describe.ts';
import { scoreAssessment } from '../../../src/scoring/index.ts';
import { answersCsv, pillarsCsv, type CsvText } from '../../../src/transfer/index.ts';
import { answers, sample } from './data.ts';

const words: ResponseWords = {
  unanswered: 'Not yet answered',
  notApplicable: 'Not applicable',
  dontKnow: 'Don’t know',
  invalid: 'Not valid',
  yes: 'Yes',
  partly: 'Partly',
  no: 'No',
  level: (level, word) => `${word ?? 'Level'} ${level}`,
  number: (value) => String(value),
  percent: (value) => `${value} %`,
  localize: (text) => text.ru ?? text.en ?? '',
};
const columns = Object.fromEntries(
  'pillarId pillar questionId question status answer value score weight share comment evidence coverage answered counted overall'
    .split(' ')
    .map((key) => [key, key]),
) as unknown as CsvText['columns'];
const text: CsvText = {
  columns,
  words,
  localize: words.localize,
  status: (s) => s,
  restricted: 'restricted',
};
const byId = Object.fromEntries(answers.map((answer) => [answer.questionId, answer]));

describe('CSV for spreadsheets', () => {
  it('has one row per question that a spreadsheet reads back, with a byte-order mark', () => {
    const csv = answersCsv(sample, byId, scoreAssessment(sample, byId), text);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true }).data;
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatchObject({
      pillarId: 'strategy',
      questionId: 'strategy.exists',
      answer: 'Partly',
      value: '"partly"',
      score: '0.5',
    });
    expect(rows[0]?.evidence).toBe('Decree 12/2025\nCabinet memo 7 (internal) (restricted)');
    expect(rows.find((row) => row.questionId === 'cirt.services')?.answer).toMatch(/;/);
    expect(rows.find((row) => row.questionId === 'smes.guidance')).toMatchObject({
      answer: 'Not applicable',
      score: '',
    });
  });

  it('escapes text a spreadsheet would run as a formula', () => {
    const csv = answersCsv(sample, byId, scoreAssessment(sample, byId), text);
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true }).data;
    expect(rows.find((row) => row.questionId === 'cirt.services')?.comment).toBe(
      `'=HYPERLINK("http://example.invalid","click")`,
    );
  });

  it('has one row per pillar and the overall score', () => {
    const result = scoreAssessment(sample, byId);
    const rows = Papa.parse<Record<string, string>>(pillarsCsv(sample, result, text).slice(1), {
      header: true,
    }).data;
    expect(rows.map((row) => row.pillarId)).toEqual([
      'strategy',
      'cirt',
      'skills',
      'gender',
      'smes',
      'awareness',
      '',
    ]);
    expect(rows.at(-1)).toMatchObject({
      pillar: 'overall',
      score: String(Math.round(result.overall! * 10000) / 10000),
    });
    expect(responseText({ kind: 'figure', value: 120, unit: undefined, percent: false }, words)).toBe('120');
  });
});
