/**
 * Weights and targets never fight the person typing: what is typed stays in the box, is applied
 * once it is a valid number, and is marked invalid, not replaced, while it is not. The sequences
 * are those that went wrong: "1", Backspace, "3" gave 13; "-2" over "1" gave 12; a target
 * filled up to "7580".
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createAssessment, SAMPLE, watchConsole } from './helpers.ts';

async function selectAll(page: Page, field: Locator): Promise<void> {
  await field.click();
  await page.keyboard.press('ControlOrMeta+A');
}

const shareOf = (page: Page, pillar: string) =>
  page
    .getByTestId('pillar-weights')
    .getByRole('row', { name: new RegExp(`^${pillar}`) })
    .getByRole('cell')
    .nth(1);

test('weights and targets keep what is typed, apply it when it is a number, and say when it is not', async ({
  page,
}) => {
  const console = watchConsole(page);
  await createAssessment(page, 'Typing check', SAMPLE);
  await page.goto(page.url().replace(/\/answer.*$/, '/weights'));

  // Select "1", Backspace, "3": the weight is 3, not 13.
  const gender = page.getByLabel('Weight of Gender balance');
  await selectAll(page, gender);
  await page.keyboard.press('Backspace');
  await expect(gender).toHaveValue('');
  await expect(gender).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.type('3');
  await expect(gender).toHaveValue('3');
  await expect(gender).toHaveAttribute('aria-invalid', 'false');
  await expect(shareOf(page, 'Gender balance')).toHaveText('38%');

  // "-2" over "1": shown as typed and refused, the weight stays 1 (not 12).
  const skills = page.getByLabel('Weight of Skills and professional capacity');
  await selectAll(page, skills);
  await page.keyboard.type('-2');
  await expect(skills).toHaveValue('-2');
  await expect(skills).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Enter a number of 0 or more.')).toBeVisible();
  await expect(shareOf(page, 'Skills and professional capacity')).toHaveText('13%');
  await page.getByLabel('Weight of Incident response').click();
  await expect(skills).toHaveValue('-2');
  // Corrected, it applies.
  await selectAll(page, skills);
  await page.keyboard.type('2');
  await expect(shareOf(page, 'Skills and professional capacity')).toHaveText('22%');

  // Targets: "75", then "80" typed over it, gives 80, never "7580".
  const target = page.getByLabel('Target of Gender balance');
  await selectAll(page, target);
  await page.keyboard.type('75');
  await expect(target).toHaveValue('75');
  await selectAll(page, target);
  await page.keyboard.type('80');
  await expect(target).toHaveValue('80');
  // Above 100 is refused as typed.
  const cirt = page.getByLabel('Target of Incident response (national CIRT)');
  await selectAll(page, cirt);
  await page.keyboard.type('150');
  await expect(cirt).toHaveValue('150');
  await expect(page.getByText('Enter a number from 0 to 100.')).toBeVisible();
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('00');
  await expect(cirt).toHaveValue('100');
  await expect(page.getByText('Enter a number from 0 to 100.')).toHaveCount(0);

  await page.reload();
  await expect(page.getByLabel('Weight of Gender balance')).toHaveValue('3');
  await expect(page.getByLabel('Weight of Skills and professional capacity')).toHaveValue('2');
  await expect(page.getByLabel('Target of Gender balance')).toHaveValue('80');
  await expect(page.getByLabel('Target of Incident response (national CIRT)')).toHaveValue('100');
  expect(console.errors).toEqual([]);
});
