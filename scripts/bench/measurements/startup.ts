/**
 * Start-up and saving in headless Chromium, on the production builds served locally:
 * - time from the start of navigation to the first usable screen (see `Screen` in
 *   `lib/browser.ts`), online on a first visit (empty caches) and offline (served by the
 *   service worker after one visit, with nothing stored, and with one assessment stored); the
 *   same for a blank page as the floor, and for two framework floors (`scripts/bench/framework/`):
 *   a heading and a form and nothing else, on the app's stack (Vue, Pinia, vue-router, vue-i18n)
 *   and on Vue and Pinia alone, which tell what the stack costs from what the app adds;
 * - Baseline's answering screen opened cold, and the SurveyJS page (the same questionnaire),
 *   which has no service worker and so no offline figure;
 * - time to save one answer: from the click on a choice to the end of the IndexedDB write it
 *   causes (SurveyJS's `onValueChanged` autosave of `survey.data`). Baseline writes twice: the
 *   journal entry first (durable: a crash of the browser keeps it), then the answer itself, in
 *   a transaction that checks no other window changed it and is flushed to the disk (strict).
 * - the floor for a save: a click on the blank page that writes one small record (relaxed), with
 *   nothing to render; on a loaded machine, Baseline's save ÷ this floor is the steadier figure.
 * Every run uses fresh browser contexts (empty HTTP cache, storage and workers).
 */
import type { Browser, Page } from '@playwright/test';
import { ensureBuilds, serveApp, serveFramework, serveSurveyJs, type Served } from '../lib/builds.ts';
import {
  launch,
  newContext,
  timeToSave,
  timeToUsable,
  waitForServiceWorker,
  type SaveTimes,
} from '../lib/browser.ts';
import { ratio, type Figure, type Measurement } from '../measurement.ts';

let browser: Browser | undefined;
let app: Served | undefined;
let bench: Served | undefined;
let framework: Served | undefined;
let vuePinia: Served | undefined;

const LABEL = {
  blankOnline: 'blank page (floor), online first visit',
  blankOffline: 'blank page (floor), offline (service worker)',
  blankSave: 'blank page (floor): save one answer (click → relaxed IndexedDB write done)',
  frameworkOnline:
    'framework floor (Vue, Pinia, vue-router, vue-i18n: a heading, a form), online first visit',
  frameworkOffline: 'framework floor, offline (service worker)',
  vuePiniaOnline: 'framework floor on Vue and Pinia alone, online first visit',
  vuePiniaOffline: 'framework floor on Vue and Pinia alone, offline (service worker)',
  homeOnline: 'Baseline home usable, online first visit',
  homeOffline: 'Baseline home usable, offline (service worker)',
  homeInUse: 'Baseline home usable, offline, one assessment stored',
  answerOnline: 'Baseline answering screen usable, online, cold cache',
  surveyOnline: 'SurveyJS questionnaire usable, online first visit',
  baselineSave: 'Baseline: save one answer (click → durable write done: the journal)',
  baselineStored: 'Baseline: save one answer (click → answer stored, flushed to the disk)',
  surveySave: 'SurveyJS: save one answer (click → autosave write done)',
};

/**
 * Online first visit, then (once the worker is in charge, and after `use`, if given, has used the
 * first page) a new page with the network off.
 */
async function onlineThenOffline(
  url: string,
  screen: 'home' | 'blank',
  use?: (page: Page) => Promise<void>,
): Promise<[number, number]> {
  const context = await newContext(browser!, [screen]);
  try {
    const page = await context.newPage();
    const online = await timeToUsable(page, url, screen);
    await waitForServiceWorker(page);
    await use?.(page);
    await context.setOffline(true);
    const offline = await timeToUsable(await context.newPage(), url, screen, { fromServiceWorker: true });
    return [online, offline];
  } finally {
    await context.close();
  }
}

/**
 * A device in use: one assessment stored, so that the home screen opened offline reads the list,
 * the questionnaire it needs for the progress, and dates it. Then back on the home screen, with
 * nothing left loading: the answering screen still loading in the same browser would be measured
 * too.
 */
async function storeOneAssessment(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Create and start answering' }).click();
  await page.waitForURL(/#\/assessments\/[0-9a-f-]+\/answer/);
  await timeToUsable(page, `${app!.origin}/`, 'home');
  await page.waitForLoadState('networkidle');
}

/** A page's figures online and offline, as `LABEL` names them. */
type OnlineOffline = readonly [online: string, offline: string];

const BLANK: OnlineOffline = [LABEL.blankOnline, LABEL.blankOffline];
const FRAMEWORK: OnlineOffline = [LABEL.frameworkOnline, LABEL.frameworkOffline];
const VUE_PINIA: OnlineOffline = [LABEL.vuePiniaOnline, LABEL.vuePiniaOffline];
const HOME: OnlineOffline = [LABEL.homeOnline, LABEL.homeOffline];

/** `page` over `floor`, online and offline: two ratios, `${name}, online` and `${name}, offline`. */
function onlineAndOffline(
  medians: ReadonlyMap<string, number>,
  name: string,
  page: OnlineOffline,
  floor: OnlineOffline,
): Figure[] {
  return [
    ...ratio(medians, `${name}, online`, page[0], floor[0]),
    ...ratio(medians, `${name}, offline`, page[1], floor[1]),
  ];
}

/** The floor for a save: a click on a blank page that writes one record, with nothing to render. */
async function blankSave(): Promise<number> {
  const context = await newContext(browser!, ['blank'], 'block');
  try {
    const page = await context.newPage();
    await timeToUsable(page, `${bench!.origin}/blank.html`, 'blank');
    return (await timeToSave(page, 'input[type="radio"]')).first;
  } finally {
    await context.close();
  }
}

/** A page that fetches everything from the server: HTTP cache off (and no worker in the context). */
async function coldPage(context: Awaited<ReturnType<typeof newContext>>): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return page;
}

async function baselineAnswering(): Promise<[number, SaveTimes]> {
  // No worker here: it would serve the second visit from its cache, which `homeOffline` measures.
  const context = await newContext(browser!, ['answer'], 'block');
  try {
    const setup = await context.newPage();
    await setup.goto(`${app!.origin}/`);
    await setup.locator('input[name="questionnaire"][value="resolution-130"]').check();
    await setup.getByRole('button', { name: 'Create and start answering' }).click();
    await setup.waitForURL(/#\/assessments\/[0-9a-f-]+\/answer/);
    const url = setup.url();
    await setup.close();
    const page = await coldPage(context);
    const usable = await timeToUsable(page, url, 'answer');
    const save = await timeToSave(page, 'main article input[type="radio"]');
    return [usable, save];
  } finally {
    await context.close();
  }
}

async function surveyJs(): Promise<[number, number]> {
  const context = await newContext(browser!, ['surveyjs']);
  try {
    const page = await coldPage(context);
    const usable = await timeToUsable(page, `${bench!.origin}/index.html`, 'surveyjs');
    const save = await timeToSave(page, '.sd-question input[type="radio"]');
    return [usable, save.last];
  } finally {
    await context.close();
  }
}

const measurement: Measurement = {
  name: 'start-up & save (Chromium)',
  runs: 7,
  async setup() {
    await ensureBuilds();
    [app, bench, framework, vuePinia, browser] = await Promise.all([
      serveApp(),
      serveSurveyJs(),
      serveFramework('index'),
      serveFramework('vue-pinia'),
      launch(),
    ]);
    await baselineAnswering(); // warm-up: servers, browser, disk cache of the files
    await surveyJs();
  },
  async measure(): Promise<Figure[]> {
    const ms = (label: string, value: number): Figure => ({ label, value, unit: 'ms' });
    const [blankOnline, blankOffline] = await onlineThenOffline(`${bench!.origin}/blank.html`, 'blank');
    const [frameworkOnline, frameworkOffline] = await onlineThenOffline(`${framework!.origin}/`, 'home');
    const [vuePiniaOnline, vuePiniaOffline] = await onlineThenOffline(
      `${vuePinia!.origin}/vue-pinia.html`,
      'home',
    );
    const [homeOnline, homeOffline] = await onlineThenOffline(`${app!.origin}/`, 'home');
    const [, homeOfflineInUse] = await onlineThenOffline(`${app!.origin}/`, 'home', storeOneAssessment);
    const [answerOnline, baselineSave] = await baselineAnswering();
    const floorSave = await blankSave();
    const [surveyOnline, surveySave] = await surveyJs();
    return [
      ms(LABEL.blankOnline, blankOnline),
      ms(LABEL.blankOffline, blankOffline),
      ms(LABEL.frameworkOnline, frameworkOnline),
      ms(LABEL.frameworkOffline, frameworkOffline),
      ms(LABEL.vuePiniaOnline, vuePiniaOnline),
      ms(LABEL.vuePiniaOffline, vuePiniaOffline),
      ms(LABEL.homeOnline, homeOnline),
      ms(LABEL.homeOffline, homeOffline),
      ms(LABEL.homeInUse, homeOfflineInUse),
      ms(LABEL.answerOnline, answerOnline),
      ms(LABEL.surveyOnline, surveyOnline),
      ms(LABEL.blankSave, floorSave),
      ms(LABEL.baselineSave, baselineSave.first),
      ms(LABEL.baselineStored, baselineSave.last),
      ms(LABEL.surveySave, surveySave),
    ];
  },
  async teardown() {
    await Promise.all([
      browser?.close(),
      app?.close(),
      bench?.close(),
      framework?.close(),
      vuePinia?.close(),
    ]);
  },
  derive: (medians) => [
    ...ratio(medians, 'SurveyJS ÷ Baseline home, online first visit', LABEL.surveyOnline, LABEL.homeOnline),
    ...ratio(
      medians,
      'SurveyJS ÷ Baseline answering screen, online cold',
      LABEL.surveyOnline,
      LABEL.answerOnline,
    ),
    ...ratio(medians, 'SurveyJS ÷ Baseline: save one answer', LABEL.surveySave, LABEL.baselineSave),
    ...ratio(medians, 'Baseline: save one answer ÷ blank floor', LABEL.baselineSave, LABEL.blankSave),
    ...onlineAndOffline(medians, 'Baseline home ÷ blank floor', HOME, BLANK),
    ...ratio(
      medians,
      'Baseline home ÷ blank floor, offline, one assessment stored',
      LABEL.homeInUse,
      LABEL.blankOffline,
    ),
    // What the fixed stack alone costs against the blank page, and what the app adds to it.
    ...onlineAndOffline(medians, 'framework floor ÷ blank floor', FRAMEWORK, BLANK),
    ...onlineAndOffline(medians, 'Vue and Pinia floor ÷ blank floor', VUE_PINIA, BLANK),
    ...onlineAndOffline(medians, 'Baseline home ÷ framework floor', HOME, FRAMEWORK),
  ],
};

export default measurement;
