/**
 * Lighthouse 12 (the npm package) on the production build, served locally, in Debian's
 * Chromium: its performance, accessibility and best-practices scores (0–100) for the home
 * screen, with its default mobile settings (simulated slow 4G and a 4× slower CPU). The network
 * is closed: Chromium is started with everything that calls out switched off, and Lighthouse
 * only loads the local page. (Lighthouse 12 no longer has a PWA category.)
 */
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_ARGS } from '../../../playwright.config.ts';
import { ensureBuilds, serveApp, type Served } from '../lib/builds.ts';
import type { Figure, Measurement } from '../measurement.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

let chrome: LaunchedChrome | undefined;
let app: Served | undefined;

const measurement: Measurement = {
  name: 'Lighthouse 12, mobile (home)',
  runs: 3,
  async setup() {
    await ensureBuilds();
    app = await serveApp();
    chrome = await launch({
      chromePath: CHROMIUM,
      chromeFlags: ['--headless=new', ...CHROMIUM_ARGS, '--disable-extensions', '--disable-default-apps'],
      logLevel: 'silent',
    });
  },
  async measure(): Promise<Figure[]> {
    const result = await lighthouse(`${app!.origin}/`, {
      port: chrome!.port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error('Lighthouse returned no result');
    const { categories, runtimeError, audits } = result.lhr;
    if (runtimeError) throw new Error(`Lighthouse: ${runtimeError.message}`);
    const figures: Figure[] = CATEGORIES.map((id) => {
      const score = categories[id]?.score;
      if (score === null || score === undefined) throw new Error(`Lighthouse gave no ${id} score`);
      return { label: `${categories[id]!.title} score`, value: score * 100, unit: '/ 100' };
    });
    for (const id of [
      'first-contentful-paint',
      'largest-contentful-paint',
      'interactive',
      'total-blocking-time',
    ]) {
      const audit = audits[id];
      if (audit?.numericValue !== undefined) {
        figures.push({ label: `${audit.title} (simulated mobile)`, value: audit.numericValue, unit: 'ms' });
      }
    }
    // How far the page moved under the reader while loading (a score, not a time; 0.1 is "good").
    const shift = audits['cumulative-layout-shift'];
    if (shift?.numericValue !== undefined) {
      figures.push({ label: shift.title, value: shift.numericValue, unit: 'score' });
    }
    return figures;
  },
  async teardown() {
    chrome?.kill();
    await app?.close();
  },
};

export default measurement;
