import { expect, test } from '@playwright/test';
import { createAssessment, expectSaved, question, SAMPLE, watchConsole } from './helpers.ts';

test('the print view: cover, scores with chart and table, every answer, and the method', async ({ page }) => {
  const console = watchConsole(page);
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await createAssessment(page, 'Report for the ministry', SAMPLE);
  await page.getByText('Name and who prepared it').click();
  await page.getByLabel('Prepared by').fill('A. Petrova, national CIRT');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
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
  await expect(page.getByTestId('report-overall')).toContainText('9 out of 100');
  const table = page.getByTestId('report-pillar-table');
  await expect(
    table
      .getByRole('row', { name: /^National strategy/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('55');
  await expect(page.getByRole('img', { name: /Radar chart/ })).toBeVisible();
  const answers = page.getByTestId('report-answer');
  await expect(answers).toHaveCount(10);
  await expect(answers.first()).toHaveText('Partly');
  await expect(answers.nth(1)).toContainText('Level 3');
  // Imported or typed text is shown as text, never as HTML.
  await expect(page.getByText('<b>Draft</b> approved by the cabinet.')).toBeVisible();
  await expect(page.locator('.report b')).toHaveCount(0);
  await expect(page.getByTestId('report-questionnaire')).toContainText('version 1.0.0');
  await expect(page.getByTestId('report-weights').getByRole('row')).toHaveCount(7);
  await expect(page.getByRole('heading', { name: 'Method' })).toBeVisible();

  // A copy for a partner leaves out restricted text and names.
  await page.getByLabel('Leave out restricted comments and evidence, and names').check();
  await expect(page.getByText('<b>Draft</b> approved by the cabinet.')).toHaveCount(0);
  await expect(page.getByText('A. Petrova, national CIRT')).toHaveCount(0);
  await expect(page.getByText('Decree 12/2025')).toBeVisible();
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
