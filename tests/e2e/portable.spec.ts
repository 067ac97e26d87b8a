import { expect, test, type Page } from '@playwright/test';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { expectSaved, question, SAMPLE, watchConsole } from './helpers.ts';
import { joinWithCode, openHandBack, pasteWorkshopLink, workshopLink } from './workshopHelpers.ts';

/**
 * The portable file (`npm run build:portable`), built afresh from the current code and opened
 * from `file://`, as from a USB stick: no server, no service worker.
 */
let fileUrl = '';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const outDir = await mkdtemp(join(tmpdir(), 'baseline-portable-'));
  await build({ configFile: 'vite.portable.config.ts', logLevel: 'silent', build: { outDir } });
  fileUrl = pathToFileURL(join(outDir, 'baseline.html')).href;
});

async function open(page: Page, hash = ''): Promise<void> {
  await page.goto(`${fileUrl}${hash}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test('the portable file is one page with its own strict policy', async () => {
  const html = await readFile(new URL(fileUrl), 'utf8');
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain('unsafe-eval');
  expect(policy).toContain("connect-src 'none'");
  // Everything is inside: no file is fetched from next to it.
  expect(html).not.toMatch(/<script[^>]+src=/);
  expect(html).not.toMatch(/<link[^>]+rel="(stylesheet|manifest|modulepreload)"/);
});

test('from file:// it creates an assessment, keeps the answers through a reload, and says how to hand back', async ({
  page,
}) => {
  const console = watchConsole(page);
  await open(page);
  expect(
    await page.evaluate(() => ({
      protocol: location.protocol,
      sw: navigator.serviceWorker?.controller ?? null,
    })),
  ).toEqual({
    protocol: 'file:',
    sw: null,
  });
  const notice = page.getByTestId('portable-notice');
  await expect(notice.getByRole('heading', { name: 'Portable Baseline' })).toBeVisible();
  await expect(notice).toContainText('as QR codes');

  await page.getByLabel('Name of the assessment').fill('On a USB stick');
  await page.getByRole('radio', { name: SAMPLE }).check();
  await page.getByRole('button', { name: 'Create and start answering' }).click();
  await expect(page).toHaveURL(/#\/assessments\/[0-9a-f-]+\/answer/);
  await question(page, /adopted a national cybersecurity strategy/)
    .getByRole('radio', { name: 'Partly' })
    .check();
  await expectSaved(page);

  await page.reload();
  await expect(
    question(page, /adopted a national cybersecurity strategy/).getByRole('radio', { name: 'Partly' }),
  ).toBeChecked();
  await page.goto(fileUrl);
  await expect(page.getByRole('heading', { level: 2, name: 'On a USB stick' })).toBeVisible();
  expect(console.errors).toEqual([]);
});

test('from file:// a participant hands back as a file or as QR codes', async ({ page }) => {
  const console = watchConsole(page);
  // The same file plays the facilitator, to have a workshop code to join.
  await open(page, '#/workshops/new');
  await page.getByLabel('Name of the workshop').fill('Field visit');
  await page.getByRole('radio', { name: SAMPLE }).check();
  await page.getByRole('button', { name: 'Set up the workshop' }).click();
  const code = (await page.getByTestId('join-code').textContent())!.trim();
  const link = await workshopLink(page);

  await page.goto(`${fileUrl}#/join`);
  await joinWithCode(page, code, 'Academia');
  await question(page, /adopted a national cybersecurity strategy/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  await expectSaved(page);
  await openHandBack(page);
  await pasteWorkshopLink(page, link);
  // No room server here: only the file and the QR codes are offered.
  await expect(page.getByRole('heading', { name: 'Over the room’s network' })).toHaveCount(0);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save the answers file' }).click();
  expect((await download).suggestedFilename()).toMatch(/^answers-[a-z0-9-]+-academia-[0-9a-f]{8}\.json$/);
  await page.getByRole('button', { name: 'Show the QR codes' }).click();
  await expect(page.getByTestId('qr-code')).toBeVisible();
  expect(console.errors).toEqual([]);
});
