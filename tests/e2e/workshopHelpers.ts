import { expect, type Page } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { question, SAMPLE } from './helpers.ts';

/** The facilitator sets up a workshop on the sample questionnaire and lands on its page. */
export async function setUpWorkshop(
  page: Page,
  name: string,
  { seal = true, anonymous = true } = {},
): Promise<string> {
  await page.goto('./#/workshops/new');
  await page.getByLabel('Name of the workshop').fill(name);
  await page.getByRole('radio', { name: SAMPLE }).check();
  await page.getByRole('checkbox', { name: /Anonymous participants/ }).setChecked(anonymous);
  await page.getByRole('checkbox', { name: /Seal the answers/ }).setChecked(seal);
  await page.getByRole('button', { name: 'Set up the workshop' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  return (await page.getByTestId('join-code').textContent())!.trim();
}

/** The workshop's link, as its QR code holds it, from the facilitator's workshop page. */
export async function workshopLink(page: Page): Promise<string> {
  return page.getByTestId('join-link').getByRole('textbox').inputValue();
}

/** A participant joins with the typed code and picks a group; lands on the answering screen. */
export async function joinWithCode(page: Page, code: string, group: string, name?: string): Promise<void> {
  await page.getByLabel('Workshop code').fill(code);
  await page.getByRole('button', { name: 'Use this code' }).click();
  await chooseGroup(page, group, name);
}

/** A participant opens the workshop's link (as a phone's camera app does from the QR code) and picks a group. */
export async function joinWithLink(page: Page, link: string, group: string, name?: string): Promise<void> {
  await page.goto(link);
  await chooseGroup(page, group, name);
}

async function chooseGroup(page: Page, group: string, name?: string): Promise<void> {
  await page.getByRole('radio', { name: group }).check();
  if (name) await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join and start answering' }).click();
  await expect(page).toHaveURL(/#\/assessments\/[0-9a-f-]+\/answer/);
}

/**
 * On the hand-back screen of a sealed workshop joined with the typed code: the participant
 * pastes the workshop's link, which brings the key.
 */
export async function pasteWorkshopLink(page: Page, link: string): Promise<void> {
  await expect(page.getByTestId('key-prompt')).toBeVisible();
  await page.getByLabel('Workshop link').fill(link);
  await page.getByRole('button', { name: 'Use this link' }).click();
  await expect(
    page.getByText('The key is here: your answers will be sealed for the facilitator.'),
  ).toBeVisible();
}

/** Answers the two strategy questions of the sample questionnaire. */
export async function answerStrategy(
  page: Page,
  exists: 'Yes' | 'Partly' | 'No',
  level?: number,
): Promise<void> {
  await question(page, /adopted a national cybersecurity strategy/)
    .getByRole('radio', { name: exists })
    .check();
  if (level !== undefined)
    await question(page, /monitored and reviewed/)
      .getByRole('radio', { name: new RegExp(`^Level ${level}`) })
      .check();
  await expect(
    page.getByRole('status').filter({ hasText: 'All answers saved on this device' }),
  ).toBeVisible();
}

/** From the answering screen, the participant's way out. */
export async function openHandBack(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Finish and hand back' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hand back your answers' })).toBeVisible();
}

/** Hands the answers back as a file; returns the downloaded file's path. */
export async function handBackFile(page: Page): Promise<string> {
  await openHandBack(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save the answers file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^answers-.*\.json$/);
  // Kept under the name the participant's browser gives it, as a USB stick would carry it.
  const path = join(await mkdtemp(join(tmpdir(), 'baseline-')), file.suggestedFilename());
  await file.saveAs(path);
  return path;
}
