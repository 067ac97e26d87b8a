import { expect, test } from '@playwright/test';
import { createAssessment, expectSaved, question, SAMPLE, watchConsole } from './helpers.ts';

test('two assessments side by side: pillar scores, gaps, the change, and the questions that changed', async ({
  page,
}) => {
  const console = watchConsole(page);
  await createAssessment(page, 'Baseline 2025', SAMPLE);
  await question(page, /adopted a national cybersecurity strategy/)
    .getByRole('radio', { name: 'No' })
    .check();
  await expectSaved(page);
  await createAssessment(page, 'Follow-up 2026', SAMPLE);
  await question(page, /adopted a national cybersecurity strategy/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  await question(page, /monitored and reviewed/)
    .getByRole('radio', { name: /^Level 4/ })
    .check();
  await expectSaved(page);

  await page.getByRole('link', { name: 'Compare', exact: true }).click();
  await page.getByRole('checkbox', { name: /Baseline 2025/ }).check();
  await expect(page.getByText('Choose at least one more.')).toBeVisible();
  await page.getByRole('checkbox', { name: /Follow-up 2026/ }).check();

  const pillars = page.getByTestId('compare-pillars');
  // Strategy: 0 then (1 + 0.8) / 2 = 90; the sample's target for it is 70.
  const strategy = pillars.getByRole('row', { name: /^National strategy/ });
  await expect(strategy.getByRole('cell').nth(0)).toHaveText('0 gap 70');
  await expect(strategy.getByRole('cell').nth(1)).toHaveText('90 gap 0');
  await expect(strategy.getByRole('cell').nth(2)).toHaveText('+90');
  await expect(page.getByRole('img', { name: /Radar chart of each assessment/ })).toBeVisible();

  const questions = page.getByTestId('compare-questions');
  await expect(questions.getByRole('row')).toHaveCount(3);
  await expect(
    questions.getByRole('row', { name: /adopted a national cybersecurity strategy/ }),
  ).toContainText('+100');
  await expect(page.getByTestId('compare-unmatched')).toHaveCount(0);
  expect(console.errors).toEqual([]);
});
