import { expect, test, type Page } from '@playwright/test';
import { createAssessment, expectSaved, question, SAMPLE, watchConsole } from './helpers.ts';

const cell = (page: Page, testId: string, row: RegExp, index: number) =>
  page.getByTestId(testId).getByRole('row', { name: row }).getByRole('cell').nth(index);

test('the print view: cover, scores with chart and table, every answer, and the method', async ({ page }) => {
  const console = watchConsole(page);
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await createAssessment(page, 'Report for the ministry', SAMPLE);
  await page.getByText('Name, organisation, date and who prepared it').click();
  // Saved as typed: no button to press.
  await page.getByLabel('Prepared by').fill('A. Petrova, national CIRT');
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();
  const strategy = question(page, /adopted a national cybersecurity strategy/);
  await strategy.getByRole('radio', { name: 'Partly' }).check();
  await question(page, /monitored and reviewed/)
    .getByRole('radio', { name: /^Level 3/ })
    .check();
  await strategy.getByText('Comment · Evidence').click();
  await strategy.getByLabel('Comment', { exact: true }).fill('<b>Draft</b> approved by the cabinet.');
  await strategy.getByLabel(/Restricted: leave it out of sharing/).check();
  await strategy.getByRole('button', { name: 'Add evidence' }).click();
  await strategy.getByLabel(/Reference or link/).fill('Decree 12/2025');
  await expectSaved(page);

  await page.getByRole('link', { name: 'See results' }).click();
  await page.getByRole('link', { name: 'Report for printing' }).click();
  await expect(page).toHaveURL(/#\/assessments\/[0-9a-f-]+\/report$/);

  await expect(page.getByRole('heading', { level: 1, name: 'Report for the ministry' })).toBeVisible();
  await expect(page.getByText('A. Petrova, national CIRT')).toBeVisible();
  // Equal weights: strategy (½ + 0.6) / 2 = 55, the five other pillars 0, so 55 / 6.
  await expect(page.getByTestId('report-cover-profile')).toContainText('Equal weights');
  await expect(page.getByTestId('report-overall')).toContainText('9 out of 100');
  await expect(cell(page, 'report-pillar-table', /^National strategy/, 0)).toHaveText('55');
  await expect(page.getByRole('img', { name: /Radar chart/ })).toBeVisible();
  const answers = page.getByTestId('report-answer');
  await expect(answers).toHaveCount(10);
  await expect(answers.first()).toHaveText('Partly');
  await expect(answers.nth(1)).toContainText('Level 3');
  // Imported or typed text is shown as text, never as HTML.
  await expect(page.getByText('<b>Draft</b> approved by the cabinet.')).toBeVisible();
  await expect(page.locator('.report b')).toHaveCount(0);
  await expect(page.getByTestId('report-questionnaire')).toContainText('version 1.0.0');
  await expect(page.getByTestId('report-weights-pillars').getByRole('row')).toHaveCount(7);
  await expect(page.getByRole('heading', { name: 'Method' })).toBeVisible();

  // A copy for a partner leaves out restricted text and names.
  await page.getByLabel('Leave out restricted comments and evidence, and names').check();
  await expect(page.getByText('<b>Draft</b> approved by the cabinet.')).toHaveCount(0);
  await expect(page.getByText('A. Petrova, national CIRT')).toHaveCount(0);
  await expect(page.getByText('Decree 12/2025')).toBeVisible();
  await expect(page.getByTestId('report-overall')).toContainText('9 out of 100');
  await page.getByLabel('Leave out restricted comments and evidence, and names').uncheck();

  await page.getByRole('button', { name: 'Print or save as PDF' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  // Printed: only the report, no app header, toolbar or footer.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Report for the ministry' })).toBeVisible();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(20_000);
  expect(console.errors).toEqual([]);
});

test('the report computes with the assessment’s weights and targets: gaps, plan and appendix', async ({
  page,
}) => {
  const console = watchConsole(page);
  await createAssessment(page, 'Weighted report', SAMPLE);
  await question(page, /adopted a national cybersecurity strategy/)
    .getByRole('radio', { name: 'Partly' })
    .check();
  await question(page, /monitored and reviewed/)
    .getByRole('radio', { name: /^Level 3/ })
    .check();
  await expectSaved(page);
  const base = page.url().replace(/\/answer.*$/, '');

  // Strategy counts three times, and skills aim at 80 instead of the questionnaire's 60.
  await page.goto(`${base}/weights`);
  await page.getByLabel('Weight of National strategy and institutions').fill('3');
  await page.getByLabel('Target of Skills and professional capacity').fill('80');
  // Skills, gender and the others are not answered: the figures are provisional, a band only reached so far.
  await expect(page.getByTestId('preview-overall')).toHaveText(/^Overall 21\s*provisional$/);
  await page.goto(`${base}/report`);

  // 3/8 × 55 = 20.6; the targets weighted alike: (3 × 70 + 70 + 80 + 60 + 50 + 60) / 8 = 66.25.
  // The gap is the target as shown less the score as shown, 66 − 21 = 45, not the exact 45.6 rounded.
  await expect(page.getByTestId('report-overall')).toContainText('21 out of 100');
  await expect(page.getByTestId('report-overall-band')).toHaveText('Band so far: Evolving');
  await expect(page.getByTestId('report-overall-gap')).toHaveText('45');
  await expect(page.getByTestId('report-overall-target')).toContainText('Overall target 66');
  await expect(page.getByTestId('report-cover-profile')).toContainText('Copy of Equal weights');
  // Score, target, gap, band, coverage, weight share: nothing answered in skills, so provisional.
  await expect(
    page
      .getByTestId('report-pillar-table')
      .getByRole('row', { name: /^Skills/ })
      .getByRole('cell'),
  ).toHaveText([/^0\s*provisional$/, '80', '80', 'Band so far: Building', /0%\s*\(0\/2\)/, '13%']);
  await expect(cell(page, 'report-pillar-table', /^National strategy/, 4)).toHaveText(/100%/);
  await expect(
    page.getByRole('img', { name: /Radar chart of each pillar’s score and its target/ }),
  ).toBeVisible();

  // Gaps by priority: skills 1/8 × 80 = 10, the CIRT 1/8 × 70 = 8.75, ..., strategy 3/8 × 15 = 5.6.
  const gapRow = (rank: number) => page.getByTestId('gap-table').locator(`tr[data-rank="${rank}"]`);
  await expect(gapRow(1)).toContainText('Skills and professional capacity');
  await expect(gapRow(1).getByRole('cell').last()).toHaveText('10');
  await expect(gapRow(2)).toContainText('Incident response');
  await expect(gapRow(6)).toContainText('National strategy');
  await expect(gapRow(6).getByRole('cell').last()).toHaveText('5.6');
  await expect(page.getByRole('img', { name: /Bar chart of the gaps/ })).toBeVisible();
  // The five GCI pillars of the same answers: the sample has no legal question.
  const gci = page.getByTestId('report-other-view');
  await expect(gci.getByRole('heading', { name: 'The same answers by the five GCI pillars' })).toBeVisible();
  await expect(
    gci
      .getByRole('row', { name: /^Legal/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('not scored');
  await expect(
    gci
      .getByRole('row', { name: /^Organizational/ })
      .getByRole('cell')
      .nth(1),
  ).toHaveText('70');
  await expect(
    gci
      .getByRole('row', { name: /^Capacity/ })
      .getByRole('cell')
      .nth(1),
  ).toHaveText('70');

  // The action plan, with the gaps found, what is still to answer, the next step and the
  // clauses by the names their document gives them (what they say is in the appendix).
  const plan = page.getByTestId('action-plan');
  const items = plan.locator(':scope > li');
  await expect(items).toHaveCount(6);
  await expect(items.first().getByRole('heading', { level: 3 })).toHaveText(
    /Skills and professional capacity/,
  );
  await expect(items.first()).toContainText('Score 0, target 80, gap 80; weight share 13%; priority 10.');
  await expect(items.first().getByTestId('plan-open')).toContainText(
    'How many certified cybersecurity professionals',
  );
  await expect(items.first()).toContainText('None among the questions answered so far.');
  await expect(items.first()).toContainText(
    'ITU Plenipotentiary Resolution 130 (Rev. Bucharest, 2022): recognizing l bis',
  );
  await expect(items.first()).not.toContainText('R130/');
  await expect(items.last()).toContainText('Next step: Set up a drafting group');

  // The appendix: the profile, its weights and shares, the targets that differ, the bands.
  const profile = page.getByTestId('report-profile');
  await expect(profile).toContainText('Copy of Equal weights');
  await expect(profile).toContainText('Made from the profile “Equal weights”.');
  await expect(profile).toContainText('Why these weights: Made from “Equal weights”');
  await expect(
    page
      .getByTestId('report-weights-pillars')
      .getByRole('row', { name: /^National strategy/ })
      .getByRole('cell'),
  ).toHaveText(['3', '38%', '38%']);
  await expect(
    page
      .getByTestId('report-weights-gci')
      .getByRole('row', { name: /^Legal/ })
      .getByRole('cell'),
  ).toHaveText(['1', '20%', '—']);
  await expect(
    page.getByText('This assessment sets its own target for: Skills and professional capacity.'),
  ).toBeVisible();
  await expect(
    page
      .getByTestId('report-targets')
      .getByRole('row', { name: /^Skills/ })
      .getByRole('cell'),
  ).toHaveText(['80', '60']);
  await expect(page.getByTestId('bands-table').locator('tr.current')).toContainText('Evolving');
  await expect(page.getByText(/The priority is the weighted gap where it is positive/)).toBeVisible();
  // What each cited clause says, under its name.
  const cited = page.getByTestId('report-cited');
  await expect(cited).toContainText(
    'recognizing l bis — Many Member States face a significant shortage of qualified cybersecurity staff.',
  );

  // Printing draws the charts again at a page's size (the summary's radar 260 px, beside the key
  // figures), whatever the screen, and for the screen again afterwards.
  const radar = page.getByRole('img', { name: /Radar chart/ });
  const radarPixels = () =>
    radar.evaluate((canvas: HTMLCanvasElement) => canvas.width / window.devicePixelRatio);
  const drawnForScreen = () =>
    page.waitForFunction(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('.radar canvas');
      const width = canvas && canvas.width / window.devicePixelRatio;
      return width !== null && width > 260 && width < 360;
    });
  // Drawn first for a phone, so that printing has to draw it again.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.reload();
  await drawnForScreen();
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect.poll(radarPixels).toBe(260);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await drawnForScreen();

  // On paper the clauses are printed, not folded away: by name in the plan, with what they say in the appendix.
  await page.emulateMedia({ media: 'print' });
  await expect(plan.getByText(/recognizing l bis/).first()).toBeVisible();
  await expect(
    cited.getByText(/Many Member States face a significant shortage of qualified cybersecurity staff/),
  ).toBeVisible();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(console.errors).toEqual([]);
});

/** Whether anything is drawn in the outermost columns of a canvas: a name run off its edge. */
function inkAtSides(canvas: HTMLCanvasElement): { left: number; right: number } {
  const context = canvas.getContext('2d')!;
  const columns = 3;
  const ink = (x: number) =>
    context
      .getImageData(x, 0, columns, canvas.height)
      .data.filter((value, index) => index % 4 === 3 && value > 0).length;
  return { left: ink(0), right: ink(canvas.width - columns) };
}

test('the radar chart keeps the long names of the full questionnaire’s pillars within it, in Russian, on a wide screen and a tablet', async ({
  page,
}) => {
  await createAssessment(page, 'Национальная оценка', /^Resolution 130: national/);
  await question(page, /adopted a national cybersecurity strategy/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  await expectSaved(page);
  await page.getByLabel('Language', { exact: true }).selectOption('ru');
  await page.goto(page.url().replace(/\/answer.*$/, '/report'));
  const radar = page.getByRole('img', { name: /Лепестковая/ });
  // «Повышение осведомлённости населения» and «Кадры и профессиональные навыки» sit on the sides.
  for (const width of [1280, 620]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(radar).toBeVisible();
    await expect.poll(() => radar.evaluate(inkAtSides)).toEqual({ left: 0, right: 0 });
  }
});
