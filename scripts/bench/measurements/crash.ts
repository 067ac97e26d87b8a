/**
 * Typing through a crash: Chromium with a profile folder of its own types a comment on the
 * production build, and every process of the browser is killed (SIGKILL) right after the last
 * key; started again on the same profile, the page shows what survived. Each run does two
 * kills: one after typing as fast as the browser takes keys (300 characters), one after
 * typing with pauses (50 characters, 0.5 s pause, 6 times), the way people type.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ensureBuilds, serveApp, type Served } from '../lib/builds.ts';
import { charactersLost, launchKillable, typeThenKill, type KillableBrowser } from '../lib/crash.ts';
import type { Figure, Measurement } from '../measurement.ts';

const SENTENCE = 'The agency reviews the national plan every year and reports to parliament. ';
const TEXT = SENTENCE.repeat(5).slice(0, 300);

let app: Served | undefined;

const commentField = (page: Page) => page.locator('main article textarea').first();

/** A new profile with one assessment, its first comment field open; resolves to its address. */
async function prepare(profile: string): Promise<string> {
  const browser = await launchKillable(profile);
  try {
    const page = await browser.context.newPage();
    await page.goto(`${app!.origin}/`);
    await page.locator('input[name="questionnaire"][value="resolution-130"]').check();
    await page.locator('.new-assessment button[type="submit"]').click();
    await page.waitForURL(/#\/assessments\/[0-9a-f-]+\/answer/);
    return page.url();
  } finally {
    await browser.close();
  }
}

async function openField(browser: KillableBrowser, url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.locator('main article').first().waitFor();
  if (!(await commentField(page).isVisible()))
    await page.locator('main article details:has(textarea) > summary').first().click();
  await commentField(page).waitFor();
  await commentField(page).fill('');
  // The emptied comment is saved before typing starts (the status says so).
  await page.getByRole('status').filter({ hasText: 'All answers saved on this device' }).waitFor();
  return page;
}

async function killRound(profile: string, url: string, pauses: boolean): Promise<[number, number]> {
  let browser = await launchKillable(profile);
  const page = await openField(browser, url);
  const options = pauses ? { pauseEvery: 50, pauseMs: 500 } : {};
  const { typedAt } = await typeThenKill(browser, page, commentField(page), TEXT, options);
  browser = await launchKillable(profile);
  try {
    const after = await browser.context.newPage();
    await after.goto(url);
    await commentField(after).waitFor({ state: 'attached' });
    const survived = await commentField(after).inputValue();
    const first = typedAt[0] ?? 0;
    const last = typedAt.at(-1) ?? first;
    const rate = typedAt.length > 1 ? ((typedAt.length - 1) / (last - first)) * 1000 : 0;
    return [charactersLost(TEXT, survived), rate];
  } finally {
    await browser.close();
  }
}

const measurement: Measurement = {
  name: 'typing through a crash (Chromium killed with SIGKILL)',
  runs: 5,
  async setup() {
    await ensureBuilds();
    app = await serveApp();
  },
  async measure(): Promise<Figure[]> {
    const profile = mkdtempSync(join(tmpdir(), 'baseline-bench-crash-'));
    try {
      const url = await prepare(profile);
      const [lostFast, rate] = await killRound(profile, url, false);
      const [lostPaused] = await killRound(profile, url, true);
      return [
        { label: 'characters lost per kill, typing without pause (of 300)', value: lostFast, unit: 'chars' },
        { label: 'characters lost per kill, typing with pauses (of 300)', value: lostPaused, unit: 'chars' },
        { label: 'typing speed of the test, without pause', value: rate, unit: 'chars/s' },
      ];
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  },
  async teardown() {
    await app?.close();
  },
};

export default measurement;
