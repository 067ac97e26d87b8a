import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { statisticsCsv } from '../../../src/statistics/csv.ts';
import type { StatisticsReport } from '../../../src/statistics/report.ts';
import { REPORT, withheld } from './report.ts';

const spread = { organisations: 6, min: 12.25, q1: 30.5, median: 42.125, q3: 55.75, max: 81 };
const report: StatisticsReport = {
  ...REPORT,
  profiles: [{ id: 'equal', version: '1.0.0', assessments: 6 }],
  population: { organisations: 6, assessments: 6, excluded: { provisional: 0, empty: 0, invalidWeights: 0 } },
  overall: spread,
  pillars: [{ pillarId: 'cirt', distribution: spread }],
  bands: {
    organisations: 6,
    counts: [{ bandId: 'establishing', label: 'Establishing', from: 35, organisations: 6 }],
  },
  gaps: { organisations: 6, pillars: [{ pillarId: 'cirt', below: 4, scored: 6, medianGap: -2.5 }] },
  questionsBelowTarget: withheld(2),
  years: [{ year: 2026, overall: spread }],
  organisations: [
    {
      organisationId: '0b6f8a5e-6a43-4b9e-9a43-0d0f2a6b1c11',
      name: '=HYPERLINK("http://example.org")',
      years: [{ year: 2026, score: 42.125, provisional: false, assessedOn: '2026-06-30' }],
    },
  ],
};

/** The file as a spreadsheet of that convention reads it: rows of cells. */
const cells = (csv: string, delimiter: string) =>
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter, skipEmptyLines: true }).data;

describe('statisticsCsv', () => {
  it('writes commas and decimal points by default, as before', () => {
    const rows = cells(statisticsCsv(report), ',');
    expect(rows[0]).toEqual(['section', 'subject', 'year', 'measure', 'value', 'organisations']);
    expect(rows).toContainEqual(['overall', 'overall', '', 'median', '42.125', '6']);
    expect(rows).toContainEqual(['pillarGap', 'cirt', '', 'medianGap', '-2.5', '6']);
  });

  it('writes semicolons and decimal commas for spreadsheets set for a decimal comma', () => {
    const csv = statisticsCsv(report, 'semicolon');
    expect(csv.startsWith('\uFEFFsection;subject;year;measure;value;organisations\r\n')).toBe(true);
    const rows = cells(csv, ';');
    expect(rows).toContainEqual(['overall', 'overall', '', 'median', '42,125', '6']);
    expect(rows).toContainEqual(['pillar', 'cirt', '', 'q1', '30,5', '6']);
    expect(rows).toContainEqual(['pillarGap', 'cirt', '', 'medianGap', '-2,5', '6']);
    expect(rows).toContainEqual(['year', 'overall', '2026', 'max', '81', '6']);
  });

  it('never lets an organisation’s name run as a formula, in either convention', () => {
    for (const [convention, delimiter] of [
      ['comma', ','],
      ['semicolon', ';'],
    ] as const) {
      const row = cells(statisticsCsv(report, convention), delimiter).find(
        (cells) => cells[0] === 'organisation',
      );
      expect(row?.[1]).toBe(`'=HYPERLINK("http://example.org")`);
    }
  });
});
