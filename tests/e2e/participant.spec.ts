import { expect, test, type Browser } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { sampleQuestion, samplePillar, startOf } from './contentText.ts';
import { question, watchConsole } from './helpers.ts';
import { browserFor, LOCALES, say, VIEWPORTS } from './interfaceText.ts';
import { setUpWorkshop, workshopLink } from './workshopHelpers.ts';

/** The facilitator, on a laptop in English, with a clipboard to copy the link to. */
async function facilitator(browser: Browser) {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: 'en-GB',
    viewport: { width: 1366, height: 900 },
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  return { page, console: watchConsole(page), close: () => context.close() };
}

// Two people's browsers in one test: allow for a machine busy with other work.
test.slow();

for (const locale of LOCALES)
  for (const viewport of VIEWPORTS)
    test.describe(`the participant (${locale}, ${viewport.width} px)`, () => {
      test.use({ ...browserFor(locale, viewport), acceptDownloads: true });

      test('a short code to type, errors beside it, the questions first, and a hand-back that warns and seals', async ({
        page,
        browser,
      }) => {
        const host = await facilitator(browser);
        const code = await setUpWorkshop(host.page, 'Dakar national consultation');
        const link = await workshopLink(host.page);
        // Sealed, yet short enough to type: 24 characters in groups of four.
        expect(code).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
        expect(link).toMatch(/#\/join\/[0-9A-Z]{70,}$/);
        await host.page.getByRole('button', { name: 'Copy link' }).click();
        await expect(host.page.getByText('Link copied.')).toBeVisible();
        expect(await host.page.evaluate(() => navigator.clipboard.readText())).toBe(link);

        const console = watchConsole(page);
        await page.goto('./#/join');
        const field = page.getByLabel(say(locale, 'join.code'));
        const typo = `${code.slice(0, 10)}${code[10] === 'X' ? 'Y' : 'X'}${code.slice(11)}`;
        await field.fill(typo);
        await page.getByRole('button', { name: say(locale, 'join.useCode') }).click();
        // The mistake is said beside the field, in view, and the focus is back in the field.
        const error = page.getByTestId('join-error');
        await expect(error).toHaveText(say(locale, 'join.errors.mistyped'));
        await expect(error).toBeInViewport();
        await expect(field).toBeFocused();
        await expect(field).toHaveAttribute('aria-invalid', 'true');
        await expect(field).toHaveAttribute('aria-describedby', /join-code-error/);

        await field.fill(code.toLowerCase());
        await page.getByRole('button', { name: say(locale, 'join.useCode') }).click();
        await expect(page.getByTestId('key-pending')).toHaveText(say(locale, 'join.keyPending'));
        await page.getByRole('radio', { name: say(locale, 'workshop.groups.academia') }).check();
        await page.getByRole('button', { name: say(locale, 'join.start') }).click();

        // The question comes first, in view, with the focus on it.
        const strategy = question(page, sampleQuestion(locale, 'strategy.exists'));
        await expect(strategy.getByRole('heading', { level: 2 })).toBeFocused();
        await expect(strategy.getByRole('heading', { level: 2 })).toBeInViewport();
        // No official-only controls; the way out always at hand.
        await expect(page.getByRole('link', { name: say(locale, 'answer.seeResults') })).toHaveCount(0);
        await expect(page.getByText(say(locale, 'details.title'))).toHaveCount(0);
        await expect(
          page.getByRole('link', { name: say(locale, 'transfer.export.open'), exact: true }),
        ).toHaveCount(0);
        const finish = page.getByRole('link', { name: say(locale, 'answer.finish') });
        await expect(finish).toBeInViewport();
        // On a phone the pillars fold into one line.
        const pillars = page.getByRole('navigation', { name: say(locale, 'answer.pillars') });
        const skills = pillars.getByRole('link', { name: startOf(samplePillar(locale, 'skills')) });
        if (viewport.width < 400) {
          await expect(
            pillars.getByText(say(locale, 'answer.pillarOf', { number: 1, count: 6 })),
          ).toBeVisible();
          await expect(skills).toBeHidden();
          await pillars.getByText(say(locale, 'answer.pillarOf', { number: 1, count: 6 })).click();
        }
        await expect(skills).toBeVisible();

        await strategy.getByRole('radio', { name: say(locale, 'question.yes'), exact: true }).check();
        await expect(page.getByRole('status').filter({ hasText: say(locale, 'answer.saved') })).toBeVisible();
        await finish.click();
        await expect(
          page.getByRole('heading', { level: 1, name: say(locale, 'handBack.title') }),
        ).toBeVisible();
        // Unanswered questions are said before anything is handed back ("yes" opened a follow-up: 9 shown).
        await expect(page.getByTestId('unanswered-warning')).toContainText(
          say(locale, 'handBack.unanswered', { count: 8, shown: 9 }),
        );
        // The typed code left the sealing key out: nothing can leave the device before the link brings it.
        await expect(page.getByRole('button', { name: say(locale, 'handBack.saveFile') })).toHaveCount(0);
        await page.getByLabel(say(locale, 'handBack.key.link')).fill(code);
        await page.getByRole('button', { name: say(locale, 'handBack.key.use') }).click();
        await expect(page.getByText(say(locale, 'handBack.key.noKey'))).toBeVisible();
        await expect(page.getByLabel(say(locale, 'handBack.key.link'))).toBeFocused();
        await page.getByLabel(say(locale, 'handBack.key.link')).fill(link);
        await page.getByRole('button', { name: say(locale, 'handBack.key.use') }).click();
        await expect(page.getByText(say(locale, 'handBack.key.added'))).toBeVisible();
        // The link brought the workshop's name too.
        await expect(page.getByText('Dakar national consultation', { exact: true })).toBeVisible();

        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: say(locale, 'handBack.saveFile') }).click();
        const path = await (await download).path();
        const handed = JSON.parse(await readFile(path, 'utf8')) as { content: { kind: string } };
        expect(handed.content.kind).toBe('sealed');

        await host.page.getByLabel('Answer files').setInputFiles(path);
        await expect(
          host.page
            .getByTestId('import-reports')
            .getByText(/^Added the answers of participant [0-9a-f]{8} \(Academia\)/),
        ).toBeVisible();
        expect(console.errors).toEqual([]);
        expect(host.console.errors).toEqual([]);
        await host.close();
      });
    });
