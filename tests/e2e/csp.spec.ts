import { expect, test } from '@playwright/test';
import { createAssessment, expectSaved, openScreen, question, SAMPLE, watchConsole } from './helpers.ts';

/**
 * The production build carries a strict Content-Security-Policy (no eval, no inline script,
 * no inline style), and the app works under it: every screen is visited and used, and the
 * browser reports no violation.
 */
test('every screen runs under the strict Content-Security-Policy with no violation', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
    );
  });
  const console = watchConsole(page);
  const violations = () =>
    page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

  await page.goto('./');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("style-src 'self'");
  expect(policy).not.toContain('unsafe-eval');
  expect(policy).not.toContain('unsafe-inline');

  // The policy is enforced: an inline script and a string passed to setTimeout (eval) are
  // blocked and reported. (Code run by the test itself through DevTools would be exempt.)
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.head.append(script);
    setTimeout('window.evalRan = true' as unknown as () => void, 0);
  });
  await expect.poll(violations).toHaveLength(2);
  expect(await page.evaluate(() => 'inlineRan' in window || 'evalRan' in window)).toBe(false);
  expect((await violations()).map((v) => v.split(' ')[0]).sort()).toEqual(['script-src', 'script-src-elem']);
  await page.evaluate(() => ((window as unknown as { cspViolations: string[] }).cspViolations.length = 0));
  console.errors.length = 0;

  await createAssessment(page, 'Under the policy', SAMPLE);
  await question(page, /adopted a national cybersecurity strategy/)
    .getByRole('radio', { name: 'Partly' })
    .check();
  const strategy = question(page, /adopted a national cybersecurity strategy/);
  await strategy.getByText('Comment · Evidence').click();
  await strategy.getByLabel('Comment', { exact: true }).fill('Typed under the policy');
  await expectSaved(page);
  const answering = page.url();
  await page.getByLabel('Language', { exact: true }).selectOption('ru');
  // Messages in another language are compiled at run time, without eval.
  await expect(page.getByRole('link', { name: 'Посмотреть результаты' })).toBeVisible();
  // Arabic (right to left, six plural forms) and Chinese too, each fetched when chosen.
  await page.getByLabel('Язык', { exact: true }).selectOption('ar');
  await expect(page.getByRole('link', { name: 'عرض النتائج' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByLabel('اللغة', { exact: true }).selectOption('zh');
  await expect(page.getByRole('link', { name: '查看结果' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await page.getByLabel('语言', { exact: true }).selectOption('en');

  await page.getByRole('link', { name: 'See results' }).click();
  await expect(page.getByRole('img', { name: /Radar chart/ })).toBeVisible();
  // The chart and its table, drawn again in Arabic.
  await page.getByLabel('Language', { exact: true }).selectOption('ar');
  await expect(page.getByRole('img', { name: /مخطط راداري/ })).toBeVisible();
  await page.getByLabel('اللغة', { exact: true }).selectOption('en');
  await expect(page.getByRole('img', { name: /Radar chart/ })).toBeVisible();
  await page.getByRole('link', { name: 'Report for printing' }).click();
  await expect(page.getByTestId('report-pillar-table')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the results' }).click();
  await page.getByRole('link', { name: 'Export', exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Export or share this assessment' }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Back to the assessments' }).click();
  await page.getByRole('link', { name: 'Import a file' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Import/ })).toBeVisible();
  // The screens with weights, workshops and comparisons, which build their own schemas.
  await openScreen(page, answering.replace(/\/answer.*$/, '/weights'));
  for (const screen of ['workshops', 'workshops/new', 'join', 'compare', 'backup'])
    await openScreen(page, `./#/${screen}`);
  // A workshop's room screen (roll call, the room's schemas), here with no room server.
  await page.goto('./#/workshops/new');
  await page.getByLabel('Name of the workshop').fill('Under the policy');
  await page.getByRole('radio', { name: SAMPLE }).check();
  await page.getByRole('button', { name: 'Set up the workshop' }).click();
  await page.getByRole('link', { name: 'Room: who joined, who is missing' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'The room' })).toBeVisible();
  await openScreen(page, './#/no-such-page');

  expect(await violations()).toEqual([]);
  expect(console.errors).toEqual([]);
});
