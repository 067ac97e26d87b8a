import { expect, test, type Page } from '@playwright/test';
import {
  axeViolations as violations,
  createAssessment,
  expectSaved,
  openScreen,
  pillarNav,
  question,
  SAMPLE,
  watchConsole,
} from './helpers.ts';
import { answerStrategy, handBackFile, joinWithCode, setUpWorkshop } from './workshopHelpers.ts';

interface Screen {
  name: string;
  url: string;
  /** Gets the screen into the state to check, once its heading is there. */
  prepare?: (page: Page) => Promise<void>;
}

/** Each screen by its address, as a reader moving through the app gets it (no reload between). */
async function open(page: Page, screen: Screen): Promise<void> {
  await openScreen(page, screen.url);
  await screen.prepare?.(page);
}

/** Opens every closed disclosure, so what it holds is checked too. */
async function openDetails(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
}

/**
 * Builds one of everything through the interface: an answered assessment, a second one to
 * compare, a workshop whose answers came back and were merged, and the participant's side.
 */
async function buildEverything(page: Page, check: (screen: string) => Promise<void>): Promise<Screen[]> {
  await createAssessment(page, 'National CIRT, 2026', SAMPLE);
  const assessment = page.url().replace(/\/answer.*$/, '');
  await question(page, /adopted a national cybersecurity strategy/)
    .getByRole('radio', { name: 'Partly' })
    .check();
  await pillarNav(page, 'Incident response').click();
  await question(page, /national CIRT with a formal mandate/)
    .getByRole('radio', { name: 'No' })
    .check();
  await expectSaved(page);
  await createAssessment(page, 'Follow-up 2027', SAMPLE);
  await question(page, /adopted a national cybersecurity strategy/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  await expectSaved(page);

  const code = await setUpWorkshop(page, 'National consultation', { seal: false });
  const workshop = page.url();
  // Choosing a group is a screen only until this device has joined: checked now, in both languages.
  await page.goto(`./#/join/${code.replace(/-/g, '')}`);
  await expect(page.getByRole('radio', { name: 'Academia' })).toBeVisible();
  await check('join: choose a group (en)');
  await page.locator('#language-select').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await check('join: choose a group (ar)');
  await page.locator('#language-select').selectOption('en');
  await page.getByRole('button', { name: 'Join another workshop' }).click();
  await joinWithCode(page, code, 'Academia');
  const participant = page.url().replace(/\/answer.*$/, '');
  await answerStrategy(page, 'Yes', 3);
  const file = await handBackFile(page);
  await page.goto(workshop);
  await page.getByLabel('Answer files').setInputFiles(file);
  await expect(page.getByTestId('participants').getByRole('row')).toHaveCount(2);

  return [
    { name: 'home', url: './#/' },
    { name: 'answering', url: `${assessment}/answer`, prepare: openDetails },
    { name: 'answering, second pillar', url: `${assessment}/answer/cirt` },
    { name: 'results', url: `${assessment}/results`, prepare: openDetails },
    {
      name: 'results, compared with another profile',
      url: `${assessment}/results`,
      prepare: async (p) => {
        await p.locator('#compare-with').selectOption({ index: 1 });
        await expect(p.getByTestId('sensitivity-table')).toBeVisible();
      },
    },
    { name: 'weights and targets', url: `${assessment}/weights`, prepare: openDetails },
    { name: 'report', url: `${assessment}/report` },
    { name: 'export', url: `${assessment}/export` },
    { name: 'backup', url: './#/backup' },
    { name: 'import', url: './#/import' },
    { name: 'workshops', url: './#/workshops' },
    { name: 'workshop set-up', url: './#/workshops/new' },
    { name: 'workshop: invite and collect', url: workshop },
    { name: 'workshop: discuss', url: `${workshop}/discuss` },
    {
      name: 'workshop: projector',
      url: `${workshop}/discuss`,
      prepare: async (p) => {
        await p.locator('.steps button').click();
        await expect(p.getByRole('dialog')).toBeVisible();
      },
    },
    { name: 'workshop: consensus', url: `${workshop}/consensus` },
    { name: 'join', url: './#/join' },
    { name: 'join: already joined', url: `./#/join/${code.replace(/-/g, '')}` },
    { name: 'hand back', url: `${participant}/hand-back` },
    {
      name: 'hand back: QR codes',
      url: `${participant}/hand-back`,
      prepare: async (p) => {
        await p.locator('#qr-heading ~ button').click();
        await expect(p.getByTestId('qr-count')).toBeVisible();
      },
    },
    {
      name: 'compare',
      url: './#/compare',
      prepare: async (p) => {
        const boxes = p.locator('.picker input[type=checkbox]');
        await boxes.nth(0).check();
        await boxes.nth(1).check();
        await expect(p.getByTestId('compare-pillars')).toBeVisible();
      },
    },
    { name: 'page not found', url: './#/no-such-page' },
  ];
}

// The two languages run side by side, each on its own browser profile with its own data.
test.describe.configure({ mode: 'parallel' });
// Some twenty screens built and read by axe: minutes on a machine busy with other work.
test.setTimeout(10 * 60_000);

for (const locale of ['en', 'ar'] as const) {
  test(`every main screen passes axe-core’s WCAG 2.1 AA checks (${locale})`, async ({ page }) => {
    const console = watchConsole(page);
    await page.goto('./');
    // A first start: the language choice is on the screen, and is checked with it.
    await expect(page.getByRole('region', { name: 'Choose the language of Baseline' })).toBeVisible();
    const found = locale === 'en' ? await violations(page, 'home, first start') : [];

    const screens = await buildEverything(page, async (screen) => {
      if (screen.endsWith(`(${locale})`)) found.push(...(await violations(page, screen)));
    });
    await page.evaluate((value) => localStorage.setItem('baseline.locale', value), locale);
    await page.reload();
    // Started again, on the screen it was on, before the walk changes the address: a change made
    // while the app is still starting is not followed.
    await expect(page.locator('main[data-route] h1')).toBeVisible();
    for (const screen of screens) {
      await open(page, screen);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      found.push(...(await violations(page, `${screen.name} (${locale})`)));
    }
    expect(found).toEqual([]);
    expect(console.errors).toEqual([]);
  });
}
