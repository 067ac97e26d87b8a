import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addAccount, addOrganisation, createLinkCode, grantRole } from '../../server/admin.ts';
import { openRecord, type OpenRecord } from '../../server/record.ts';
import { axeViolations, createAssessment, expectSaved, question, SAMPLE, watchConsole } from './helpers.ts';
import { startServerProcess, type RecordServerProcess } from './recordServer.ts';

/**
 * One assessment, many contributors, across three organisations in three browser contexts: the
 * ministry's coordinator gives the CIRT pillar to the national CIRT and the awareness pillar to
 * the regulator; each agency answers its part on its own device and submits it; the coordinator
 * asks the CIRT for a revision with a comment, accepts the regulator's part; the CIRT sees the
 * comment, revises and submits again; the coordinator accepts, and sees who answered what.
 */
let data = '';
let server: RecordServerProcess | undefined;
let record: OpenRecord | undefined;
let origin = '';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  data = await mkdtemp(join(tmpdir(), 'baseline-contributions-e2e-'));
  server = await startServerProcess(data);
  origin = server.origin;
  record = await openRecord({ data });
  const db = record.database;
  const ministry = await addOrganisation(db, { name: 'Ministry of Digital Affairs' });
  const cirt = await addOrganisation(db, { name: 'National CIRT', parent: ministry });
  const regulator = await addOrganisation(db, { name: 'Telecom Regulator', parent: ministry });
  for (const [username, displayName, organisation, role] of [
    ['focal', 'Fatima Focal', ministry, 'coordinator'],
    ['chen', 'Chen CIRT', cirt, 'editor'],
    ['rita', 'Rita Regulator', regulator, 'editor'],
  ] as const) {
    await addAccount(db, { username, displayName });
    await grantRole(db, username, organisation, role);
  }
});

test.afterAll(async () => {
  await record?.close({ stopCluster: false });
  await server?.stop();
  await rm(data, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

// Three browsers, a server and its database in one test: allow for a busy machine.
test.slow();

async function device(browser: Browser, username: string) {
  const context = await browser.newContext({ baseURL: `${origin}/` });
  const page = await context.newPage();
  const console = watchConsole(page);
  await page.goto('./');
  const { code } = await createLinkCode(record!.database, username);
  await page.getByRole('link', { name: 'Server', exact: true }).click();
  await page.getByLabel('Link code').fill(code);
  await page.getByRole('button', { name: 'Link this device', exact: true }).click();
  await expect(page.getByTestId('sync-linked')).toContainText('This device is linked');
  return { context, page, console };
}

async function syncNow(page: Page): Promise<void> {
  await page.getByTestId('sync-indicator').click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-phase', 'idle');
  await expect(page.getByTestId('sync-status')).toContainText('Last synced');
}

async function openContributions(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Contributions', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contributions' })).toBeVisible();
}

/** An agency opens its part from "Your parts". */
async function openPart(page: Page, partId: string): Promise<void> {
  await syncNow(page);
  await openContributions(page);
  await page.getByTestId(`open-part-${partId}`).click();
}

const partRow = (page: Page, partId: string) => page.getByTestId(`part-${partId}`);

test('the assignment flow across a ministry and two agencies', async ({ browser }) => {
  const ministry = await device(browser, 'focal');
  const cirt = await device(browser, 'chen');
  const regulator = await device(browser, 'rita');

  // The coordinator starts the national assessment and answers the strategy herself.
  await createAssessment(ministry.page, 'National assessment 2026', SAMPLE);
  await question(ministry.page, /adopted a national cybersecurity strategy/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  await expectSaved(ministry.page);
  await syncNow(ministry.page);
  await openContributions(ministry.page);
  await ministry.page.getByTestId('contributions-National assessment 2026').click();
  await expect(
    ministry.page.getByRole('heading', { level: 1, name: 'Contributions to National assessment 2026' }),
  ).toBeVisible();
  const give = async (part: string, assignee: string) => {
    await ministry.page.getByLabel('Part', { exact: true }).selectOption({ label: part });
    await ministry.page.getByLabel('Given to').selectOption({ label: assignee });
    await ministry.page.getByTestId('give-part').click();
    await expect(
      ministry.page.getByRole('status').filter({ hasText: 'The part has been given.' }),
    ).toBeVisible();
  };
  await give('Pillar: Incident response (national CIRT)', 'National CIRT');
  await give('Pillar: Public awareness', 'Telecom Regulator');
  await expect(partRow(ministry.page, 'cirt').getByTestId('status')).toHaveText('To answer');
  await expect(partRow(ministry.page, 'awareness')).toContainText('Telecom Regulator');

  // Each agency answers its own part only, and submits it.
  await openPart(cirt.page, 'cirt');
  await expect(cirt.page.getByRole('heading', { level: 1 })).toHaveText(
    'Pillar: Incident response (national CIRT)',
  );
  await expect(question(cirt.page, /adopted a national cybersecurity strategy/)).toHaveCount(0);
  await question(cirt.page, /national CIRT with a formal mandate/)
    .getByRole('radio', { name: 'No' })
    .check();
  await expectSaved(cirt.page);
  await cirt.page.getByTestId('submit-part').click();
  await expect(cirt.page.getByTestId('part-status')).toHaveText('Submitted for review');

  await openPart(regulator.page, 'awareness');
  await question(regulator.page, /national awareness campaign/)
    .getByRole('radio', { name: 'Partly' })
    .check();
  await expectSaved(regulator.page);
  await regulator.page.getByTestId('submit-part').click();
  await expect(regulator.page.getByTestId('part-status')).toHaveText('Submitted for review');

  // The coordinator sees both submitted, asks the CIRT for a revision, accepts the regulator's part.
  await syncNow(ministry.page);
  await ministry.page.goBack();
  await ministry.page.reload();
  await expect(partRow(ministry.page, 'cirt').getByTestId('status')).toHaveText('Submitted for review');
  await expect(partRow(ministry.page, 'cirt')).toContainText('1 of 1 questions answered');
  await expect(partRow(ministry.page, 'cirt')).toContainText('Chen CIRT');
  const comment = 'Our 2025 decree gave the CIRT a formal mandate: please check.';
  await partRow(ministry.page, 'cirt').getByTestId('revision-text').fill(comment);
  await partRow(ministry.page, 'cirt').getByTestId('request-revision').click();
  await expect(partRow(ministry.page, 'cirt').getByTestId('status')).toHaveText('Revision requested');
  await partRow(ministry.page, 'awareness').getByTestId('accept').click();
  await expect(partRow(ministry.page, 'awareness').getByTestId('status')).toHaveText('Accepted');

  // The CIRT sees the comment, revises, and submits again.
  await openPart(cirt.page, 'cirt');
  await expect(cirt.page.getByTestId('revision-comment')).toContainText(comment);
  await cirt.page.screenshot({ path: 'test-results/contributions-part.png', fullPage: true });
  expect(await axeViolations(cirt.page, 'a contributor’s part')).toEqual([]);
  await question(cirt.page, /national CIRT with a formal mandate/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  await expectSaved(cirt.page);
  await cirt.page.getByTestId('submit-part').click();
  await expect(cirt.page.getByTestId('part-status')).toHaveText('Submitted for review');

  // The coordinator accepts; who answered what, and when, is on the screen.
  await syncNow(ministry.page);
  await ministry.page.goBack();
  await ministry.page.reload();
  await partRow(ministry.page, 'cirt').getByTestId('accept').click();
  await expect(partRow(ministry.page, 'cirt').getByTestId('status')).toHaveText('Accepted');
  const authors = ministry.page.getByTestId('authors');
  await expect(
    authors.getByRole('row', { name: /national CIRT with a formal mandate.*Chen CIRT.*National CIRT/ }),
  ).toBeVisible();
  await expect(
    authors.getByRole('row', { name: /awareness campaign.*Rita Regulator.*Telecom Regulator/ }),
  ).toBeVisible();
  await expect(
    authors.getByRole('row', { name: /cybersecurity strategy.*Fatima Focal.*Ministry of Digital Affairs/ }),
  ).toBeVisible();
  await ministry.page.screenshot({ path: 'test-results/contributions-coordinator.png', fullPage: true });
  expect(await axeViolations(ministry.page, 'the coordinator’s contributions')).toEqual([]);

  // The report's appendix lists the contributors: each agency with its part, its status and the
  // answers it authored; the coordinator's own answer, outside any part, under her ministry.
  await ministry.page.goto(ministry.page.url().replace(/\/contributions$/, '/report'));
  const contributors = ministry.page.getByTestId('report-contributors');
  await expect(
    contributors.getByRole('row', {
      name: /National CIRT.*Pillar: Incident response \(national CIRT\).*Accepted/,
    }),
  ).toBeVisible();
  await expect(
    contributors.getByRole('row', { name: /Telecom Regulator.*Pillar: Public awareness.*Accepted/ }),
  ).toBeVisible();
  await expect(
    contributors.getByRole('row', { name: /Ministry of Digital Affairs.*No part given/ }),
  ).toBeVisible();
  await contributors.screenshot({ path: 'test-results/contributions-report.png' });
  // Offline, a report still lists them: the list last fetched on this device, saying when.
  await ministry.context.setOffline(true);
  await ministry.page.reload();
  await expect(
    contributors.getByRole('row', { name: /Telecom Regulator.*Pillar: Public awareness/ }),
  ).toBeVisible();
  await expect(ministry.page.getByText('as listed by the server of record on')).toBeVisible();
  await ministry.context.setOffline(false);

  // Accepted: the regulator's part can no longer be changed.
  await openPart(regulator.page, 'awareness');
  await expect(regulator.page.getByTestId('part-status')).toHaveText('Accepted');
  await expect(regulator.page.getByText('its answers can no longer be changed here')).toBeVisible();

  // The ministry's report was reloaded offline: the browser reports the request it could not make.
  expect(ministry.console.errors.filter((error) => !/ERR_INTERNET_DISCONNECTED/.test(error))).toEqual([]);
  for (const { console } of [cirt, regulator]) expect(console.errors).toEqual([]);
  for (const { context } of [ministry, cirt, regulator]) await context.close();
});
