/**
 * Statistics across organisations and years, as pure functions: each assessment is scored by the
 * app's own analysis (`analyseAssessment`, the one code path of the results screen, the report
 * and the exports), then organisations are counted, each once: per organisation its latest
 * assessment of the period (by the date it describes, then the last change), and for the trends
 * its latest of each year. A provisional assessment (below 90 % coverage) counts only when asked.
 *
 * Every figure says how many organisations it rests on; below the threshold it is suppressed,
 * carried without its value, so no single agency's answers can be read from an aggregate.
 * Figures of a single organisation (its trend) go only to a caller who may read its records.
 */
import { analyseAssessment, type GapAnalysis } from '../analysis/index.ts';
import { assessmentDate } from '../assessment/dates.ts';
import type { Answers, Assessment } from '../assessment/types.ts';
import type { WeightProfile } from '../profiles/schema.ts';
import type { Questionnaire } from '../questionnaire/schema.ts';
import { WeightError } from '../scoring/weights.ts';
import type {
  Distribution,
  OrganisationTrend,
  StatisticsQuery,
  StatisticsReport,
  Suppressed,
} from './report.ts';

/** Differences smaller than this are rounding, not gaps (as in the gap analysis). */
const EPSILON = 1e-9;

/** How many questions the "most often below target" list keeps. */
export const QUESTIONS_LISTED = 20;

/** What statistics keep of one scored assessment: figures only, never an answer. */
export interface ScoredAssessment {
  assessmentId: string;
  organisationId: string;
  /** The date it describes (YYYY-MM-DD). */
  date: string;
  updatedAt: string;
  version: string;
  profile: { id: string; version: string };
  state: GapAnalysis['state'];
  overall: number | null;
  band: { id: string; label: string; from: number } | undefined;
  pillars: { pillarId: string; score: number | null; gap: number | null }[];
  questions: { questionId: string; pillarId: string; gap: number | null }[];
}

export interface AssessmentToScore {
  assessment: Assessment;
  organisationId: string;
  questionnaire: Questionnaire;
  answers: Answers;
}

/**
 * Scores one assessment with its own weight profile and targets. The overall score and band
 * are the ones the app shows (in the profile's own grouping); pillars and questions are read in
 * the questionnaire's pillars, so that assessments under different profiles line up.
 * @returns `undefined` when its weights cannot give a score (WeightError).
 */
export function scoreForStatistics(
  entry: AssessmentToScore,
  builtInProfiles: readonly WeightProfile[],
): ScoredAssessment | undefined {
  const { assessment, questionnaire, answers } = entry;
  let own: GapAnalysis;
  let byPillar: GapAnalysis;
  try {
    own = analyseAssessment(assessment, questionnaire, answers, builtInProfiles);
    byPillar =
      own.groupBy === 'pillar'
        ? own
        : analyseAssessment(assessment, questionnaire, answers, builtInProfiles, 'pillar');
  } catch (error) {
    if (error instanceof WeightError) return undefined;
    throw error;
  }
  return {
    assessmentId: assessment.id,
    organisationId: entry.organisationId,
    date: assessmentDate(assessment),
    updatedAt: assessment.updatedAt,
    version: questionnaire.version,
    profile: { id: own.profileId, version: own.profileVersion },
    state: own.state,
    overall: own.overall.score,
    band: own.overall.band && {
      id: own.overall.band.id,
      label: own.overall.band.label.en ?? Object.values(own.overall.band.label)[0] ?? own.overall.band.id,
      from: own.overall.band.from,
    },
    pillars: byPillar.groups.map((group) => ({
      pillarId: group.pillarId,
      score: group.score,
      gap: group.gap,
    })),
    questions: byPillar.groups.flatMap((group) =>
      group.questions.map((question) => ({
        questionId: question.questionId,
        pillarId: group.pillarId,
        gap: question.gap,
      })),
    ),
  };
}

/** The q-quantile of sorted values, by linear interpolation between order statistics (type 7). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('No values');
  const h = (sorted.length - 1) * q;
  const low = Math.floor(h);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (h - low) * (sorted[high]! - sorted[low]!);
}

export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    organisations: sorted.length,
    min: sorted[0]!,
    q1: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    q3: quantile(sorted, 0.75),
    max: sorted[sorted.length - 1]!,
  };
}

/** A distribution over one value per organisation, or its suppression below the threshold. */
function guarded(values: readonly number[], threshold: number): Distribution | Suppressed {
  return values.length < threshold || values.length === 0
    ? { suppressed: true, organisations: values.length }
    : distribution(values);
}

/** Later date first; the same date: the later change first. */
const latestFirst = (a: ScoredAssessment, b: ScoredAssessment) =>
  b.date.localeCompare(a.date) || b.updatedAt.localeCompare(a.updatedAt);

/** Per key, the latest of the assessments. */
function latestBy(assessments: readonly ScoredAssessment[], key: (a: ScoredAssessment) => string) {
  const chosen = new Map<string, ScoredAssessment>();
  for (const assessment of [...assessments].sort(latestFirst)) {
    const k = key(assessment);
    if (!chosen.has(k)) chosen.set(k, assessment);
  }
  return [...chosen.values()];
}

export interface AggregateOptions {
  query: StatisticsQuery;
  threshold: number;
  scope: { organisationId: string; name: string } | null;
  /** Organisations whose records the caller may read: only these get a trend of their own. */
  readable: ReadonlySet<string>;
  names: ReadonlyMap<string, string>;
  /** Assessments of the period whose weights could not give a score. */
  invalidWeights: number;
  computedAt: string;
}

/** The statistics of the scored assessments of one questionnaire and period. */
export function aggregate(scored: readonly ScoredAssessment[], options: AggregateOptions): StatisticsReport {
  const { query, threshold } = options;
  const includeProvisional = query.includeProvisional ?? false;
  const inPeriod = scored.filter((a) => a.date >= query.from && a.date <= query.to);
  const counted = inPeriod.filter(
    (a) => a.state === 'final' || (includeProvisional && a.state === 'provisional'),
  );
  const population = latestBy(counted, (a) => a.organisationId);
  const perYear = latestBy(counted, (a) => `${a.organisationId} ${a.date.slice(0, 4)}`);
  const used = new Set([...population, ...perYear]);

  const overallValues = population.flatMap((a) => (a.overall === null ? [] : [a.overall]));
  const pillarIds = unique(population.flatMap((a) => a.pillars.map((p) => p.pillarId)));

  return {
    questionnaire: { id: query.questionnaire, versions: unique([...used].map((a) => a.version)).sort() },
    period: { from: query.from, to: query.to },
    scope: options.scope,
    threshold,
    includeProvisional,
    profiles: profilesUsed([...used]),
    computedAt: options.computedAt,
    population: {
      organisations: population.length,
      assessments: used.size,
      excluded: {
        provisional: includeProvisional ? 0 : inPeriod.filter((a) => a.state === 'provisional').length,
        empty: inPeriod.filter((a) => a.state === 'empty').length,
        invalidWeights: options.invalidWeights,
      },
    },
    overall: guarded(overallValues, threshold),
    pillars: pillarIds.map((pillarId) => ({
      pillarId,
      distribution: guarded(pillarValues(population, pillarId, 'score'), threshold),
    })),
    bands: bandCounts(population, threshold),
    gaps: pillarGaps(population, pillarIds, threshold),
    questionsBelowTarget: questionGaps(population, threshold),
    years: years(perYear, threshold),
    organisations: trends(perYear, options),
  };
}

const unique = <T>(values: readonly T[]) => [...new Set(values)];

function profilesUsed(assessments: readonly ScoredAssessment[]) {
  const counts = new Map<string, { id: string; version: string; assessments: number }>();
  for (const { profile } of assessments) {
    const key = `${profile.id}@${profile.version}`;
    const entry = counts.get(key) ?? { ...profile, assessments: 0 };
    entry.assessments++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => a.id.localeCompare(b.id) || a.version.localeCompare(b.version));
}

function pillarValues(population: readonly ScoredAssessment[], pillarId: string, field: 'score' | 'gap') {
  return population.flatMap((a) => {
    const value = a.pillars.find((p) => p.pillarId === pillarId)?.[field];
    return value === null || value === undefined ? [] : [value];
  });
}

function bandCounts(population: readonly ScoredAssessment[], threshold: number): StatisticsReport['bands'] {
  const banded = population.filter((a) => a.band);
  if (banded.length < threshold || banded.length === 0)
    return { suppressed: true, organisations: banded.length };
  const counts = new Map<string, { bandId: string; label: string; from: number; organisations: number }>();
  for (const { band } of banded) {
    const key = `${band!.id} ${band!.from}`;
    const entry = counts.get(key) ?? {
      bandId: band!.id,
      label: band!.label,
      from: band!.from,
      organisations: 0,
    };
    entry.organisations++;
    counts.set(key, entry);
  }
  return {
    organisations: banded.length,
    counts: [...counts.values()].sort((a, b) => b.from - a.from),
  };
}

function pillarGaps(
  population: readonly ScoredAssessment[],
  pillarIds: readonly string[],
  threshold: number,
): StatisticsReport['gaps'] {
  if (population.length < threshold || population.length === 0)
    return { suppressed: true, organisations: population.length };
  const pillars = pillarIds.flatMap((pillarId) => {
    const gaps = pillarValues(population, pillarId, 'gap');
    if (gaps.length < threshold) return [];
    return [
      {
        pillarId,
        below: gaps.filter((gap) => gap > EPSILON).length,
        scored: gaps.length,
        medianGap: distribution(gaps).median,
      },
    ];
  });
  pillars.sort((a, b) => b.below / b.scored - a.below / a.scored || b.medianGap - a.medianGap);
  return { organisations: population.length, pillars };
}

function questionGaps(
  population: readonly ScoredAssessment[],
  threshold: number,
): StatisticsReport['questionsBelowTarget'] {
  if (population.length < threshold || population.length === 0)
    return { suppressed: true, organisations: population.length };
  const tally = new Map<string, { questionId: string; pillarId: string; below: number; counted: number }>();
  for (const assessment of population)
    for (const question of assessment.questions) {
      if (question.gap === null) continue;
      const entry = tally.get(question.questionId) ?? {
        questionId: question.questionId,
        pillarId: question.pillarId,
        below: 0,
        counted: 0,
      };
      entry.counted++;
      if (question.gap > EPSILON) entry.below++;
      tally.set(question.questionId, entry);
    }
  const questions = [...tally.values()]
    .filter((entry) => entry.counted >= threshold && entry.below > 0)
    .sort((a, b) => b.below / b.counted - a.below / a.counted || b.below - a.below)
    .slice(0, QUESTIONS_LISTED);
  return { organisations: population.length, questions };
}

function years(perYear: readonly ScoredAssessment[], threshold: number): StatisticsReport['years'] {
  const byYear = new Map<number, number[]>();
  for (const a of perYear) {
    if (a.overall === null) continue;
    const year = Number(a.date.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), a.overall]);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, values]) => ({ year, overall: guarded(values, threshold) }));
}

function trends(perYear: readonly ScoredAssessment[], options: AggregateOptions): OrganisationTrend[] {
  const byOrganisation = new Map<string, OrganisationTrend>();
  for (const a of [...perYear].sort((x, y) => x.date.localeCompare(y.date))) {
    if (a.overall === null || !options.readable.has(a.organisationId)) continue;
    const trend = byOrganisation.get(a.organisationId) ?? {
      organisationId: a.organisationId,
      name: options.names.get(a.organisationId) ?? a.organisationId,
      years: [],
    };
    trend.years.push({
      year: Number(a.date.slice(0, 4)),
      score: a.overall,
      provisional: a.state === 'provisional',
      assessedOn: a.date,
    });
    byOrganisation.set(a.organisationId, trend);
  }
  return [...byOrganisation.values()].sort((a, b) => a.name.localeCompare(b.name));
}
