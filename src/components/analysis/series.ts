import type { GapAnalysis } from '../../analysis/gaps.ts';
import type { RadarSeries } from '../charts/RadarChart.vue';
import { ACCENT_SERIES, PRIMARY_SERIES } from '../charts/palette.ts';

/** The radar's two lines: each group's score, and its target as a dashed outline. */
export function scoreAndTargetSeries(analysis: GapAnalysis, t: (key: string) => string): RadarSeries[] {
  return [
    { label: t('results.score'), values: analysis.groups.map((group) => group.score), color: PRIMARY_SERIES },
    {
      label: t('analysis.target'),
      values: analysis.groups.map((group) => group.target),
      color: ACCENT_SERIES,
      dashed: true,
    },
  ];
}
