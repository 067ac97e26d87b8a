import { expect, test, type Page } from '@playwright/test';
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
  // 2025's "No" left the review of the strategy unasked: said so, not "No answer", and counted as 0.
  await expect(
    questions
      .getByRole('row', { name: /monitored and reviewed/ })
      .getByRole('cell')
      .first(),
  ).toHaveText(/^Not asked: the capacity is absent \(counts as 0\)\s*0 points$/);
  await expect(
    questions.getByRole('row', { name: /adopted a national cybersecurity strategy/ }),
  ).toContainText('+100');
  await expect(page.getByTestId('compare-unmatched')).toHaveCount(0);
  expect(console.errors).toEqual([]);
});

/** Sets the date an assessment describes, on its answering screen. */
async function setDate(page: Page, date: string): Promise<void> {
  await page.getByText('Name, organisation, date and who prepared it').click();
  // Saved as it is entered, like the name: no button to press.
  await page.getByLabel('Date of the assessment').fill(date);
  await expect(page.getByText('Saved.')).toBeVisible();
}

test('compare orders by the date each assessment describes, shows the direction, and lets the person choose the baseline', async ({
  page,
}) => {
  const console = watchConsole(page);
  // Next year's assessment is made first (a copy imported to start it keeps the older record),
  // so the order of creation is the wrong way round.
  await createAssessment(page, 'National review', SAMPLE);
  await question(page, /adopted a national cybersecurity strategy/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  await setDate(page, '2027-03-01');
  await expectSaved(page);
  await createAssessment(page, 'First review', SAMPLE);
  await question(page, /adopted a national cybersecurity strategy/)
    .getByRole('radio', { name: 'Partly' })
    .check();
  await setDate(page, '2026-03-01');
  await expectSaved(page);

  await page.getByRole('link', { name: 'Compare', exact: true }).click();
  await page.getByRole('checkbox', { name: /National review/ }).check();
  await page.getByRole('checkbox', { name: /First review/ }).check();

  const order = page.getByTestId('compare-order').getByRole('listitem');
  await expect(order.first()).toContainText('First review');
  await expect(order.first()).toContainText('baseline');
  await expect(page.getByTestId('compare-direction')).toContainText('2026 → 2027');
  const strategy = page.getByTestId('compare-pillars').getByRole('row', { name: /^National strategy/ });
  // Partly (½) with the review not answered, then yes: the change is an improvement.
  await expect(strategy.getByRole('cell').last()).toHaveText('+25');

  // The person may take the later one as the baseline: the direction and the sign follow.
  await page.getByRole('button', { name: 'Move First review later' }).click();
  await expect(order.first()).toContainText('National review');
  await expect(page.getByTestId('compare-direction')).toContainText('2027 → 2026');
  await expect(strategy.getByRole('cell').last()).toHaveText('-25');
  await page.getByRole('button', { name: 'Put in the order of their dates' }).click();
  await expect(page.getByTestId('compare-direction')).toContainText('2026 → 2027');
  expect(console.errors).toEqual([]);
});

test('the questions two questionnaires do not share are listed once per reason, a long list folded', async ({
  page,
}) => {
  const console = watchConsole(page);
  await createAssessment(page, 'Sample run', SAMPLE);
  await createAssessment(page, 'One-hour workshop', /^Resolution 130: one-hour/);
  await page.getByRole('link', { name: 'Compare', exact: true }).click();
  await page.getByRole('checkbox', { name: /Sample run/ }).check();
  await page.getByRole('checkbox', { name: /One-hour workshop/ }).check();

  const unmatched = page.getByTestId('compare-unmatched');
  const groups = unmatched.locator('details');
  await expect(groups.locator('summary')).toHaveText([
    'Only in Sample run (6)',
    'Asked for a different kind of answer (2)',
    'Only in One-hour workshop (21)',
  ]);
  // Each question is named once, without its reason repeated beside it.
  await expect(unmatched.locator('li').first()).not.toContainText('Only in');
  // The one-hour questionnaire has more than ten questions the sample lacks: folded, to open.
  const longest = groups.filter({ hasText: 'Only in One-hour workshop' });
  await expect(longest).not.toHaveAttribute('open');
  await longest.locator('summary').click();
  await expect(longest.locator('li').first()).toBeVisible();
  expect(console.errors).toEqual([]);
});
