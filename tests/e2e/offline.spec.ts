import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { previewServerForEachTest } from './previewServer.ts';
import { createAssessment, expectSaved, pillarNav, question, SAMPLE, watchConsole } from './helpers.ts';

/**
 * Offline for real: the app is served by a preview server of the production build that this
 * test stops, so every later load must come from the service worker's precache. (The
 * browser's offline switch is not enough: service-worker traffic ignores it.)
 */
const served = previewServerForEachTest();

async function stopServer(page: Page): Promise<void> {
  await served.stop();
  await expect(page.request.get(served.origin, { timeout: 2000 })).rejects.toThrow();
}

test('after one online visit the app, its questionnaires and saved answers open with the server gone', async ({
  page,
}) => {
  const console = watchConsole(page);
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(served.origin)) foreign.push(request.url());
  });

  await page.goto(`${served.origin}/`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The first visit installs the worker; from the next load on, it serves the page.
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await createAssessment(page, 'Offline check', SAMPLE);
  await question(page, /adopted a national cybersecurity strategy/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  await question(page, /monitored and reviewed/)
    .getByRole('radio', { name: /^Level 4/ })
    .check();
  await expectSaved(page);

  await stopServer(page);
  await page.goto(`${served.origin}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Your assessments' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Offline check' })).toBeVisible();
  await expect(page.getByText('2 of 9 questions answered')).toBeVisible();

  await page.getByRole('link', { name: 'Continue: Offline check' }).click();
  // Continue picks up at the next unanswered question (the next pillar); the strategy is one step back.
  await expect(
    page.getByRole('heading', { level: 1, name: 'Incident response (national CIRT)' }),
  ).toBeVisible();
  await pillarNav(page, 'National strategy').click();
  await expect(
    question(page, /monitored and reviewed/).getByRole('radio', { name: /^Level 4/ }),
  ).toBeChecked();
  await question(page, /monitored and reviewed/)
    .getByRole('radio', { name: /^Level 5/ })
    .check();
  await expectSaved(page);

  await page.reload();
  await expect(
    question(page, /monitored and reviewed/).getByRole('radio', { name: /^Level 5/ }),
  ).toBeChecked();
  await page.getByRole('link', { name: 'See results' }).click();
  await expect(page.getByRole('img', { name: /Radar chart/ })).toBeVisible();
  await expect(
    page.getByTestId('pillar-table').getByRole('row', { name: /^National strategy/ }),
  ).toContainText('100');

  // A new assessment can be started offline too: the questionnaires are in the precache.
  await createAssessment(page, 'Started offline', SAMPLE);
  await expect(question(page, /adopted a national cybersecurity strategy/)).toBeVisible();

  expect(foreign).toEqual([]);
  expect(console.errors).toEqual([]);
});

test('the app is installable: a manifest with name, icons, start URL and standalone display', async ({
  page,
}) => {
  await page.goto(`${served.origin}/`);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = await (await page.request.get(new URL(href!, `${served.origin}/`).href)).json();
  expect(manifest).toMatchObject({ name: expect.stringContaining('Baseline'), display: 'standalone' });
  expect(manifest.start_url).toBeTruthy();
  const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) {
    const response = await page.request.get(new URL(icon.src, `${served.origin}/`).href);
    expect(response.headers()['content-type']).toBe('image/png');
  }
});

/** How many files of a language's texts the build made (what the app keeps for it). */
function languageFileCount(language: string): number {
  return readdirSync(join('dist', 'assets', 'languages', language)).length;
}

/** The files the app keeps in Cache Storage for languages other than the default. */
function keptLanguageFiles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const cache = await caches.open('baseline-languages');
    return (await cache.keys()).map((request) => new URL(request.url).pathname);
  });
}

test('a language chosen while online stays on the device: its questionnaire texts open with the server gone', async ({
  page,
}) => {
  const console = watchConsole(page);
  await page.goto(`${served.origin}/`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  // The default language comes with the app; no other language's texts are fetched until chosen.
  expect(await keptLanguageFiles(page)).toEqual([]);

  await page.locator('#language-select').selectOption('ru');
  await expect(
    page.getByRole('radio', { name: 'Пример: десятиминутное знакомство с Baseline' }),
  ).toBeVisible();
  // Every Russian file (all questionnaires, clauses, profiles, catalog) is kept, not only those shown.
  await expect.poll(async () => (await keptLanguageFiles(page)).length).toBe(languageFileCount('ru'));
  expect(await keptLanguageFiles(page)).toEqual(
    expect.arrayContaining([expect.stringMatching(/\/assets\/languages\/ru\/questionnaire-resolution-130-/)]),
  );

  await stopServer(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Ваши оценки' })).toBeVisible();
  await page.getByLabel('Название оценки').fill('Без сети');
  await page.getByRole('radio', { name: 'Пример: десятиминутное знакомство с Baseline' }).check();
  await page.getByRole('button', { name: 'Создать и перейти к ответам' }).click();
  await expect(
    question(page, 'Принята ли правительством национальная стратегия кибербезопасности?'),
  ).toBeVisible();
  await expect(page.getByText(/пока не загружены на это устройство/)).toHaveCount(0);
  expect(console.errors).toEqual([]);
});

test('a language whose texts never reached the device says so offline, and shows the original texts', async ({
  page,
}) => {
  await page.goto(`${served.origin}/`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await stopServer(page);

  await page.locator('#language-select').selectOption('ru');
  // The interface is in the precache in every language; the questionnaires' Russian texts are not.
  await expect(page.getByRole('heading', { level: 1, name: 'Ваши оценки' })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'пока не загружены на это устройство' }),
  ).toContainText('Тексты вопросников на языке «русский»');
  const sample = page.getByRole('radio', { name: /^Sample: a ten-minute tour/ });
  await expect(sample).toBeVisible();
  // Shown in English, tagged as English (and marked as not translated).
  await expect(page.getByText('Sample: a ten-minute tour of Baseline', { exact: true })).toHaveAttribute(
    'lang',
    'en',
  );
});
