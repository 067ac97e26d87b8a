import { expect, test } from '@playwright/test';
import { createAssessment, expectSaved, pillarNav, question, SAMPLE, watchConsole } from './helpers.ts';

test('answers are saved as they are given and survive a reload; results show chart and table', async ({
  page,
}) => {
  const console = watchConsole(page);
  await createAssessment(page, 'Ministry self-assessment 2026', SAMPLE);

  // Strategy: a follow-up appears only once the strategy exists at least in part.
  const strategy = question(page, /adopted a national cybersecurity strategy/);
  const review = question(page, /monitored and reviewed/);
  await expect(review).toHaveCount(0);
  await strategy.getByRole('radio', { name: 'Partly' }).check();
  await review.getByRole('radio', { name: /^Level 3/ }).check();
  await strategy.getByText('Comment · Evidence').click();
  await strategy.getByLabel('Comment').fill('Draft approved by the cabinet in 2025.');
  await strategy.getByRole('button', { name: 'Add evidence' }).click();
  await strategy.getByLabel(/Reference or link/).fill('Decree 12/2025');
  await strategy.getByLabel(/Who may see it/).selectOption('restricted');
  await expectSaved(page);

  await page.getByRole('link', { name: /^Next:/ }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Incident response (national CIRT)' }),
  ).toBeVisible();
  await question(page, /national CIRT with a formal mandate/)
    .getByRole('radio', { name: 'No' })
    .check();
  await expect(question(page, /Which services/)).toHaveCount(0);

  await page.getByRole('link', { name: /^Next:/ }).click();
  await question(page, /certified cybersecurity professionals/)
    .getByRole('textbox')
    .fill('120');
  await question(page, /taught at universities/)
    .getByRole('radio', { name: 'As modules within other degrees' })
    .check();

  await page.getByRole('link', { name: /^Next:/ }).click();
  await question(page, /share of the national cybersecurity workforce/)
    .getByRole('button', { name: 'Don’t know' })
    .click();
  await page.getByRole('link', { name: /^Next:/ }).click();
  await question(page, /guidance written for small businesses/)
    .getByRole('button', { name: 'Not applicable' })
    .click();
  await page.getByRole('link', { name: /^Next:/ }).click();
  await question(page, /national awareness campaign/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  await question(page, /What did the most recent campaign teach/)
    .getByRole('textbox')
    .fill('Community radio reached villages that leaflets never did.');
  await expectSaved(page);

  await page.reload();
  await expect(
    question(page, /national awareness campaign/).getByRole('radio', { name: 'Yes' }),
  ).toBeChecked();
  await expect(question(page, /What did the most recent campaign teach/).getByRole('textbox')).toHaveValue(
    'Community radio reached villages that leaflets never did.',
  );
  await expect(page.getByRole('progressbar', { name: '9 of 9 questions answered' })).toBeVisible();

  await pillarNav(page, 'National strategy and institutions').click();
  await expect(
    question(page, /adopted a national cybersecurity strategy/).getByRole('radio', { name: 'Partly' }),
  ).toBeChecked();
  await expect(
    question(page, /monitored and reviewed/).getByRole('radio', { name: /^Level 3/ }),
  ).toBeChecked();
  await expect(strategy.getByLabel('Comment')).toHaveValue('Draft approved by the cabinet in 2025.');
  await expect(strategy.getByLabel(/Reference or link/)).toHaveValue('Decree 12/2025');
  await expect(strategy.getByLabel(/Who may see it/)).toHaveValue('restricted');

  await pillarNav(page, 'Skills and professional capacity').click();
  await expect(question(page, /certified cybersecurity professionals/).getByRole('textbox')).toHaveValue(
    '120',
  );
  await pillarNav(page, 'Gender balance').click();
  await expect(
    question(page, /share of the national cybersecurity workforce/).getByRole('button', {
      name: 'Don’t know',
    }),
  ).toHaveAttribute('aria-pressed', 'true');

  // Results: strategy (0.5 + 0.6) / 2 = 55, CIRT 0, skills (0.6 + 0.5) / 2 = 55, gender 0 (don't know),
  // SMEs not scored (not applicable), awareness 100 (free text is unscored): overall 210 / 5 = 42.
  // Coverage is the settled share of the weight: every scored pillar is settled but gender (don't
  // know), so 4 of 5 equal pillars = 80 %.
  await page.getByRole('link', { name: 'See results' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
  await expect(page.getByTestId('overall-score')).toContainText('42');
  await expect(page.getByTestId('coverage')).toHaveText('80%');
  const table = page.getByTestId('pillar-table');
  const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${name}`) });
  await expect(row('National strategy').getByRole('cell').first()).toHaveText('55');
  await expect(row('Incident response').getByRole('cell').first()).toHaveText('0');
  await expect(row('Small and medium').getByRole('cell').first()).toHaveText('not scored');
  await expect(row('Public awareness').getByRole('cell').first()).toHaveText('100');
  const chart = page.getByRole('img', { name: /Radar chart of each pillar’s score and its target/ });
  await expect(chart).toBeVisible();
  const box = await chart.boundingBox();
  expect(box?.width).toBeGreaterThan(200);

  await page.goto('./');
  await expect(page.getByRole('heading', { level: 2, name: 'Ministry self-assessment 2026' })).toBeVisible();
  await expect(page.getByText('9 of 9 questions answered')).toBeVisible();
  expect(console.errors).toEqual([]);
});

test('an assessment can be deleted from the list', async ({ page }) => {
  await createAssessment(page, 'To be deleted', SAMPLE);
  await page.goto('./');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete: To be deleted' }).click();
  await expect(page.getByRole('heading', { name: 'To be deleted' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'To be deleted' })).toHaveCount(0);
});

test('the suggested name of a new assessment follows the language until the person writes their own', async ({
  page,
}) => {
  await page.goto('./');
  const language = page.locator('#language-select');
  const field = page.getByLabel('Name of the assessment');
  await expect(field).toHaveValue(/^Self-assessment /);
  await language.selectOption('ru');
  await expect(page.getByLabel('Название оценки')).toHaveValue(/^Самооценка /);
  await page.getByLabel('Название оценки').fill('Министерство, 2026');
  await language.selectOption('en');
  await expect(field).toHaveValue('Министерство, 2026');
});

test('a Resolution 130 figure shows what to count, its rule and the public source behind its thresholds', async ({
  page,
}) => {
  const console = watchConsole(page);
  await createAssessment(page, 'Figures explained', /^Resolution 130: national cybersecurity capacity/);
  await pillarNav(page, 'Incident response').click();
  const responseTime = question(page, /respond to a notified significant incident/);
  // Asked only where the CIRT exists and tracks its cases: the figure cannot be known otherwise.
  await expect(responseTime).toHaveCount(0);
  await question(page, /national CIRT with a formally assigned mandate/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  await question(page, /case-tracking system/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  await expect(responseTime.locator('.question__definition')).toContainText(
    'What counts: Take every significant incident notified to the CIRT in the last 12 months.',
  );
  const rule = responseTime.getByTestId('figure-rule');
  await expect(rule).toContainText(
    'How the figure scores: no score at 72 hours, full score at 24 hours, a straight line between',
  );
  await expect(rule).toContainText('NIS 2 Directive asks CSIRTs to respond');
  await expect(
    rule.getByText('Directive (EU) 2022/2555 (NIS 2), Article 23: reporting obligations'),
  ).toBeVisible();
  await responseTime.getByRole('textbox').fill('48');
  await expectSaved(page);
  expect(console.errors).toEqual([]);
});
