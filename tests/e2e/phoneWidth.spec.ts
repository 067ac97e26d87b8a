import { expect, test, type Page } from '@playwright/test';
import { createAssessment, openScreen, watchConsole } from './helpers.ts';
import {
  answerStrategy,
  handBackFile,
  joinWithLink,
  setUpWorkshop,
  workshopLink,
} from './workshopHelpers.ts';

/**
 * On a phone (360 px) no screen scrolls sideways as a whole, in any of the six languages: what
 * is wider than the phone (a table of figures) scrolls in its own region. Texts differ in length
 * from language to language; the Spanish band table once pushed the page 32 px wide. The
 * assessment is on the full Resolution 130 questionnaire, whose pillar names are the longest.
 */
const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
const SCREENS = ['answer', 'results', 'weights', 'report', 'export'] as const;
/** The screens outside one assessment. */
const OTHERS = [
  '',
  'questionnaires',
  'compare',
  'workshops',
  'workshops/new',
  'join',
  'import',
  'link',
  // The Server screen adds these two (a linked device's screens), so they come after it.
  'statistics',
  'contributions',
  'questionnaires/resolution-130/variant',
] as const;

/** What sticks out past the page's width, outside any region that scrolls sideways. */
function sticksOut(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const inScrollRegion = (element: Element) => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement)
        if (['auto', 'scroll'].includes(getComputedStyle(parent).overflowX)) return true;
      return false;
    };
    return Array.from(document.querySelectorAll('body *'))
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && (box.right > width + 1 || box.left < -1) && !inScrollRegion(element);
      })
      .slice(0, 3)
      .map(
        (element) =>
          `<${element.tagName.toLowerCase()} class="${element.className}"> ${element.textContent?.trim().slice(0, 40)}`,
      );
  });
}

/**
 * Checkboxes and radio buttons whose label's text starts on a line below the box, rather than
 * beside it (the report's "Appendix: method, weights and sources" once fell under its box).
 */
function boxesAboveTheirText(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('label')).flatMap((label) => {
      const box = label.querySelector('input[type=checkbox], input[type=radio]')?.getBoundingClientRect();
      if (!box || box.width === 0) return [];
      const texts = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
      let text = texts.nextNode();
      while (text && !text.textContent?.trim()) text = texts.nextNode();
      if (!text) return [];
      const range = document.createRange();
      range.selectNodeContents(text);
      const line = range.getClientRects()[0];
      return line && line.top >= box.bottom ? [label.textContent?.trim().slice(0, 40)] : [];
    }),
  );
}

/**
 * Fields a finger cannot hit comfortably: a box to type or pick in that is less than 44 px high
 * (the header's language list is kept compact on purpose, and is not in `main`; a link shown to
 * copy is read, not typed in).
 */
function smallFields(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('main :is(input, select, textarea)')).flatMap((field) => {
      if (field.matches('[readonly], [type=checkbox], [type=radio], [type=file], [type=hidden]')) return [];
      const box = field.getBoundingClientRect();
      return box.height > 0 && box.height < 43.5
        ? [`${field.id || field.getAttribute('name')}: ${box.height} px`]
        : [];
    }),
  );
}

/** Everything folded away is opened, so that what is inside is checked as well. */
const unfold = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));

/** Opens a screen that must exist, once it has loaded what it shows. */
async function openExisting(page: Page, address: string): Promise<void> {
  await openScreen(page, address);
  await expect(page.getByTestId('not-found'), address).toHaveCount(0);
  await page.waitForLoadState('networkidle');
}

/** What a screen must not have at phone width. */
async function expectFitsPhone(page: Page, screen: string): Promise<void> {
  await unfold(page);
  expect(await sticksOut(page), screen).toEqual([]);
  expect(await boxesAboveTheirText(page), screen).toEqual([]);
  expect(await smallFields(page), screen).toEqual([]);
}

test.use({ viewport: { width: 360, height: 740 } });
test.slow();

for (const language of LANGUAGES)
  test(`every screen fits a 360 px phone (${language})`, async ({ page }) => {
    const console = watchConsole(page);
    await createAssessment(page, 'Phone', /^Resolution 130: national/);
    const assessment = page.url().replace(/answer.*$/, '');
    await page.locator('#language-select').selectOption(language);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    // A few answers, so that scores, bands and gaps are drawn.
    for (const choice of await page.getByRole('radio').all()) {
      if (!(await choice.isChecked())) await choice.check();
      if ((await page.getByRole('radio', { checked: true }).count()) >= 4) break;
    }
    for (const screen of SCREENS) {
      await openExisting(page, `${assessment}${screen}`);
      await expectFitsPhone(page, `${screen} in ${language}`);
    }
    for (const screen of OTHERS) {
      await openExisting(page, `./#/${screen}`);
      await expectFitsPhone(page, `/${screen} in ${language}`);
    }
    expect(console.errors).toEqual([]);
  });

test('a workshop fits a 360 px phone, for the participants and the facilitator (Arabic)', async ({
  page,
}) => {
  const console = watchConsole(page);
  await setUpWorkshop(page, 'Phone workshop', { seal: false });
  const workshop = page.url();
  const link = await workshopLink(page);
  const files: string[] = [];
  for (const [group, exists] of [
    ['Government', 'Yes'],
    ['Academia', 'No'],
  ] as const) {
    const context = await page
      .context()
      .browser()!
      .newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 360, height: 740 } });
    const participant = await context.newPage();
    await joinWithLink(participant, link, group);
    await answerStrategy(participant, exists);
    await participant.locator('#language-select').selectOption('ar');
    await expectFitsPhone(participant, `the participant's answers`);
    await participant.locator('#language-select').selectOption('en');
    files.push(await handBackFile(participant));
    await participant.locator('#language-select').selectOption('ar');
    await expectFitsPhone(participant, 'handing back');
    await context.close();
  }
  await page.getByLabel('Answer files').setInputFiles(files);
  await expect(page.getByTestId('participants').getByRole('row')).toHaveCount(3);
  await page.locator('#language-select').selectOption('ar');
  await expectFitsPhone(page, 'the workshop');
  for (const screen of ['discuss', 'consensus']) {
    await page.goto(`${workshop}/${screen}`);
    await expect(
      page.getByTestId(screen === 'discuss' ? 'discuss-questions' : 'consensus-progress'),
    ).toBeVisible();
    await expectFitsPhone(page, screen);
  }
  expect(console.errors).toEqual([]);
});
