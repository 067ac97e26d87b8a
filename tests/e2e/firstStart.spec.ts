import { expect, test } from '@playwright/test';
import { watchConsole } from './helpers.ts';
import { browserFor, LOCALES, say, VIEWPORTS } from './interfaceText.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

for (const locale of LOCALES)
  for (const viewport of VIEWPORTS)
    test.describe(`first start (${locale}, ${viewport.width} px)`, () => {
      test.use(browserFor(locale, viewport));

      test('a welcome says what Baseline does, how long and where the data stays; the language settles on the first step', async ({
        page,
      }) => {
        const console = watchConsole(page);
        await page.goto('./');
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');

        // The language guessed from the browser is offered in a thin strip, the guess pressed.
        const choice = page.getByRole('region', { name: say(locale, 'language.chooseTitle') });
        await expect(choice).toBeVisible();
        await expect(
          choice.getByRole('button', { name: locale === 'ar' ? 'العربية' : 'English' }),
        ).toHaveAttribute('aria-pressed', 'true');
        expect((await choice.boundingBox())!.height).toBeLessThan(viewport.width < 400 ? 120 : 90);

        // What it does, how long it takes, and that nothing leaves the device.
        const welcome = page.getByTestId('welcome');
        await expect(welcome.getByRole('heading', { name: say(locale, 'home.welcome.title') })).toBeVisible();
        await expect(welcome).toContainText(say(locale, 'home.welcome.time'));
        await expect(welcome).toContainText(say(locale, 'home.welcome.private'));
        // Each questionnaire says how long it takes: the sample ten minutes.
        const [before, after] = say(locale, 'home.questionnaireTime').split('{minutes}') as [string, string];
        await expect(page.getByText(new RegExp(`^${escape(before)}\\d+${escape(after)}$`))).toHaveCount(3);
        await expect(page.getByText(`${before}10${after}`, { exact: true })).toHaveCount(1);

        // The storage advice waits behind its disclosure instead of heading the screen.
        const storage = page.getByTestId('storage-status');
        await expect(storage).toBeHidden();
        await page.getByText(say(locale, 'storage.title'), { exact: true }).click();
        await expect(storage).toBeVisible();

        // Never printed.
        await page.emulateMedia({ media: 'print' });
        await expect(choice).toBeHidden();
        await page.emulateMedia({ media: 'screen' });

        // Any step forward keeps the language shown: the strip goes, and stays gone.
        await page.getByRole('link', { name: say(locale, 'workshop.home.join') }).click();
        await expect(page.getByRole('heading', { level: 1, name: say(locale, 'join.title') })).toBeVisible();
        await expect(choice).toHaveCount(0);
        await page.reload();
        await expect(page.getByRole('heading', { level: 1, name: say(locale, 'join.title') })).toBeVisible();
        await expect(choice).toHaveCount(0);
        expect(await page.evaluate(() => localStorage.getItem('baseline.locale'))).toBe(locale);
        expect(console.errors).toEqual([]);
      });
    });
