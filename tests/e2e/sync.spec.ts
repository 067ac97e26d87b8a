import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addAccount, addOrganisation, createLinkCode, grantRole } from '../../server/admin.ts';
import { openRecord, type OpenRecord } from '../../server/record.ts';
import { createAssessment, expectSaved, openScreen, question, SAMPLE, watchConsole } from './helpers.ts';
import { startServerProcess, type RecordServerProcess } from './recordServer.ts';

/**
 * The server of record end to end: `npm run server` itself serves the production build
 * (recordServer.ts); the test administers that same record. Two browser contexts
 * are two devices. A device that is not linked sends nothing; two linked devices change the
 * same assessment offline, sync, and every conflict reaches the conflict screen with no edit lost.
 */
let data = '';
let server: RecordServerProcess | undefined;
let record: OpenRecord | undefined;
let origin = '';
let organisation = '';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  data = await mkdtemp(join(tmpdir(), 'baseline-sync-e2e-'));
  server = await startServerProcess(data);
  origin = server.origin;
  record = await openRecord({ data });
  organisation = await addOrganisation(record.database, { name: 'National CIRT' });
  for (const [username, displayName] of [
    ['ana', 'Ana Lima'],
    ['bo', 'Bo Chen'],
  ])
    await addAccount(record.database, { username: username!, displayName: displayName! });
  await grantRole(record.database, 'ana', organisation, 'editor');
  await grantRole(record.database, 'bo', organisation, 'editor');
});

test.afterAll(async () => {
  // The cluster is the server's: it stops when the server does.
  await record?.close({ stopCluster: false });
  await server?.stop();
  await rm(data, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

// Two browsers, a server and its database in one test: allow for a busy machine.
test.slow();

async function device(browser: Browser) {
  const context = await browser.newContext({ baseURL: `${origin}/` });
  const page = await context.newPage();
  const api: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) api.push(request.url());
  });
  await page.goto('./');
  return { context, page, console: watchConsole(page), api };
}

async function link(page: Page, username: string): Promise<void> {
  const { code } = await createLinkCode(record!.database, username);
  await page.getByRole('link', { name: 'Server', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Server of record' })).toBeVisible();
  await page.getByLabel('Link code').fill(code);
  await page.getByRole('button', { name: 'Link this device', exact: true }).click();
  await expect(page.getByTestId('sync-linked')).toContainText('This device is linked');
}

async function syncNow(page: Page, expected: 'idle' | 'offline' = 'idle'): Promise<void> {
  await page.getByTestId('sync-indicator').click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-phase', expected);
  if (expected === 'idle') await expect(page.getByTestId('sync-status')).toContainText('Last synced');
}

const STRATEGY = /adopted a national cybersecurity strategy/;
const CIRT = /national CIRT with a formal mandate/;

async function comment(page: Page, text: RegExp, value: string): Promise<void> {
  const card = question(page, text);
  await card.getByText('Comment · Evidence').click();
  await card.getByLabel('Comment', { exact: true }).fill(value);
}

test('a device that is not linked sends nothing at all, even on a page the server served', async ({
  browser,
}) => {
  const { page, api, console, context } = await device(browser);
  await createAssessment(page, 'Kept on this device', SAMPLE);
  await question(page, STRATEGY).getByRole('radio', { name: 'Yes' }).check();
  await expectSaved(page);
  // A linked device's screen (a shared link, a bookmark) says why it is not here, and where to link.
  await openScreen(page, './#/statistics');
  await expect(page.getByTestId('linked-only')).toHaveText(
    'This screen is for devices linked to an organisation’s server of record, and this device is not linked.',
  );
  await page.getByRole('link', { name: 'Link this device' }).click();
  await expect(page.getByLabel('Link code')).toBeVisible();
  await page.getByRole('link', { name: 'Assessments', exact: true }).click();
  await page.getByRole('link', { name: 'Server', exact: true }).click();
  await expect(page.getByLabel('Link code')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Link code')).toBeVisible();
  expect(api).toEqual([]);
  expect(console.errors).toEqual([]);
  await context.close();
});

test('a linked device keeps the server screens’ words of every language: chosen offline, Arabic shows', async ({
  browser,
}) => {
  const { page, context, console } = await device(browser);
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The first visit installs the worker; from the next load on, it serves the page.
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await link(page, 'ana');
  // The English words are here, so the other languages' are being fetched for the worker to keep.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const cache = await caches.open('baseline-server-sync');
        return (await cache.keys()).filter((request) => /server-sync-(ar|zh|fr|ru|es)-/.test(request.url))
          .length;
      }),
    )
    .toBe(5);

  await context.setOffline(true);
  await page.goto('./');
  await page.getByLabel('Language', { exact: true }).selectOption('ar');
  await page.getByRole('link', { name: 'الخادم', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('خادم السجل');
  await context.setOffline(false);
  // Offline, the device's sync call and the questionnaires' Arabic texts (fetched when a language
  // is first chosen, see vite.config.ts) cannot load; nothing else fails.
  expect(console.errors.filter((error) => !error.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  await context.close();
});

test('two devices change one assessment offline, then sync: every conflict shown, no edit lost', async ({
  browser,
}) => {
  const a = await device(browser);
  const b = await device(browser);
  await link(a.page, 'ana');
  await createAssessment(a.page, 'National assessment 2026', SAMPLE);
  const answerUrl = new URL(a.page.url()).hash;
  await question(a.page, STRATEGY).getByRole('radio', { name: 'Yes' }).check();
  await expectSaved(a.page);
  await syncNow(a.page);

  await link(b.page, 'bo');
  await syncNow(b.page);
  await b.page.goto(`./${answerUrl}`);
  await expect(question(b.page, STRATEGY).getByRole('radio', { name: 'Yes' })).toBeChecked();

  // Both offline: each changes the same answer differently, and something else of its own.
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await a.page.goto(`./${answerUrl}`);
  await question(a.page, STRATEGY).getByRole('radio', { name: 'No' }).check();
  await comment(a.page, STRATEGY, 'Withdrawn in 2025');
  await expectSaved(a.page);
  await question(b.page, STRATEGY).getByRole('radio', { name: 'Partly' }).check();
  await expectSaved(b.page);
  await b.page.goto(`./${answerUrl.replace(/answer.*$/, 'answer/cirt')}`);
  await question(b.page, CIRT).getByRole('radio', { name: 'Yes' }).check();
  await expectSaved(b.page);
  await syncNow(a.page, 'offline');

  // Back online: A's changes go first; B's change of the same part is held for B to choose.
  // B comes online only once A has synced: coming online starts a sync of its own, which on a
  // busy machine could otherwise send B's changes first and put the conflict on A.
  await a.context.setOffline(false);
  await syncNow(a.page);
  await b.context.setOffline(false);
  await syncNow(b.page);
  await expect(b.page.getByTestId('sync-conflicts')).toContainText(
    '1 answer changed here and on another device',
  );
  await b.page.goto(`./${answerUrl}`);
  const conflict = b.page.getByTestId('conflict');
  await expect(
    b.page.getByRole('heading', { name: 'Changed on another device at the same time' }),
  ).toBeVisible();
  await expect(conflict).toHaveCount(1);
  await expect(conflict.getByTestId('conflict-mine')).toHaveText(['Partly']);
  await expect(conflict.getByTestId('conflict-theirs')).toHaveText(['No', 'Comment: Withdrawn in 2025']);
  // Until B chooses, B's own answer stands.
  await expect(question(b.page, STRATEGY).getByRole('radio', { name: 'Partly' })).toBeChecked();

  await conflict.getByRole('button', { name: 'Keep this device’s version' }).click();
  await expect(conflict).toHaveCount(0);
  await expectSaved(b.page);
  // Keeping B's response keeps A's comment too: it was changed on A only.
  await expect(question(b.page, STRATEGY).getByRole('radio', { name: 'Partly' })).toBeChecked();
  await expect(question(b.page, STRATEGY).getByLabel('Comment', { exact: true })).toHaveValue(
    'Withdrawn in 2025',
  );
  await syncNow(b.page);
  await syncNow(a.page);

  // A now has everything: B's choice, its own comment, and B's answer on the CIRT.
  await a.page.goto(`./${answerUrl}`);
  await expect(question(a.page, STRATEGY).getByRole('radio', { name: 'Partly' })).toBeChecked();
  await expect(question(a.page, STRATEGY).getByLabel('Comment', { exact: true })).toHaveValue(
    'Withdrawn in 2025',
  );
  await a.page.goto(`./${answerUrl.replace(/answer.*$/, 'answer/cirt')}`);
  await expect(question(a.page, CIRT).getByRole('radio', { name: 'Yes' })).toBeChecked();

  // The version that lost is kept on the server, with its author.
  const lost = await record!.database.owner.query<{
    data: { response: { value: string } };
    username: string;
  }>(
    `SELECT v.data, a.username FROM record_versions v JOIN accounts a ON a.id = v.changed_by
     WHERE v.reason = 'rejected' AND v.part_id = 'strategy.exists'`,
  );
  expect(lost.rows.map((row) => [row.username, row.data.response.value])).toEqual([['bo', 'partly']]);

  expect(
    a.console.errors.filter((error) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED/.test(error)),
  ).toEqual([]);
  expect(
    b.console.errors.filter((error) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED/.test(error)),
  ).toEqual([]);
  await a.context.close();
  await b.context.close();
});
