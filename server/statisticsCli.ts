/**
 * `npm run server -- stats …`: statistics across organisations and years on the command line,
 * as a table, CSV (the app's file) or JSON, with the same suppression as the API; and
 * `stats threshold` to set an organisation's threshold. The operator holds the database, so the
 * command sees every organisation; figures of single organisations only with --per-organisation.
 */
import { writeFileSync } from 'node:fs';
import {
  isSuppressed,
  statisticsQuerySchema,
  type Distribution,
  type StatisticsReport,
  type Suppressed,
} from '../src/statistics/report.ts';
import { statisticsCsv } from '../src/statistics/csv.ts';
import { AdminError, findOrganisation, setStatisticsThreshold } from './admin.ts';
import type { OpenRecord } from './record.ts';
import { computeStatistics, everyOrganisation, StatisticsError } from './statistics.ts';

export interface StatsValues {
  questionnaire?: string | undefined;
  version?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  organisation?: string | undefined;
  threshold?: string | undefined;
  'include-provisional'?: boolean | undefined;
  'per-organisation'?: boolean | undefined;
  csv?: string | undefined;
  semicolons?: boolean | undefined;
  json?: boolean | undefined;
}

/** A year stands for its first or last day. */
function day(value: string | undefined, end: boolean, usage: string): string {
  if (!value) throw new AdminError(`--${end ? 'to' : 'from'} is needed.\n\n${usage}`);
  if (/^\d{4}$/.test(value)) return end ? `${value}-12-31` : `${value}-01-01`;
  return value;
}

export async function stats(
  positionals: string[],
  values: StatsValues,
  open: () => Promise<OpenRecord>,
  usage: string,
): Promise<void> {
  const record = await open();
  try {
    if (positionals[1] === 'threshold') {
      if (!values.organisation) throw new AdminError(`--organisation is needed.\n\n${usage}`);
      await setStatisticsThreshold(record.database, values.organisation, Number(values.threshold));
      console.log(
        `Statistics over ${values.organisation} now need at least ${values.threshold} organisations.`,
      );
      return;
    }
    if (positionals.length > 1)
      throw new AdminError(`Unknown stats command "${positionals.slice(1).join(' ')}".\n\n${usage}`);
    const parsed = statisticsQuerySchema.safeParse({
      questionnaire: values.questionnaire,
      ...(values.version ? { version: values.version } : {}),
      from: day(values.from, false, usage),
      to: day(values.to, true, usage),
      ...(values.organisation
        ? { organisation: await findOrganisation(record.database, values.organisation) }
        : {}),
      includeProvisional: values['include-provisional'] ?? false,
    });
    if (!parsed.success)
      throw new AdminError(
        `--questionnaire is needed, and --from/--to are years or dates (YYYY-MM-DD).\n\n${usage}`,
      );
    const access = await everyOrganisation(record.database);
    const threshold = values.threshold === undefined ? 0 : Number(values.threshold);
    if (!Number.isInteger(threshold) || threshold < 0) throw new AdminError('--threshold is a whole number.');
    const report = await computeStatistics(
      record.database,
      parsed.data,
      values['per-organisation'] ? access : { ...access, readable: new Set() },
      { minimumThreshold: threshold },
    ).catch((error: unknown) => {
      throw error instanceof StatisticsError ? new AdminError(error.message) : error;
    });
    if (values.csv) {
      const csv = statisticsCsv(report, values.semicolons ? 'semicolon' : 'comma');
      if (values.csv === '-') process.stdout.write(csv);
      else {
        writeFileSync(values.csv, csv);
        console.log(`Statistics written to ${values.csv}.`);
      }
    } else if (values.json) console.log(JSON.stringify(report, null, 2));
    else console.log(describe(report));
  } finally {
    await record.close({ stopCluster: record.cluster?.startedHere ?? false });
  }
}

const one = (value: number) => value.toFixed(1);
/** "1 organisation", "5 organisations". */
const organisations = (count: number) => `${count} organisation${count === 1 ? '' : 's'}`;
const assessments = (count: number) => `${count} assessment${count === 1 ? '' : 's'}`;

function line(name: string, value: Distribution | Suppressed): string {
  const label = name.padEnd(22);
  if (isSuppressed(value)) return `${label}suppressed (${organisations(value.organisations)})`;
  return `${label}median ${one(value.median)}  quartiles ${one(value.q1)}–${one(value.q3)}  range ${one(value.min)}–${one(value.max)}  (${organisations(value.organisations)})`;
}

/** The report as a terminal reads it. */
export function describe(report: StatisticsReport): string {
  const lines = [
    `Statistics of ${report.questionnaire.id} (${report.questionnaire.versions.join(', ') || 'no assessment counted'}), ${report.period.from} to ${report.period.to}${report.scope ? `, ${report.scope.name}` : ''}`,
    `Threshold ${organisations(report.threshold)}; ${organisations(report.population.organisations)}, ${assessments(report.population.assessments)} counted` +
      ` (left out: ${report.population.excluded.provisional} provisional, ${report.population.excluded.empty} empty, ${report.population.excluded.invalidWeights} with unusable weights)`,
    `Profiles: ${report.profiles.map((p) => `${p.id}@${p.version} (${p.assessments})`).join(', ') || 'none'}`,
    '',
    line('Overall', report.overall),
    ...report.pillars.map((pillar) => line(`  ${pillar.pillarId}`, pillar.distribution)),
    '',
    isSuppressed(report.bands)
      ? `Bands: suppressed (${organisations(report.bands.organisations)})`
      : `Bands: ${report.bands.counts.map((band) => `${band.label} ${band.organisations}`).join(', ')}`,
    isSuppressed(report.gaps)
      ? 'Gaps: suppressed'
      : `Pillars below target: ${report.gaps.pillars.map((gap) => `${gap.pillarId} ${gap.below}/${gap.scored}`).join(', ')}`,
    isSuppressed(report.questionsBelowTarget)
      ? 'Questions below target: suppressed'
      : `Questions most often below target: ${report.questionsBelowTarget.questions
          .slice(0, 10)
          .map((question) => `${question.questionId} ${question.below}/${question.counted}`)
          .join(', ')}`,
    '',
    ...report.years.map((year) => line(`Year ${year.year}`, year.overall)),
    ...report.organisations.map(
      (organisation) =>
        `${organisation.name}: ${organisation.years.map((year) => `${year.year} ${one(year.score)}${year.provisional ? ' (provisional)' : ''}`).join(', ')}`,
    ),
  ];
  return lines.join('\n');
}
