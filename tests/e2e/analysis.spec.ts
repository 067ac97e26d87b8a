import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createAssessment, expectSaved, pillarNav, question, SAMPLE, watchConsole } from './helpers.ts';

/**
 * Sample questionnaire, answered so that strategy and awareness score 100, and the CIRT (no),
 * skills, gender and SMEs (unanswered) score 0. With equal weights the overall is 200 / 6 = 33;
 * gaps against the sample's targets: CIRT 70, skills 60, gender 60, SMEs 50.
 */
async function answerSample(page: Page, name: string): Promise<string> {
  const base = await createSample(page, name);
  await question(page, /adopted a national cybersecurity strategy/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  await question(page, /monitored and reviewed/)
    .getByRole('radio', { name: /^Level 5/ })
    .check();
  await pillarNav(page, 'Incident response').click();
  await question(page, /national CIRT with a formal mandate/)
    .getByRole('radio', { name: 'No' })
    .check();
  await pillarNav(page, 'Public awareness').click();
  await question(page, /national awareness campaign/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  await expectSaved(page);
  return base;
}

/** A new assessment of the sample questionnaire; resolves to its address without the screen. */
async function createSample(page: Page, name: string): Promise<string> {
  await createAssessment(page, name, SAMPLE);
  return page.url().replace(/\/answer.*$/, '');
}

const firstInPlan = (page: Page) =>
  page.getByTestId('action-plan').getByRole('heading', { level: 3 }).first();
const gapRow = (page: Page, rank: number) => page.getByTestId('gap-table').locator(`tr[data-rank="${rank}"]`);

test('editing a weight and a target changes the scores, the gaps and the action plan, and is kept', async ({
  page,
}) => {
  const console = watchConsole(page);
  const base = await answerSample(page, 'Weights check');

  await page.goto(`${base}/results`);
  await expect(page.getByTestId('overall-score')).toContainText('33');
  // Skills, gender and SMEs are not answered yet: the result is provisional, its band only reached so far.
  await expect(page.getByTestId('overall-band')).toHaveText('Band so far: Evolving');
  await expect(page.getByTestId('overall-provisional')).toContainText(
    'only 50% of this score is settled. Open questions count as 0, so it can still rise, up to 83,',
  );
  await expect(gapRow(page, 1)).toContainText('Incident response');
  await expect(gapRow(page, 1)).toContainText('70');
  await expect(firstInPlan(page)).toHaveText(/Incident response/);
  await expect(page.getByTestId('action-plan')).toContainText(
    'Is there a national CIRT with a formal mandate?',
  );

  // The working behind a score: each question's score, weight, share and contribution.
  await page.getByRole('button', { name: 'Why is National strategy and institutions at 100?' }).click();
  const working = page.getByTestId('working-strategy');
  await expect(working).toBeVisible();
  await expect(working.getByRole('row', { name: /adopted a national cybersecurity strategy/ })).toContainText(
    '50%',
  );
  await expect(working.getByRole('row', { name: /Total/ })).toContainText('100');
  // Each question with the answer actually given, not just "Answered".
  await expect(
    working
      .getByRole('row', { name: /adopted a national cybersecurity strategy/ })
      .getByTestId('working-answer'),
  ).toHaveText('Yes');
  await expect(
    working.getByRole('row', { name: /monitored and reviewed/ }).getByTestId('working-answer'),
  ).toHaveText('Level 5');

  await page.getByRole('link', { name: 'Weights and targets' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Weights and targets' })).toBeVisible();
  const preview = page.getByTestId('preview');
  await expect(preview.getByTestId('preview-overall')).toHaveText(/^Overall 33\s*provisional$/);

  // Gender balance counts three times: shares 3/8 against 1/8, overall 200 / 8 = 25, and its
  // gap of 60 becomes the first priority (3/8 × 60 = 22.5 against 1/8 × 70 for the CIRT).
  await page.getByLabel('Weight of Gender balance').fill('3');
  await expect(preview.getByTestId('preview-overall')).toHaveText(/^Overall 25\s*provisional$/);
  await expect(preview.getByTestId('preview-plan').getByRole('listitem').first()).toContainText(
    'Gender balance',
  );
  await expect(
    page.getByTestId('pillar-weights').getByRole('row', { name: /^Gender balance/ }),
  ).toContainText('38%');
  await expect(page.getByLabel('Profile in use')).toHaveValue('__current');
  await expect(page.getByLabel('Name of the profile')).toHaveValue('Copy of Equal weights');

  // A weight that is not a number changes nothing and says why.
  await page.getByLabel('Weight of Skills and professional capacity').fill('-2');
  await expect(page.getByText('Enter a number of 0 or more.')).toBeVisible();
  await expect(preview.getByTestId('preview-overall')).toHaveText(/^Overall 25\s*provisional$/);

  await page.getByRole('link', { name: 'See the full results' }).click();
  await expect(page.getByTestId('overall-score')).toContainText('25');
  await expect(gapRow(page, 1)).toContainText('Gender balance');
  await expect(firstInPlan(page)).toHaveText(/Gender balance/);

  // A lower target for gender shrinks its gap (3/8 × 10 = 3.75) below the CIRT's (8.75).
  await page.getByRole('link', { name: 'Weights and targets' }).click();
  await page.getByLabel('Target of Gender balance').fill('10');
  await expect(preview.getByTestId('preview-plan').getByRole('listitem').first()).toContainText(
    'Incident response',
  );
  await page.reload();
  await expect(page.getByLabel('Target of Gender balance')).toHaveValue('10');
  await expect(page.getByLabel('Weight of Gender balance')).toHaveValue('3');

  await page.getByRole('link', { name: 'See the full results' }).click();
  const table = page.getByTestId('pillar-table');
  await expect(
    table
      .getByRole('row', { name: /^Gender balance/ })
      .getByRole('cell')
      .nth(1),
  ).toHaveText('10');
  await expect(firstInPlan(page)).toHaveText(/Incident response/);
  // Now 3/8 × 10 = 3.75 for gender comes after the CIRT (8.75), skills (7.5) and SMEs (6.25).
  await expect(gapRow(page, 4)).toContainText('Gender balance');
  expect(console.errors).toEqual([]);
});

test('results compare two profiles and can be read by the five GCI pillars', async ({ page }) => {
  const console = watchConsole(page);
  const base = await answerSample(page, 'Lens check');
  await page.goto(`${base}/results`);

  // Resolution 130 priorities weigh each pillar by its clauses (strategy 14, awareness 11,
  // skills 8, CIRT 6, gender 5, SMEs 3 of 47): skills' gap (8/47 × 60 = 10.2) passes the
  // CIRT's (6/47 × 70 = 8.9), gender stays third (6.4) and SMEs fourth, at 3/47 × 50 = 3.2.
  await page.getByLabel('Compare with').selectOption({ label: 'Resolution 130 priorities' });
  const sensitivity = page.getByTestId('sensitivity-table');
  await expect(sensitivity.getByRole('row', { name: /^Incident response/ })).toContainText('down 1');
  await expect(sensitivity.getByRole('row', { name: /^Skills/ })).toContainText('up 1');
  await expect(sensitivity.getByRole('row', { name: /^Gender/ })).toContainText('no change');
  await expect(sensitivity.getByRole('row', { name: /^Small and medium/ })).toContainText('3.2');
  await expect(sensitivity.getByRole('row', { name: /^Small and medium/ })).toContainText('no change');
  await expect(
    page.getByText('The order of the gaps changes: 1 pair of pillars swaps places.'),
  ).toBeVisible();

  // The sample has no legal question: that GCI pillar cannot be scored.
  await page.getByRole('radio', { name: 'The five GCI pillars' }).check();
  const table = page.getByTestId('pillar-table');
  await expect(
    table
      .getByRole('row', { name: /^Legal/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('not scored');
  await expect(
    table
      .getByRole('row', { name: /^Organizational/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('100');
  await expect(
    table
      .getByRole('row', { name: /^Technical/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('0');
  await expect(
    page.getByRole('img', { name: /Radar chart of each pillar’s score and its target/ }),
  ).toBeVisible();
  await expect(page.getByRole('img', { name: /Bar chart of the gaps/ })).toBeVisible();
  expect(console.errors).toEqual([]);
});

test('a bad profile file is refused with the reason, and nothing is added', async ({ page }) => {
  const console = watchConsole(page);
  const base = await answerSample(page, 'Import check');
  await page.goto(`${base}/weights`);
  const options = page.getByLabel('Profile in use').locator('option');
  await expect(options).toHaveCount(3);

  const file = page.getByLabel('Import a weight profile file');
  const profile = {
    kind: 'weightProfile',
    format: 1,
    id: 'broken',
    version: '1.0.0',
    title: { en: 'Broken' },
    rationale: { en: 'Test.' },
    appliesTo: ['sample'],
    pillars: { strategy: -1 },
  };
  await file.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(profile)),
  });
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('“broken.json” was not imported');
  await expect(result).toContainText('expected a weight from 0 to 1000');
  await expect(result).toContainText('Where in the file: $.pillars.strategy');

  await file.setInputFiles({
    name: 'unknown-pillar.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...profile, pillars: { economy: 2 } })),
  });
  await expect(result).toContainText('no pillar "economy" in "sample"');
  await expect(result).toContainText('Where in the file: $.pillars.economy');

  await file.setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"kind": '),
  });
  await expect(result).toContainText('not valid JSON');

  await expect(options).toHaveCount(3);
  await page.reload();
  await expect(options).toHaveCount(3);
  expect(console.errors).toEqual([]);
});

test('a saved profile is exported as a file and imported on another device with the same weights', async ({
  page,
  browser,
}, testInfo) => {
  const console = watchConsole(page);
  await page.goto(`${await createSample(page, 'Export check')}/weights`);
  await page.getByLabel('Weight of Incident response').fill('4');
  await page.getByText('Skills and professional capacity: 2 questions').click();
  await page.getByLabel('Weight of How many certified cybersecurity professionals').fill('2.5');
  await page.getByLabel('Name of the profile').fill('Delegation A');
  await page
    .getByLabel('Why these weights')
    .fill('Incident response first (R130/recognizing/national-cirts).');
  await page.getByRole('button', { name: 'Save in my library' }).click();
  await expect(page.getByText('“Delegation A” is saved in your library on this device.')).toBeAttached();
  await expect(page.getByLabel('Profile in use').locator('option:checked')).toHaveText('Delegation A');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export as a file' }).click(),
  ]);
  const path = await download.path();
  const exported = JSON.parse(readFileSync(path, 'utf8'));
  expect(download.suggestedFilename()).toBe(`weights-Delegation-A-${exported.version}.json`);
  expect(exported).toMatchObject({
    kind: 'weightProfile',
    title: { en: 'Delegation A' },
    basedOn: 'equal',
    pillars: { cirt: 4 },
    questions: { 'skills.certified': 2.5 },
  });

  // Another device: a fresh browser profile with nothing saved.
  const other = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const second = await other.newPage();
  const secondConsole = watchConsole(second);
  await second.goto(`${await createSample(second, 'Delegation B')}/weights`);
  await second.getByLabel('Import a weight profile file').setInputFiles(path);
  await expect(second.getByTestId('import-result')).toContainText(
    '“Delegation A” was added to your library.',
  );
  await second.getByRole('button', { name: 'Use it for this assessment' }).click();
  await expect(second.getByLabel('Weight of Incident response')).toHaveValue('4');
  await expect(second.getByLabel('Name of the profile')).toHaveValue('Delegation A');
  await expect(second.getByLabel('Profile in use').locator('option:checked')).toHaveText('Delegation A');

  // Importing the same file again adds nothing.
  await second.getByLabel('Import a weight profile file').setInputFiles(path);
  await expect(second.getByTestId('import-result')).toContainText('already in your library, unchanged');
  await expect(second.getByLabel('Profile in use').locator('option')).toHaveCount(4);
  await other.close();
  expect(console.errors).toEqual([]);
  expect(secondConsole.errors).toEqual([]);
});
