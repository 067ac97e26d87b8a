/**
 * Merging large workshops, timed in Chromium on the merge as the app bundles it
 * (`scripts/bench/merge/entry.ts`): 500 and 2,000 participants answering 120 questions in five
 * stakeholder groups, and 500 answering resolution-130 (75 questions, with its conditions).
 * Beside it, the straightforward merge it replaced (`tests/unit/workshop/mergeReference.ts`, the
 * tests' reference, which gives the same figures) on the same 500 participants, in the same run.
 */
import type { Browser, Page } from '@playwright/test';
import { launch } from '../lib/browser.ts';
import { mergeBenchScript } from '../lib/builds.ts';
import { ratio, type Figure, type Measurement } from '../measurement.ts';
import type { Method, WorkshopName } from '../merge/entry.ts';

let browser: Browser | undefined;
let page: Page | undefined;

const LABEL = {
  fast500: 'merge 500 participants × 120 questions, 5 groups',
  fast2000: 'merge 2,000 participants × 120 questions, 5 groups',
  resolution130: 'merge 500 participants × resolution-130 (75 questions, conditions)',
  reference500: 'the merge it replaced: 500 participants × 120 questions, 5 groups',
  sort: 'sort the merged questions by disagreement',
};

const time = (name: WorkshopName, method: Method) =>
  page!.evaluate(([name, method]) => window.mergeBench!.time(name, method), [name, method] as const);

const measurement: Measurement = {
  name: 'workshop merge (Chromium)',
  runs: 7,
  async setup() {
    const script = await mergeBenchScript();
    browser = await launch();
    page = await browser.newPage();
    await page.addScriptTag({ content: script, type: 'module' });
    await page.waitForFunction(() => window.mergeBench !== undefined);
    // Warm-up: builds the workshops and lets the engine compile the merge.
    for (const name of ['synthetic-500', 'synthetic-2000', 'resolution-130-500'] as const) {
      for (let run = 0; run < 3; run++) await time(name, 'fast');
    }
    await time('synthetic-500', 'reference');
  },
  async measure(): Promise<Figure[]> {
    const ms = (label: string, value: number): Figure => ({ label, value, unit: 'ms' });
    const fast500 = await time('synthetic-500', 'fast');
    const sort = await page!.evaluate(() => window.mergeBench!.sortTime());
    const fast2000 = await time('synthetic-2000', 'fast');
    const resolution130 = await time('resolution-130-500', 'fast');
    const reference500 = await time('synthetic-500', 'reference');
    return [
      ms(LABEL.fast500, fast500),
      ms(LABEL.fast2000, fast2000),
      ms(LABEL.resolution130, resolution130),
      ms(LABEL.reference500, reference500),
      ms(LABEL.sort, sort),
    ];
  },
  async teardown() {
    await browser?.close();
  },
  derive: (medians) => [
    ...ratio(
      medians,
      'the merge it replaced ÷ this merge, 500 participants',
      LABEL.reference500,
      LABEL.fast500,
    ),
    ...ratio(medians, '2,000 ÷ 500 participants (how it grows)', LABEL.fast2000, LABEL.fast500),
  ],
};

export default measurement;
