import { expect, test } from '@playwright/test';
import { createAssessment, question, SAMPLE, watchConsole } from './helpers.ts';

test('text typed moments before a reload is not lost', async ({ page }) => {
  const console = watchConsole(page);
  await page.clock.install();
  await createAssessment(page, 'Reload while typing', SAMPLE);
  const strategy = question(page, /adopted a national cybersecurity strategy/);
  await strategy.getByText('Comment · Evidence').click();
  // Time stands still: the typing pause that would save the comment never ends before the reload.
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1000);
  await strategy.getByLabel('Comment', { exact: true }).fill('Typed a moment before the reload');
  await expect(page.getByRole('status').filter({ hasText: 'Saving…' })).toBeVisible();
  await page.reload();
  await page.clock.resume();

  await expect(strategy.getByLabel('Comment', { exact: true })).toHaveValue(
    'Typed a moment before the reload',
  );
  await expect(
    page.getByRole('status').filter({ hasText: 'All answers saved on this device' }),
  ).toBeVisible();
  // And it is in the database, not just on the screen: a fresh load shows it too.
  await page.reload();
  await expect(strategy.getByLabel('Comment', { exact: true })).toHaveValue(
    'Typed a moment before the reload',
  );
  expect(console.errors).toEqual([]);
});

test('a deleted assessment can be restored, with its answers', async ({ page }) => {
  const console = watchConsole(page);
  await createAssessment(page, 'Deleted by mistake', SAMPLE);
  await question(page, /adopted a national cybersecurity strategy/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  await page.getByRole('link', { name: 'Assessments', exact: true }).click();
  await expect(page.getByText('1 of 9 questions answered')).toBeVisible();

  await page.getByRole('button', { name: 'Delete: Deleted by mistake' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Deleted by mistake' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Deleted by mistake' })).toBeVisible();
  await expect(page.getByText('1 of 9 questions answered')).toBeVisible();

  // Deleted again and the page reloaded: still in "recently deleted".
  await page.getByRole('button', { name: 'Delete: Deleted by mistake' }).click();
  await page.reload();
  await page.getByText(/Recently deleted \(1\)/).click();
  await page.getByRole('button', { name: 'Restore: Deleted by mistake' }).click();
  await expect(page.getByText('1 of 9 questions answered')).toBeVisible();
  expect(console.errors).toEqual([]);
});

test('the storage state and use are shown', async ({ page }) => {
  await page.goto('./');
  const status = page.getByTestId('storage-status');
  await expect(status).toContainText(/Stored for good|may clear|did not agree|does not say/);
  await expect(status).toContainText(/Using .* of the .* available/);
});
