import { expect, test, type Page } from '@playwright/test';
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
  // Gone from the list means moved to the trash (a reload in the same instant could beat the write).
  await expect(page.getByRole('heading', { level: 2, name: 'Deleted by mistake' })).toHaveCount(0);
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

/**
 * Keeps the database's assessments busy for a few seconds (one transaction, kept alive), as a
 * slow disk would: the next change's transaction waits behind it, so a reload comes before it.
 */
async function holdAssessments(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open('baseline');
        opening.onerror = () => reject(opening.error ?? new Error('Not opened'));
        opening.onsuccess = () => {
          const store = opening.result.transaction('assessments', 'readwrite').objectStore('assessments');
          const until = Date.now() + 5000;
          const spin = () => {
            if (Date.now() < until) store.count().onsuccess = spin;
          };
          spin();
          resolve();
        };
      }),
  );
}

test('a target set and a new name given moments before a reload are kept', async ({ page }) => {
  const console = watchConsole(page);
  await createAssessment(page, 'Before the rename', SAMPLE);
  const answering = page.url();
  const name = page.getByLabel('Name of the assessment');

  // Leaving the field saves the name; the reload comes before the stored record is written.
  await page.getByText('Name, organisation, date and who prepared it').click();
  await name.fill('Renamed before a reload');
  await holdAssessments(page);
  await name.press('Tab');
  await page.reload();
  await page.getByText('Name, organisation, date and who prepared it').click();
  await expect(name).toHaveValue('Renamed before a reload');

  await page.goto(answering.replace(/\/answer.*$/, '/weights'));
  const target = page.getByLabel('Target of Gender balance');
  await expect(target).toHaveValue('60');
  await holdAssessments(page);
  await target.fill('10');
  await page.reload();
  await expect(target).toHaveValue('10');

  // Both are in the stored record, not only written ahead: a fresh load shows them again.
  await page.reload();
  await expect(target).toHaveValue('10');
  await page.goto(answering);
  await expect(page.getByText('Renamed before a reload', { exact: true })).toBeVisible();
  expect(console.errors).toEqual([]);
});
