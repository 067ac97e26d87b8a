import { expect, test } from '@playwright/test';
import { openScreen, watchConsole } from './helpers.ts';

test('an address that is no screen here says so; one of a linked device’s screens says why it is not here', async ({
  page,
}) => {
  const console = watchConsole(page);
  await openScreen(page, './#/nowhere/at-all');
  await expect(page.getByTestId('not-found')).toHaveText('Page not found');
  await expect(page.getByText('There is nothing at this address.')).toBeVisible();
  await expect(page.getByTestId('linked-only')).toHaveCount(0);

  // No server of record served this page: nothing here can link the device, so no way is offered.
  await openScreen(page, './#/assessments/8f14e45f-ceea-467a-9575-7c1f6e0f1b2a/contributions');
  await expect(page.getByTestId('linked-only')).toContainText(
    'devices linked to an organisation’s server of record',
  );
  await expect(page.getByRole('link', { name: 'Link this device' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Back to the assessments' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(console.errors).toEqual([]);
});

test('an address changed while the first screen’s code is still arriving is the screen that shows', async ({
  page,
}) => {
  const console = watchConsole(page);
  // The comparison screen's code arrives late, so the change lands during the first navigation.
  let arrived: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (arrived = resolve));
  await page.route(/\/assets\/CompareView-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./#/compare');
  await page.waitForFunction(() => document.querySelector('#app')?.children.length);
  await page.evaluate(() => (location.hash = '#/questionnaires'));
  arrived();
  await expect(page.locator('main[data-route="/questionnaires"] h1')).toHaveText('Questionnaires');
  await expect(page).toHaveURL(/#\/questionnaires$/);
  expect(console.errors).toEqual([]);
});
