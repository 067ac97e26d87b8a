/**
 * Statistics across organisations and years, as the server of record computes them
 * (server/statistics.ts) and as the app and the command line show and export them: the shape of
 * the request and of the report, shared by the server (which builds it) and the app (which checks
 * what the server answers). A figure that rests on fewer organisations than the threshold is
 * carried as `{ suppressed: true }` with its count only, never with its value.
 */
import { z } from '../validation/zod.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

export const statisticsQuerySchema = z.strictObject({
  questionnaire: z.string().min(1).max(200),
  /** One version only; all versions of the questionnaire when absent. */
  version: z.string().min(1).max(50).optional(),
  /** The first and last day (YYYY-MM-DD) of the period, on each assessment's own date. */
  from: z.string().regex(DATE),
  to: z.string().regex(DATE),
  /** An organisation and everything below it; all the caller may see when absent. */
  organisation: uuid.optional(),
  /** Count provisional assessments too (below 90 % coverage); published figures leave them out. */
  includeProvisional: z.boolean().optional(),
});
export type StatisticsQuery = z.infer<typeof statisticsQuerySchema>;

/** Median, quartiles and range (quartiles by linear interpolation, as R's type 7 and Excel's QUARTILE.INC). */
export const distributionSchema = z.object({
  organisations: z.number().int().min(0),
  min: z.number(),
  q1: z.number(),
  median: z.number(),
  q3: z.number(),
  max: z.number(),
});
export type Distribution = z.infer<typeof distributionSchema>;

export const suppressedSchema = z.object({
  suppressed: z.literal(true),
  organisations: z.number().int().min(0),
});
export type Suppressed = z.infer<typeof suppressedSchema>;

const maybe = <T extends z.ZodType>(schema: T) => z.union([schema, suppressedSchema]);

export const bandCountSchema = z.object({
  bandId: z.string(),
  label: z.string(),
  from: z.number(),
  organisations: z.number().int().min(0),
});

export const pillarGapSchema = z.object({
  pillarId: z.string(),
  /** Organisations whose pillar score is below its target, of those where the pillar is scored. */
  below: z.number().int().min(0),
  scored: z.number().int().min(0),
  medianGap: z.number(),
});

export const questionGapSchema = z.object({
  questionId: z.string(),
  pillarId: z.string(),
  below: z.number().int().min(0),
  counted: z.number().int().min(0),
});

export const yearSchema = z.object({
  year: z.number().int(),
  overall: maybe(distributionSchema),
});

export const organisationTrendSchema = z.object({
  organisationId: uuid,
  name: z.string(),
  years: z.array(
    z.object({
      year: z.number().int(),
      score: z.number(),
      provisional: z.boolean(),
      assessedOn: z.string(),
    }),
  ),
});
export type OrganisationTrend = z.infer<typeof organisationTrendSchema>;

export const statisticsReportSchema = z.object({
  questionnaire: z.object({ id: z.string(), versions: z.array(z.string()) }),
  period: z.object({ from: z.string(), to: z.string() }),
  scope: z.object({ organisationId: uuid, name: z.string() }).nullable(),
  /** The fewest organisations a figure may rest on. */
  threshold: z.number().int().min(1),
  includeProvisional: z.boolean(),
  /** The weight profiles the scores were computed with, and how many assessments each scored. */
  profiles: z.array(z.object({ id: z.string(), version: z.string(), assessments: z.number().int() })),
  computedAt: z.string(),
  population: z.object({
    organisations: z.number().int().min(0),
    /** The assessments counted: per organisation, its latest in the period (per year for trends). */
    assessments: z.number().int().min(0),
    /** Assessments of the period left out, and why. */
    excluded: z.object({
      provisional: z.number().int().min(0),
      empty: z.number().int().min(0),
      invalidWeights: z.number().int().min(0),
    }),
  }),
  overall: maybe(distributionSchema),
  pillars: z.array(z.object({ pillarId: z.string(), distribution: maybe(distributionSchema) })),
  bands: maybe(z.object({ organisations: z.number().int(), counts: z.array(bandCountSchema) })),
  gaps: maybe(z.object({ organisations: z.number().int(), pillars: z.array(pillarGapSchema) })),
  questionsBelowTarget: maybe(
    z.object({ organisations: z.number().int(), questions: z.array(questionGapSchema) }),
  ),
  years: z.array(yearSchema),
  /** Only the organisations whose records the caller may read (a statistician gets none). */
  organisations: z.array(organisationTrendSchema),
});
export type StatisticsReport = z.infer<typeof statisticsReportSchema>;

export const statisticsSettingsSchema = z.strictObject({
  organisationId: uuid,
  threshold: z.number().int().min(3).max(1000),
});
export type StatisticsSettings = z.infer<typeof statisticsSettingsSchema>;

export const isSuppressed = (value: object): value is Suppressed => 'suppressed' in value;

/** A query as it travels in an address (`?questionnaire=…&from=…`): text to the query's types. */
export function statisticsQueryFrom(params: unknown): unknown {
  if (typeof params !== 'object' || params === null) return params;
  const { includeProvisional, ...rest } = params as Record<string, unknown>;
  return {
    ...rest,
    ...(includeProvisional === undefined ? {} : { includeProvisional: includeProvisional === 'true' }),
  };
}

/** The query in an address, the inverse of `statisticsQueryFrom`. */
export function statisticsQueryString(query: StatisticsQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  return params.toString();
}

/** What a caller may ask statistics about: questionnaires in the record, organisations, thresholds. */
export const statisticsOptionsSchema = z.object({
  questionnaires: z.array(z.object({ id: z.string(), versions: z.array(z.string()) })),
  organisations: z.array(
    z.object({
      id: uuid,
      name: z.string(),
      parentId: uuid.nullable(),
      /** The threshold in force for statistics over this organisation. */
      threshold: z.number().int(),
      /** The caller coordinates it, so may change its threshold. */
      administers: z.boolean(),
    }),
  ),
});
export type StatisticsOptions = z.infer<typeof statisticsOptionsSchema>;
