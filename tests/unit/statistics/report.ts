/** A statistics report to build on: one organisation counted, every figure withheld. */
import type { StatisticsReport } from '../../../src/statistics/report.ts';

export const withheld = (organisations: number) => ({ suppressed: true as const, organisations });

export const REPORT: StatisticsReport = {
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
