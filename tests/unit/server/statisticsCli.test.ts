/** The statistics as `npm run server -- stats` prints them: counts of one in the singular, nothing counted said so. */
import { describe as group, expect, it } from 'vitest';
import { describe } from '../../../server/statisticsCli.ts';
import { REPORT } from '../statistics/report.ts';

group('the statistics in a terminal', () => {
  it('say one organisation and one assessment in the singular', () => {
    const lines = describe(REPORT).split('\n');
    expect(lines[0]).toBe('Statistics of resolution-130 (2.0.0), 2026-01-01 to 2026-12-31');
    expect(lines[1]).toMatch(/^Threshold 5 organisations; 1 organisation, 1 assessment counted /);
    expect(lines).toContain('Overall               suppressed (1 organisation)');
    expect(lines).toContain('Bands: suppressed (1 organisation)');
  });

  it('say when nothing was counted, rather than "no version"', () => {
    const none = describe({
      ...REPORT,
      questionnaire: { id: 'resolution-130', versions: [] },
      population: { ...REPORT.population, organisations: 0, assessments: 0 },
    });
    expect(none.split('\n')[0]).toBe(
      'Statistics of resolution-130 (no assessment counted), 2026-01-01 to 2026-12-31',
    );
    expect(none).toContain('0 organisations, 0 assessments counted');
  });
});
