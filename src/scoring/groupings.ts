/**
 * The ways questions can be grouped for scoring (see `groups.ts`). A leaf of its own so that
 * schemas (weight profiles, exported results) can name the choices without importing scoring.
 */
export const GROUPINGS = ['pillar', 'gciPillar'] as const;
export type Grouping = (typeof GROUPINGS)[number];
