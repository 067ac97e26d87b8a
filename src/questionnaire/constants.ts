/**
 * The fixed values of questionnaire format v1, kept apart from the Zod schema (`schema.ts`,
 * which re-exports them) so that scoring can use them without loading Zod.
 */
export const FORMAT_VERSION = 1;

export const GCI_PILLARS = ['legal', 'technical', 'organizational', 'capacity', 'cooperation'] as const;
export type GciPillar = (typeof GCI_PILLARS)[number];

export const QUESTION_TYPES = [
  'yesNo',
  'yesPartlyNo',
  'maturity',
  'singleChoice',
  'multipleChoice',
  'number',
  'percentage',
  'text',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** The score in [0, 1] each fixed answer earns; documented here so there is one place to read it. */
export const YES_NO_SCORES = { yes: 1, no: 0 } as const;
export const YES_PARTLY_NO_SCORES = { yes: 1, partly: 0.5, no: 0 } as const;
/** How many levels a maturity scale may have: levels 0 to L − 1, level n scoring n / (L − 1). */
export const MIN_LEVELS = 2;
export const MAX_LEVELS = 11;

/**
 * How a follow-up counts while its `showIf` hides it (see `whenHidden` in the format and
 * `src/scoring/followUps.ts`): `zero`, the default, counts it with score 0 (the capacity it asks
 * about is absent); `full` credits it in full, for a follow-up asked only while a capacity is
 * absent and hidden once the gate's answer goes beyond it; `notApplicable` leaves it out, which is
 * allowed only where no scored answer can show or hide it.
 */
export const WHEN_HIDDEN = ['zero', 'full', 'notApplicable'] as const;
export type WhenHidden = (typeof WHEN_HIDDEN)[number];

/**
 * The largest weight a questionnaire, a profile or a person may give. Weights are relative (only
 * their shares count), so a thousand to one is more than any debate needs, and sums of weights
 * stay far from the numbers that overflow to Infinity and would make every score 0.
 */
export const MAX_WEIGHT = 1000;
