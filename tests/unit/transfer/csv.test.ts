import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/analysis/index.ts';
import { responseText, type ResponseWords } from '../../../src/assessment/describe.ts';
import type { Answers } from '../../../src/assessment/types.ts';
import { answersCsv, csvConventionFor, pillarsCsv, type CsvText } from '../../../src/transfer/index.ts';
import { profile } from '../analysis/profile.ts';
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
  'pillarId pillar questionId question status answer value score weight share target gap weightedGap priority rank band result ceiling comment evidence coverage answered counted overall'
    .split(' ')
    .map((key) => [key, key]),
) as unknown as CsvText['columns'];
const text: CsvText = {
  columns,
  words,
  localize: words.localize,
  status: (s) => s,
  result: (state) => state,
  gciPillar: (id) => `GCI ${id}`,
  restricted: 'restricted',
  convention: 'comma',
};
const semicolonText: CsvText = { ...text, convention: 'semicolon' };
const byId = Object.fromEntries(answers.map((answer) => [answer.questionId, answer]));
const weights = profile({ appliesTo: ['sample'], pillars: { gender: 2.5 } });
const analysed = (given: Answers, groupBy: 'pillar' | 'gciPillar' = 'pillar') =>
  analyse(sample, given, { profile: weights, targets: { cirt: 40 }, groupBy });
const parse = (csv: string, delimiter = ',') =>
  Papa.parse<Record<string, string>>(csv.slice(1), { header: true, delimiter }).data;

describe('CSV for spreadsheets', () => {
  it('has one row per question that a spreadsheet reads back, with a byte-order mark', () => {
    const csv = answersCsv(sample, byId, analysed(byId), text);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv);
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatchObject({
      pillarId: 'strategy',
      questionId: 'strategy.exists',
      answer: 'Partly',
      value: '"partly"',
      score: '0.5',
      target: '70',
      gap: '20',
    });
    expect(rows[0]?.evidence).toBe('Decree 12/2025\nCabinet memo 7 (internal) (restricted)');
    expect(rows.find((row) => row.questionId === 'cirt.services')?.answer).toMatch(/;/);
    expect(rows.find((row) => row.questionId === 'smes.guidance')).toMatchObject({
      answer: 'Not applicable',
      score: '',
    });
  });

  it('escapes text a spreadsheet would run as a formula', () => {
    const rows = parse(answersCsv(sample, byId, analysed(byId), text));
    expect(rows.find((row) => row.questionId === 'cirt.services')?.comment).toBe(
      `'=HYPERLINK("http://example.invalid","click")`,
    );
  });

  it('has one row per pillar and the overall score, with the assessment’s own weights and targets', () => {
    const analysis = analysed(byId);
    const rows = parse(pillarsCsv(sample, analysis, text));
    expect(rows.map((row) => row.pillarId)).toEqual([
      'strategy',
      'cirt',
      'skills',
      'gender',
      'smes',
      'awareness',
      '',
    ]);
    const cirt = analysis.groups.find((group) => group.pillarId === 'cirt')!;
    expect(rows[1]).toMatchObject({
      target: '40',
      score: String(Math.round(cirt.score! * 10000) / 10000),
      gap: String(Math.round(cirt.gap! * 10000) / 10000),
      weightedGap: String(Math.round(cirt.weightedGap! * 10000) / 10000),
      priority: String(Math.round(cirt.priority * 10000) / 10000),
      rank: String(cirt.rank ?? ''),
    });
    // Gender weighs 2.5 of the 6.5 of the pillars with a score (SMEs is not applicable): the share
    // the results screen shows, not an equal fifth.
    expect(rows[3]).toMatchObject({ weight: '2.5', share: String(Math.round((2.5 / 6.5) * 10000) / 10000) });
    expect(rows.at(-1)).toMatchObject({
      pillar: 'overall',
      score: String(Math.round(analysis.overall.score! * 10000) / 10000),
      target: String(Math.round(analysis.overall.target! * 10000) / 10000),
    });
    expect(responseText({ kind: 'figure', value: 120, unit: undefined, percent: false }, words)).toBe('120');
  });

  it('gives a band only for a final result; a provisional one says so, with the most it can reach', () => {
    const rows = parse(pillarsCsv(sample, analysed(byId), text));
    // The CIRT: both questions answered, so final; gender: "don't know", so provisional.
    expect(rows[1]).toMatchObject({ result: 'final', band: expect.stringMatching(/.+/) });
    expect(rows[3]).toMatchObject({ result: 'provisional', band: '', ceiling: '100' });
  });

  it('has no score at all before any answer, only the questions to answer', () => {
    const rows = parse(pillarsCsv(sample, analysed({}), text));
    expect(rows.every((row) => row.score === '' && row.band === '' && row.result === 'empty')).toBe(true);
    expect(parse(answersCsv(sample, {}, analysed({}), text)).every((row) => row.score === '')).toBe(true);
  });

  it('names the five GCI pillars when the profile groups by them', () => {
    const rows = parse(pillarsCsv(sample, analysed(byId, 'gciPillar'), text));
    expect(rows[0]).toMatchObject({ pillarId: 'legal', pillar: 'GCI legal' });
  });

  it('writes decimal commas between semicolons for spreadsheets set that way, and still escapes formulas', () => {
    const analysis = analysed(byId);
    const withPoints = parse(pillarsCsv(sample, analysis, text));
    const withCommas = parse(pillarsCsv(sample, analysis, semicolonText), ';');
    expect(withCommas.map((row) => row.pillarId)).toEqual(withPoints.map((row) => row.pillarId));
    for (const [index, row] of withCommas.entries())
      for (const key of ['score', 'target', 'gap', 'weightedGap', 'priority', 'share', 'coverage', 'ceiling'])
        expect(row[key], `${row.pillarId} ${key}`).toBe(withPoints[index]![key]!.replace('.', ','));
    expect(withCommas[3]).toMatchObject({ weight: '2,5' });

    const questions = parse(answersCsv(sample, byId, analysis, semicolonText), ';');
    // A question answered above its pillar's target: a negative gap, a figure, not an escaped formula.
    expect(questions.some((row) => /^-\d+(,\d+)?$/.test(row.gap ?? ''))).toBe(true);
    expect(questions.find((row) => row.questionId === 'cirt.services')?.comment).toBe(
      `'=HYPERLINK("http://example.invalid","click")`,
    );
  });

  it('follows the usual spreadsheet settings of each interface language', () => {
    expect(['en', 'zh', 'ar', 'fr', 'es', 'ru'].map(csvConventionFor)).toEqual([
      'comma',
      'comma',
      'comma',
      'semicolon',
      'semicolon',
      'semicolon',
    ]);
  });
});
