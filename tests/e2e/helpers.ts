import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The WCAG 2.1 A and AA rules axe-core checks automatically. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Every rule axe finds broken on the page as it is now, as lines a person can read. */
export async function axeViolations(page: Page, screen: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${screen}: ${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${node.failureSummary}`,
    ),
  );
}

/** Fails the test on any console error or uncaught exception on the page. */
export function watchConsole(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { errors };
}

/** Creates an assessment from the named built-in questionnaire and waits for the first pillar. */
export async function createAssessment(page: Page, name: string, questionnaireTitle: RegExp): Promise<void> {
  // Stay on the origin the test is using (the offline test runs its own server).
  if (page.url().startsWith('http'))
    await page.getByRole('link', { name: 'Assessments', exact: true }).click();
  else await page.goto('./');
  await page.getByLabel('Name of the assessment').fill(name);
  await page.getByRole('radio', { name: questionnaireTitle }).check();
  await page.getByRole('button', { name: 'Create and start answering' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/#\/assessments\/[0-9a-f-]+\/answer/);
}

export const SAMPLE = /^Sample: a ten-minute tour/;

/** The card of one question, found by its text. */
export function question(page: Page, text: string | RegExp) {
  return page.getByRole('article', { name: text });
}

/** Waits until every change is written to IndexedDB. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(
    page.getByRole('status').filter({ hasText: 'All answers saved on this device' }),
  ).toBeVisible();
}

/** A pillar's link in the answering screen's pillar navigation. */
export function pillarNav(page: Page, title: string) {
  return page
    .getByRole('navigation', { name: 'Pillars' })
    .getByRole('link', { name: new RegExp(`^${title}`) });
}

/**
 * Goes to a screen and waits for its heading, under the route of that address (`data-route` on
 * `main`). A new address that differs only after the `#` is reached before the screen has
 * changed, so the heading of the screen just left would otherwise pass for it, and what follows
 * would look at that screen again.
 */
export async function openScreen(page: Page, address: string): Promise<void> {
  await page.goto(address);
  const route = new URL(address, page.url()).hash.slice(1) || '/';
  await expect(page.locator(`main[data-route="${route}"] h1`)).toBeVisible();
}
