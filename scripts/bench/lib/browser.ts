/**
 * Headless Chromium (Debian's, as the browser tests use) timing pages the way a user meets
 * them. An init script in every page records, in the page's own clock (milliseconds since the
 * navigation started), when each screen first became usable, and when every IndexedDB write
 * transaction completed. Reading those timestamps afterwards keeps the automation's own delays
 * out of the figures.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../../../playwright.config.ts';

/**
 * What "usable" means, per screen: the element someone acts on first is in the page, laid out
 * (styles applied) and enabled.
 * - `home`: Baseline's home heading, and its "Create and start answering" button enabled.
 * - `answer`: Baseline's answering screen with the first question's choices.
 * - `surveyjs`: the SurveyJS page with the first question's choices.
 * - `blank`: the blank page's heading (the floor).
 */
export type Screen = 'home' | 'answer' | 'surveyjs' | 'blank';

interface BenchState {
  usableAt: Partial<Record<Screen, number>>;
  writes: number[];
}
declare global {
  interface Window {
    __bench: BenchState;
  }
}

/** Runs in every page before its own scripts (serialised by Playwright: self-contained). */
function instrument(screens: Screen[]): void {
  const state: BenchState = { usableAt: {}, writes: [] };
  window.__bench = state;

  // Laid out is asked last: it makes the browser lay the page out then and there, which should
  // not happen on every change while the elements are not even there.
  const ready = (selector: string) => {
    const element = document.querySelector(selector);
    return element !== null && !element.matches(':disabled') && element.getClientRects().length > 0;
  };
  const conditions: Record<Screen, () => boolean> = {
    home: () => ready('#assessments-heading') && ready('.new-assessment button[type="submit"]'),
    answer: () => ready('main article input[type="radio"]'),
    surveyjs: () => ready('.sd-question input[type="radio"]'),
    blank: () => ready('h1'),
  };
  const check = () => {
    for (const screen of screens) {
      if (state.usableAt[screen] === undefined && conditions[screen]())
        state.usableAt[screen] = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  document.addEventListener('DOMContentLoaded', check);
  window.addEventListener('load', check);

  const prototype = IDBDatabase.prototype;
  const transaction = Object.getOwnPropertyDescriptor(prototype, 'transaction')?.value as (
    this: IDBDatabase,
    ...args: Parameters<IDBDatabase['transaction']>
  ) => IDBTransaction;
  prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const tx = transaction.apply(this, args);
    if (tx.mode === 'readwrite') tx.addEventListener('complete', () => state.writes.push(performance.now()));
    return tx;
  };
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A fresh context (empty caches and storage) whose pages watch for `screens` becoming usable. */
export async function newContext(
  browser: Browser,
  screens: Screen[],
  serviceWorkers: 'allow' | 'block' = 'allow',
): Promise<BrowserContext> {
  const context = await browser.newContext({ serviceWorkers, viewport: { width: 1280, height: 800 } });
  await context.addInitScript(instrument, screens);
  return context;
}

/**
 * Opens `url` and returns the milliseconds from the start of the navigation to the moment
 * `screen` was usable. With `fromServiceWorker`, fails unless the service worker served the page.
 */
export async function timeToUsable(
  page: Page,
  url: string,
  screen: Screen,
  { fromServiceWorker = false } = {},
): Promise<number> {
  const response = await page.goto(url);
  if (fromServiceWorker && !response?.fromServiceWorker()) {
    throw new Error(`${url} was not served by the service worker`);
  }
  await page.waitForFunction((which) => window.__bench.usableAt[which] !== undefined, screen);
  return page.evaluate((which) => window.__bench.usableAt[which]!, screen);
}

/**
 * Waits until the page's service worker is active, so its precache is complete and it serves
 * the next page opened in the same context.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/** Milliseconds from a click to the first and to the last IndexedDB write it caused. */
export interface SaveTimes {
  /** The first write done: for Baseline, the journal entry, which a crash of the browser keeps. */
  first: number;
  /** The last write done (writes count as one save until none follows for `quietMs`). */
  last: number;
}

/** Clicks the element at `selector` and times the IndexedDB writes it causes. */
export async function timeToSave(page: Page, selector: string, quietMs = 500): Promise<SaveTimes> {
  await page.waitForLoadState('networkidle'); // the page has finished loading what it loads
  return page.evaluate(
    async ({ selector, quietMs }) => {
      const { writes } = window.__bench;
      const element = document.querySelector<HTMLElement>(selector);
      if (!element) throw new Error(`Nothing to click at ${selector}`);
      const before = writes.length;
      const start = performance.now();
      element.click();
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      while (writes.length === before) {
        if (performance.now() - start > 10_000) throw new Error(`Clicking ${selector} saved nothing`);
        await sleep(10);
      }
      let seen = writes.length;
      for (;;) {
        await sleep(quietMs);
        if (writes.length === seen) break;
        seen = writes.length;
      }
      return { first: writes[before]! - start, last: writes[writes.length - 1]! - start };
    },
    { selector, quietMs },
  );
}
