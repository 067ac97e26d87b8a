/**
 * Sizes of the production builds: what the first screen loads (JavaScript and CSS, bytes and
 * gzip) and everything kept for offline use, for Baseline and for the SurveyJS page, with the
 * SurveyJS/Baseline ratios. Sizes do not vary between runs: one run.
 */
import { readdirSync } from 'node:fs';
import { firstScreen, precache, sizeOf, total, type SizeTotal } from '../../lib/bundleSize.ts';
import { APP_DIST, ensureBuilds, SURVEYJS_DIST } from '../lib/builds.ts';
import { ratio, type Figure, type Measurement } from '../measurement.ts';

const KB = 1000;

function sizeFigures(who: string, what: string, size: SizeTotal): Figure[] {
  return [
    { label: `${who}: ${what}`, value: size.bytes / KB, unit: 'kB' },
    { label: `${who}: ${what}, gzip`, value: size.gzip / KB, unit: 'kB gzip' },
  ];
}

/** The SurveyJS page has no service worker: everything it needs is its page and assets. */
function surveyJsTotal(): SizeTotal {
  const files = ['index.html', ...readdirSync(`${SURVEYJS_DIST}/assets`).map((name) => `assets/${name}`)];
  return total(files.map((file) => sizeOf(SURVEYJS_DIST, file)));
}

const measurement: Measurement = {
  name: 'size',
  runs: 1,
  setup: ensureBuilds,
  async measure() {
    const app = await firstScreen(APP_DIST);
    const survey = await firstScreen(SURVEYJS_DIST);
    return [
      ...sizeFigures('Baseline', 'first-screen JS', app.js),
      ...sizeFigures('Baseline', 'first-screen CSS', app.css),
      ...sizeFigures('Baseline', 'precache (whole app offline)', precache(APP_DIST)),
      ...sizeFigures('SurveyJS', 'first-screen JS', survey.js),
      ...sizeFigures('SurveyJS', 'first-screen CSS', survey.css),
      ...sizeFigures('SurveyJS', 'everything it loads', surveyJsTotal()),
    ];
  },
  derive: (medians) => [
    ...ratio(
      medians,
      'SurveyJS ÷ Baseline: first-screen JS, gzip',
      'SurveyJS: first-screen JS, gzip',
      'Baseline: first-screen JS, gzip',
    ),
    ...ratio(
      medians,
      'SurveyJS ÷ Baseline: first-screen CSS, gzip',
      'SurveyJS: first-screen CSS, gzip',
      'Baseline: first-screen CSS, gzip',
    ),
    ...ratio(
      medians,
      'SurveyJS ÷ Baseline: all it loads ÷ whole precache, gzip',
      'SurveyJS: everything it loads, gzip',
      'Baseline: precache (whole app offline), gzip',
    ),
  ],
};

export default measurement;
