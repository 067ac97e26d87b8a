import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateAnswers, insertAssessments, seededRandom } from '../../scripts/lib/generateAssessments.ts';
import { loadValidQuestionnaires } from '../../scripts/lib/profiles.ts';
import { addAccount, addOrganisation, createLinkCode, grantRole } from '../../server/admin.ts';
import { asOwner } from '../../server/database.ts';
import { openRecord, type OpenRecord } from '../../server/record.ts';
import { watchConsole } from './helpers.ts';
import { startServerProcess, type RecordServerProcess } from './recordServer.ts';

/**
 * The statistics screen against `npm run server`: six agencies of a ministry, each with an
 * assessment of the quick questionnaire in 2025 and 2026. A statistician links a device, opens
 * the statistics from the Server screen and sees the figures with a table beside each chart,
 * 2025's trend suppressed under a threshold of 6 (only 5 agencies assessed that year), no
 * organisation's own scores, and a CSV that says what it was computed from. A coordinator sees
 * each agency's trend and may set the threshold.
 */
let data = '';
let server: RecordServerProcess | undefined;
let record: OpenRecord | undefined;
let ministry = '';

const QUESTIONNAIRE = loadValidQuestionnaires().get('resolution-130-quick')!;
const AGENCIES = 6;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  data = await mkdtemp(join(tmpdir(), 'baseline-statistics-e2e-'));
  server = await startServerProcess(data);
  record = await openRecord({ data });
  const db = record.database;
  ministry = await addOrganisation(db, { name: 'Ministry of Digital Affairs' });
  const author = await addAccount(db, { username: 'author', displayName: 'Data Author' });
  await addAccount(db, { username: 'stats', displayName: 'Sam Statistician' });
  await grantRole(db, 'stats', ministry, 'statistician');
  await addAccount(db, { username: 'focal', displayName: 'Focal Point' });
  await grantRole(db, 'focal', ministry, 'coordinator');
  const random = seededRandom(7);
  for (let i = 0; i < AGENCIES; i++) {
    const agency = await addOrganisation(db, { name: `Agency ${i + 1}`, parent: ministry });
    const entries = [2025, 2026]
      .filter((year) => year === 2026 || i > 0)
      .map((year) => {
        const id = randomUUID();
        return {
          assessment: {
            id,
            name: `Agency ${i + 1} ${year}`,
            questionnaire: { id: QUESTIONNAIRE.id, version: QUESTIONNAIRE.version },
            createdAt: `${year}-06-01T09:00:00.000Z`,
            updatedAt: `${year}-06-01T09:00:00.000Z`,
            assessedOn: `${year}-06-01`,
          },
          answers: generateAnswers(QUESTIONNAIRE, random, { strength: 0.2 + 0.1 * i + (year - 2025) * 0.2 }),
        };
      });
    await asOwner(db, (client) => insertAssessments(client, agency, author, entries));
  }
  await asOwner(db, (client) =>
    client.query('INSERT INTO statistics_settings (organisation_id, min_organisations) VALUES ($1, $2)', [
      ministry,
      AGENCIES,
    ]),
  );
});

test.afterAll(async () => {
  await record?.close({ stopCluster: false });
  await server?.stop();
  await rm(data, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

test.slow();

async function linkedPage(browser: Browser, username: string) {
  const context = await browser.newContext({ baseURL: `${server!.origin}/` });
  const page = await context.newPage();
  const console = watchConsole(page);
  await page.goto('./');
  const { code } = await createLinkCode(record!.database, username);
  await page.getByRole('link', { name: 'Server', exact: true }).click();
  await page.getByLabel('Link code').fill(code);
  await page.getByRole('button', { name: 'Link this device', exact: true }).click();
  await expect(page.getByTestId('sync-linked')).toContainText('This device is linked');
  await page.getByTestId('open-statistics').click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Statistics across organisations' }),
  ).toBeVisible();
  await page.getByLabel('Questionnaire').selectOption({ label: 'Resolution 130: one-hour workshop' });
  await page.getByLabel('From (year)').fill('2025');
  await page.getByLabel('To (year)').fill('2026');
  await page.getByRole('button', { name: 'Show the statistics' }).click();
  await expect(page.getByTestId('statistics-population')).toContainText(
    `Organisations counted: ${AGENCIES}; assessments: 11. A figure needs at least ${AGENCIES} organisations.`,
  );
  return { context, page, console };
}

test('a statistician sees figures with tables beside the charts, never one agency, and exports CSV', async ({
  browser,
}) => {
  const { context, page, console } = await linkedPage(browser, 'stats');
  const scores = page.getByTestId('statistics-scores');
  await expect(scores.getByRole('row')).toHaveCount(1 + 1 + QUESTIONNAIRE.pillars.length);
  await expect(
    scores
      .getByRole('row', { name: /Overall/ })
      .getByRole('cell')
      .last(),
  ).toHaveText(String(AGENCIES));
  await expect(page.getByRole('img', { name: /Median score, overall and per pillar/ })).toBeVisible();
  const years = page.getByTestId('statistics-years');
  await expect(years.getByRole('row', { name: /2025/ })).toContainText(
    'Not shown: 5 organisations, fewer than 6',
  );
  await expect(years.getByRole('row', { name: /2026/ }).getByRole('cell')).toHaveCount(4);
  await expect(page.getByText('The scores of single organisations are shown only to those')).toBeVisible();
  await expect(page.getByTestId('statistics-organisations')).toHaveCount(0);
  // Only coordinators set the threshold.
  await expect(page.getByLabel(/Fewest organisations a figure may rest on/)).toHaveCount(0);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('statistics-csv').click(),
  ]);
  expect(download.suggestedFilename()).toBe('statistics-resolution-130-quick-2025-01-01-2026-12-31.csv');
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv).toContain('settings,questionnaire,,,resolution-130-quick,');
  expect(csv).toContain(`settings,versions,,,${QUESTIONNAIRE.version},`);
  expect(csv).toContain(`settings,threshold,,,${AGENCIES},`);
  expect(csv).toContain('year,overall,2025,suppressed,,5');
  expect(csv).not.toContain('organisation,Agency');
  // For a spreadsheet set for a decimal comma: semicolons, the same figures.
  await page.getByRole('radio', { name: /columns separated by semicolons/ }).check();
  const [semicolons] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('statistics-csv').click(),
  ]);
  const semicolonCsv = await readFile(await semicolons.path(), 'utf8');
  expect(semicolonCsv).toContain('settings;questionnaire;;;resolution-130-quick;');
  expect(semicolonCsv).toContain('year;overall;2025;suppressed;;5');
  expect(semicolonCsv.split('\r\n')).toHaveLength(csv.split('\r\n').length);

  await page.screenshot({ path: test.info().outputPath('statistics.png'), fullPage: true });
  // A period with no assessment says so, without empty charts and tables.
  await page.getByLabel('From (year)').fill('2020');
  await page.getByLabel('To (year)').fill('2021');
  await page.getByRole('button', { name: 'Show the statistics' }).click();
  await expect(page.getByText('No assessment of this questionnaire in this period.')).toBeVisible();
  await expect(page.getByTestId('statistics-scores')).toHaveCount(0);
  await expect(page.getByTestId('statistics').getByRole('img')).toHaveCount(0);

  // Another language, chosen on this screen, is there at once for the server's words too.
  await page.getByLabel('Language', { exact: true }).selectOption('ar');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('إحصاءات عبر المنظمات');
  await expect(page.getByText('لا توجد تقييمات لهذا الاستبيان في هذه الفترة.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'عرض الإحصاءات' })).toBeVisible();

  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
  expect(console.errors).toEqual([]);
  await context.close();
});

test('a coordinator sees each agency’s trend and sets the threshold', async ({ browser }) => {
  const { context, page, console } = await linkedPage(browser, 'focal');
  const trends = page.getByTestId('statistics-organisations');
  await expect(trends.getByRole('row')).toHaveCount(1 + AGENCIES);
  await expect(
    trends
      .getByRole('row', { name: /Agency 1/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('—');
  await page
    .getByLabel(/Fewest organisations a figure may rest on, for Ministry of Digital Affairs/)
    .fill('5');
  await page.getByRole('button', { name: 'Save the threshold' }).click();
  await expect(page.getByText('The threshold is saved.')).toBeVisible();
  await expect(page.getByTestId('statistics-years').getByRole('row', { name: /2025/ })).not.toContainText(
    'Not shown',
  );
  expect(console.errors).toEqual([]);
  await context.close();
});
