import { expect, test, type Locator, type Page } from '@playwright/test';
import { question, SAMPLE, watchConsole } from './helpers.ts';

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would, and checks
 * that the focus can be seen there: an outline on the control, or on the choice that wraps it.
 */
async function tabTo(page: Page, target: Locator, backwards = false): Promise<void> {
  await expect(target).toHaveCount(1);
  for (let presses = 0; presses < 120; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) {
      const ring = await target.evaluate((element) => {
        const shown = element.closest('.choice, label') ?? element;
        const outline = (node: Element) => getComputedStyle(node).outlineStyle;
        return element.matches(':focus-visible') ? [outline(element), outline(shown)] : ['not focus-visible'];
      });
      expect(
        ring.some((style) => style !== 'none' && style !== 'not focus-visible'),
        'visible focus',
      ).toBe(true);
      return;
    }
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Arrow keys through a radio group until the wanted choice is the checked one. */
async function arrowTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 10 && !(await target.isChecked()); presses++)
    await page.keyboard.press('ArrowDown');
  await expect(target).toBeChecked();
  await expect(target).toBeFocused();
}

// Some hundred key presses, each waited for: more than the default minute on a busy machine.
test.setTimeout(4 * 60_000);

test('keyboard only: choose the language, create an assessment, answer several kinds of question, reach the results', async ({
  page,
}) => {
  const console = watchConsole(page);
  await page.goto('./');

  // First start: the language, confirmed from the keyboard.
  const choice = page.getByRole('region', { name: 'Choose the language of Baseline' });
  await tabTo(page, choice.getByRole('button', { name: 'English' }));
  await page.keyboard.press('Enter');
  await expect(choice).toHaveCount(0);

  // A new assessment on the sample questionnaire.
  await tabTo(page, page.getByLabel('Name of the assessment'));
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Keyboard walk, 2026');
  await tabTo(page, page.locator('input[name=questionnaire]:checked'));
  await arrowTo(page, page.getByRole('radio', { name: SAMPLE }));
  await tabTo(page, page.getByRole('button', { name: 'Create and start answering' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/assessments\/[0-9a-f-]+\/answer/);

  // Radio buttons: Space checks the first, the arrows move along the group.
  const strategy = question(page, /adopted a national cybersecurity strategy/);
  await tabTo(page, strategy.getByRole('radio', { name: 'Yes' }));
  await page.keyboard.press('Space');
  await arrowTo(page, strategy.getByRole('radio', { name: 'Partly' }));
  const review = question(page, /monitored and reviewed/);
  await tabTo(page, review.getByRole('radio', { name: /^Level 0/ }));
  await page.keyboard.press('Space');
  await arrowTo(page, review.getByRole('radio', { name: /^Level 2/ }));
  await expect(
    page.getByRole('status').filter({ hasText: 'All answers saved on this device' }),
  ).toBeVisible();

  // Check boxes, on the next pillar.
  await tabTo(page, page.getByRole('link', { name: /^Next:/ }));
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Incident response (national CIRT)' }),
  ).toBeFocused();
  await tabTo(
    page,
    question(page, /national CIRT with a formal mandate/).getByRole('radio', { name: 'Yes' }),
  );
  await page.keyboard.press('Space');
  const services = question(page, /Which services/);
  await tabTo(page, services.getByRole('checkbox', { name: 'Incident handling' }));
  await page.keyboard.press('Space');
  await tabTo(page, services.getByRole('checkbox', { name: 'Public advisories' }));
  await page.keyboard.press('Space');
  await expect(services.getByRole('checkbox', { name: 'Incident handling' })).toBeChecked();
  await expect(services.getByRole('checkbox', { name: 'Public advisories' })).toBeChecked();

  // A figure, typed.
  await tabTo(page, page.getByRole('link', { name: /^Next:/ }));
  await page.keyboard.press('Enter');
  await tabTo(page, question(page, /certified cybersecurity professionals/).getByRole('textbox'));
  await page.keyboard.type('85');

  // Not applicable, a button.
  await tabTo(page, page.getByRole('link', { name: /^Next:/ }));
  await page.keyboard.press('Enter');
  const share = question(page, /share of the national cybersecurity workforce/);
  await tabTo(page, share.getByRole('button', { name: 'Not applicable' }));
  await page.keyboard.press('Enter');
  await expect(share.getByRole('button', { name: 'Not applicable' })).toHaveAttribute('aria-pressed', 'true');

  // Free text, two pillars on.
  await tabTo(page, page.getByRole('link', { name: /^Next:/ }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: /^Next:/ }));
  await page.keyboard.press('Enter');
  await tabTo(page, question(page, /What did the most recent campaign teach/).getByRole('textbox'));
  await page.keyboard.type('Radio in local languages reached more people than leaflets.');
  await expect(
    page.getByRole('status').filter({ hasText: 'All answers saved on this device' }),
  ).toBeVisible();

  // The results.
  await tabTo(page, page.getByRole('link', { name: 'See results' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeFocused();
  await expect(page.getByTestId('overall-score')).toBeVisible();
  expect(console.errors).toEqual([]);
});
