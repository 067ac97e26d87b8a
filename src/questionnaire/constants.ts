/**
 * Fixed values of the questionnaire format that scoring needs, apart from the Zod schema so that
 * the first screen (which scores progress) does not load the schema library.
 */
export const GCI_PILLARS = ['legal', 'technical', 'organizational', 'capacity', 'cooperation'] as const;
export type GciPillar = (typeof GCI_PILLARS)[number];

/** The score in [0, 1] each fixed answer earns; documented here so there is one place to read it. */
export const YES_NO_SCORES = { yes: 1, no: 0 } as const;
export const YES_PARTLY_NO_SCORES = { yes: 1, partly: 0.5, no: 0 } as const;
export const MATURITY_LEVELS = 6;
