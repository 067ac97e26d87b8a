/**
 * A statistics report as CSV, the same file from the app and from the command line: one figure
 * per row (section, subject, year, measure, value, organisations), led by the settings that
 * reproduce it (questionnaire and versions, period, scope, threshold, weight profiles, whether
 * provisional assessments counted, when computed). Column names and measures are fixed
 * identifiers, not interface words, so a published file reads the same in every language. A
 * suppressed figure is a row with the measure `suppressed` and no value. Written in the
 * convention the spreadsheet reads (commas and 1.5 unless asked for semicolons and 1,5), with
 * formulas escaped, as the answers' CSV is.
 */
import { csvFigure, spreadsheetCsv, type CsvConvention } from '../transfer/csvConvention.ts';
import type { Distribution, StatisticsReport, Suppressed } from './report.ts';
import { isSuppressed } from './report.ts';

export const STATISTICS_CSV_FIELDS = ['section', 'subject', 'year', 'measure', 'value', 'organisations'];

type Row = [string, string, number | '', string, string | number, number | ''];
/** A figure to four decimals, as the convention writes it. */
type Figure = (value: number) => string | number;

const DISTRIBUTION_MEASURES = ['median', 'q1', 'q3', 'min', 'max'] as const;

function distributionRows(
  figure: Figure,
  section: string,
  subject: string,
  year: number | '',
  value: Distribution | Suppressed,
): Row[] {
  if (isSuppressed(value)) return [[section, subject, year, 'suppressed', '', value.organisations]];
  return DISTRIBUTION_MEASURES.map((measure) => [
    section,
    subject,
    year,
    measure,
    figure(value[measure]),
    value.organisations,
  ]);
}

function settingsRows(report: StatisticsReport): Row[] {
  const setting = (subject: string, value: string | number): Row => ['settings', subject, '', '', value, ''];
  return [
    setting('questionnaire', report.questionnaire.id),
    setting('versions', report.questionnaire.versions.join(' ')),
    setting('from', report.period.from),
    setting('to', report.period.to),
    setting('scope', report.scope ? `${report.scope.name} (${report.scope.organisationId})` : 'all'),
    setting('threshold', report.threshold),
    setting('includeProvisional', String(report.includeProvisional)),
    ...report.profiles.map((profile) =>
      setting('profile', `${profile.id}@${profile.version} (${profile.assessments} assessments)`),
    ),
    setting('computedAt', report.computedAt),
    setting('organisations', report.population.organisations),
    setting('assessments', report.population.assessments),
    setting('excludedProvisional', report.population.excluded.provisional),
    setting('excludedEmpty', report.population.excluded.empty),
    setting('excludedInvalidWeights', report.population.excluded.invalidWeights),
  ];
}

export function statisticsRows(report: StatisticsReport, convention: CsvConvention = 'comma'): Row[] {
  const figure: Figure = csvFigure(convention);
  const rows: Row[] = [
    ...settingsRows(report),
    ...distributionRows(figure, 'overall', 'overall', '', report.overall),
  ];
  for (const pillar of report.pillars)
    rows.push(...distributionRows(figure, 'pillar', pillar.pillarId, '', pillar.distribution));
  if (isSuppressed(report.bands)) rows.push(['band', '', '', 'suppressed', '', report.bands.organisations]);
  else
    for (const band of report.bands.counts)
      rows.push(['band', band.bandId, '', 'organisations', band.organisations, report.bands.organisations]);
  if (isSuppressed(report.gaps))
    rows.push(['pillarGap', '', '', 'suppressed', '', report.gaps.organisations]);
  else
    for (const gap of report.gaps.pillars)
      rows.push(
        ['pillarGap', gap.pillarId, '', 'below', gap.below, gap.scored],
        ['pillarGap', gap.pillarId, '', 'medianGap', figure(gap.medianGap), gap.scored],
      );
  if (isSuppressed(report.questionsBelowTarget))
    rows.push(['questionBelowTarget', '', '', 'suppressed', '', report.questionsBelowTarget.organisations]);
  else
    for (const question of report.questionsBelowTarget.questions)
      rows.push(['questionBelowTarget', question.questionId, '', 'below', question.below, question.counted]);
  for (const year of report.years)
    rows.push(...distributionRows(figure, 'year', 'overall', year.year, year.overall));
  for (const organisation of report.organisations)
    for (const year of organisation.years)
      rows.push([
        'organisation',
        organisation.name,
        year.year,
        year.provisional ? 'provisionalScore' : 'score',
        figure(year.score),
        1,
      ]);
  return rows;
}

export function statisticsCsv(report: StatisticsReport, convention: CsvConvention = 'comma'): string {
  return spreadsheetCsv(STATISTICS_CSV_FIELDS, statisticsRows(report, convention), convention);
}
