/**
 * Figures a ministry can publish: the results screen, the report and the CSV export show the
 * same numbers, computed with the assessment's own weight profile and targets; an assessment
 * with no answers has no score anywhere, only a way to start answering.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expect, test, type Page } from '@playwright/test';
import { createAssessment, expectSaved, pillarNav, question, SAMPLE, watchConsole } from './helpers.ts';

const PILLARS = [
  'National strategy and institutions',
  'Incident response (national CIRT)',
  'Skills and professional capacity',
  'Gender balance',
  'Small and medium-sized enterprises',
  'Public awareness',
];

async function downloadCsv(page: Page, button: string): Promise<Record<string, string>[]> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const text = readFileSync(await file.path(), 'utf8');
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

/** Score, target and gap of each pillar in a table, as shown ("provisional" marks left aside). */
async function tableFigures(page: Page, testId: string): Promise<string[][]> {
  const figures: string[][] = [];
  // Read once the table is drawn (reading cells does not wait for them).
  await expect(
    page.getByTestId(testId).getByRole('row', { name: new RegExp(`^${PILLARS[0]}`) }),
  ).toBeVisible();
  for (const pillar of PILLARS) {
    const cells = page
      .getByTestId(testId)
      .getByRole('row', { name: new RegExp(`^${pillar.replace(/[()]/g, '\\$&')}`) })
      .getByRole('cell');
    const texts = await cells.allTextContents();
    figures.push(texts.slice(0, 3).map((text) => text.replace('provisional', '').trim()));
  }
  return figures;
}

/**
 * The same, from the CSV's exact figures: score and target rounded to whole points as the screens
 * show them, the gap as the screens show it (the shown target less the shown score), "met" for an
 * exact gap of 0 or less.
 */
function csvFigures(rows: Record<string, string>[]): string[][] {
  const whole = (value: string | undefined) => Math.round(Number(value));
  return rows
    .filter((row) => row.pillar_id !== '')
    .map((row) => [
      String(whole(row.Score)),
      String(whole(row.Target)),
      Number(row.Gap) <= 0 ? 'met' : String(whole(row.Target) - whole(row.Score)),
    ]);
}

test('the results screen, the report and the CSV show the same figures, with the assessment’s own weights and targets', async ({
  page,
}) => {
  const console = watchConsole(page);
  await createAssessment(page, 'One set of numbers', SAMPLE);
  await question(page, /adopted a national cybersecurity strategy/)
    .getByRole('radio', { name: 'Partly' })
    .check();
  await question(page, /monitored and reviewed/)
    .getByRole('radio', { name: /^Level 3/ })
    .check();
  await pillarNav(page, 'Incident response').click();
  await question(page, /national CIRT with a formal mandate/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  await question(page, /Which services/)
    .getByRole('checkbox', { name: 'Incident handling' })
    .check();
  await pillarNav(page, 'Skills').click();
  await question(page, /certified cybersecurity professionals/)
    .getByRole('textbox')
    .fill('120');
  await question(page, /taught at universities/)
    .getByRole('radio', { name: 'As modules within other degrees' })
    .check();
  await pillarNav(page, 'Small and medium').click();
  await question(page, /guidance written for small businesses/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  await pillarNav(page, 'Public awareness').click();
  await question(page, /national awareness campaign/)
    .getByRole('radio', { name: 'Partly' })
    .check();
  await expectSaved(page);
  const base = page.url().replace(/\/answer.*$/, '');

  // Not the default: Resolution 130 priorities, and targets of its own for skills and the CIRT.
  await page.goto(`${base}/weights`);
  await page.getByLabel('Profile in use').selectOption({ label: 'Resolution 130 priorities' });
  await page.getByLabel('Target of Skills and professional capacity').fill('80');
  await page.getByLabel('Target of Incident response (national CIRT)').fill('40');
  await expect(page.getByLabel('Target of Incident response (national CIRT)')).toHaveValue('40');

  await page.goto(`${base}/results`);
  const screen = await tableFigures(page, 'pillar-table');
  const overall = (await page.getByTestId('overall-score').textContent())?.match(/\d+/)?.[0];
  // The profile (2.0.0) weighs questions equally within a pillar: strategy (½ + 0.6) / 2 = 55
  // against 70; the CIRT (1 + 0.4) / 2 = 70 against its own 40, met; skills 55 against 80.
  expect(screen[0]).toEqual(['55', '70', '15']);
  expect(screen[1]).toEqual(['70', '40', 'met']);
  expect(screen[2]).toEqual(['55', '80', '25']);

  await page.goto(`${base}/report`);
  expect(await tableFigures(page, 'report-pillar-table')).toEqual(screen);
  await expect(page.getByTestId('report-overall')).toContainText(`${overall} out of 100`);
  await expect(page.getByTestId('report-cover-profile')).toContainText('Resolution 130 priorities');

  await page.goto(`${base}/export`);
  const rows = await downloadCsv(page, 'Scores, one row per pillar');
  expect(csvFigures(rows)).toEqual(screen);
  const total = rows.find((row) => row.pillar_id === '');
  expect(String(Math.round(Number(total?.Score)))).toBe(overall);
  // Gender balance is not answered: provisional, no band, and what it could reach.
  expect(rows[3]).toMatchObject({ Result: 'provisional', Band: '', 'Could reach': '100' });
  // Incident response weighs 6 in the profile's 2.0.0 (its six clauses of the resolution).
  expect(rows[1]).toMatchObject({ Result: 'final', Weight: '6', Rank: '' });
  expect(Object.keys(rows[0]!)).toEqual(
    expect.arrayContaining(['Target', 'Gap', 'Weighted gap', 'Priority', 'Rank', 'Band']),
  );
  expect(console.errors).toEqual([]);
});

test('with no answers there is no score: results, report and export lead to answering', async ({ page }) => {
  const console = watchConsole(page);
  await createAssessment(page, 'Nothing yet', SAMPLE);
  const base = page.url().replace(/\/answer.*$/, '');

  await page.goto(`${base}/results`);
  await expect(page.getByTestId('results-empty')).toContainText('No answers yet');
  await expect(page.getByTestId('overall-score')).toHaveCount(0);
  await expect(page.getByTestId('action-plan')).toHaveCount(0);

  await page.goto(`${base}/report`);
  await expect(page.getByTestId('report-empty')).toContainText(
    'this report has no scores, gaps or action plan',
  );
  await expect(page.getByTestId('report-overall')).toHaveCount(0);
  await expect(page.getByTestId('gap-table')).toHaveCount(0);

  await page.goto(`${base}/export`);
  const rows = await downloadCsv(page, 'Scores, one row per pillar');
  expect(rows.every((row) => row.Score === '' && row.Band === '' && row.Result === 'no answers')).toBe(true);

  await page.goto(`${base}/results`);
  await page.getByRole('link', { name: 'Start answering' }).click();
  await expect(question(page, /adopted a national cybersecurity strategy/)).toBeVisible();
  expect(console.errors).toEqual([]);
});
