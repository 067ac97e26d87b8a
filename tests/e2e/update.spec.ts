import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { preview, type PreviewServer } from 'vite';
import { createAssessment, question, SAMPLE, watchConsole } from './helpers.ts';

/**
 * A new version waiting in the service worker is offered, never forced. The production build
 * is copied to a folder of its own and served from there; once the page runs under its
 * service worker, the served sw.js changes (as it does with every release), and the page is
 * asked to look for updates.
 */
let server: PreviewServer | undefined;
let folder = '';

test.beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'baseline-update-'));
  cpSync('dist', folder, { recursive: true });
  server = await preview({
    logLevel: 'silent',
    build: { outDir: folder },
    preview: { host: '127.0.0.1', port: 0, strictPort: true },
  });
});

test.afterEach(async () => {
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

test('a waiting new version is offered, and the page never reloads by itself', async ({ page }) => {
  const console = watchConsole(page);
  const origin = server!.resolvedUrls!.local[0]!.replace(/\/$/, '');
  await page.goto(`${origin}/`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await createAssessment(page, 'Mid-answer', SAMPLE);
  const strategy = question(page, /adopted a national cybersecurity strategy/);
  await strategy.getByText('Comment · Evidence').click();
  await strategy.getByLabel('Comment', { exact: true }).fill('Half-written thought');
  // Anything that reloads the page would lose this mark.
  await page.evaluate(() => ((window as unknown as { mark: string }).mark = 'still the same page'));
  const url = page.url();

  const sw = join(folder, 'sw.js');
  writeFileSync(sw, `${readFileSync(sw, 'utf8')}\n// the next release\n`);
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });

  await expect(page.getByText('A new version of Baseline is ready.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reload to update' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { mark?: string }).mark)).toBe(
    'still the same page',
  );
  expect(page.url()).toBe(url);
  await expect(strategy.getByLabel('Comment', { exact: true })).toHaveValue('Half-written thought');

  // "Later" keeps working on the old version, still without a reload.
  await page.getByRole('button', { name: 'Later' }).click();
  await expect(page.getByText('A new version of Baseline is ready.')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { mark?: string }).mark)).toBe(
    'still the same page',
  );
  expect(
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null),
  ).toBe(true);
  expect(console.errors).toEqual([]);
});
