/** The statistics as `npm run server -- stats` prints them: counts of one in the singular, nothing counted said so. */
import { describe as group, expect, it } from 'vitest';
import { describe } from '../../../server/statisticsCli.ts';
import type { StatisticsReport } from '../../../src/statistics/report.ts';

const withheld = (organisations: number) => ({ suppressed: true as const, organisations });

const report: StatisticsReport = {
  questionnaire: { id: 'resolution-130', versions: ['2.0.0'] },
  period: { from: '2026-01-01', to: '2026-12-31' },
  scope: null,
  threshold: 5,
  includeProvisional: false,
  profiles: [],
  computedAt: '2026-12-05T03:00:00.000Z',
  population: { organisations: 1, assessments: 1, excluded: { provisional: 0, empty: 0, invalidWeights: 0 } },
  overall: withheld(1),
  pillars: [],
  bands: withheld(1),
  gaps: withheld(1),
  questionsBelowTarget: withheld(1),
  years: [],
  organisations: [],
};

group('the statistics in a terminal', () => {
  it('say one organisation and one assessment in the singular', () => {
    const lines = describe(report).split('\n');
    expect(lines[0]).toBe('Statistics of resolution-130 (2.0.0), 2026-01-01 to 2026-12-31');
    expect(lines[1]).toMatch(/^Threshold 5 organisations; 1 organisation, 1 assessment counted /);
    expect(lines).toContain('Overall               suppressed (1 organisation)');
    expect(lines).toContain('Bands: suppressed (1 organisation)');
  });

  it('say when nothing was counted, rather than "no version"', () => {
    const none = describe({
      ...report,
      questionnaire: { id: 'resolution-130', versions: [] },
      population: { ...report.population, organisations: 0, assessments: 0 },
    });
    expect(none.split('\n')[0]).toBe(
      'Statistics of resolution-130 (no assessment counted), 2026-01-01 to 2026-12-31',
    );
    expect(none).toContain('0 organisations, 0 assessments counted');
  });
});
