import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { charactersLost, launchKillable, typeThenKill } from '../../scripts/bench/lib/crash.ts';
import { createAssessment, expectSaved, question, SAMPLE, watchConsole } from './helpers.ts';

/**
 * The browser dies (SIGKILL to all its processes) right after the last key: Chromium with a
 * profile folder of its own, started again on the same folder. What was typed must be there,
 * up to at most the last second of typing, with no conflict that is not real.
 */
const STRATEGY = /adopted a national cybersecurity strategy/;
const TEXT =
  'The national strategy was adopted by decree in March; its action plan names the agency, the budget and the review. '.repeat(
    3,
  );

const comment = (page: Page) => question(page, STRATEGY).getByLabel('Comment', { exact: true });

/** The comment field, its section opened (it opens by itself when the answer has a comment). */
async function commentField(page: Page) {
  await expect(question(page, STRATEGY)).toBeVisible();
  if (!(await comment(page).isVisible()))
    await question(page, STRATEGY).getByText('Comment · Evidence').click();
  await expect(comment(page)).toBeVisible();
  return comment(page);
}

test('typing survives a crash of the browser, and the relaunch shows no false conflict', async ({
  baseURL,
}) => {
  test.setTimeout(120_000);
  const profile = mkdtempSync(join(tmpdir(), 'baseline-crash-'));
  try {
    let browser = await launchKillable(profile);
    const page = await browser.context.newPage();
    const before = watchConsole(page);
    await page.goto(`${baseURL}/`);
    await createAssessment(page, 'Crash while typing', SAMPLE);
    const url = page.url();
    await question(page, STRATEGY).getByRole('radio', { name: 'Yes' }).check();
    const { typedAt, killedAt } = await typeThenKill(browser, page, await commentField(page), TEXT);
    expect(before.errors).toEqual([]);

    browser = await launchKillable(profile);
    const after = await browser.context.newPage();
    const console = watchConsole(after);
    await after.goto(url);
    const survived = await (await commentField(after)).inputValue();
    // Nothing but the end of what was typed may be missing, and no more than its last second.
    expect(TEXT.startsWith(survived)).toBe(true);
    const lastSecond = typedAt.filter((at) => killedAt - at <= 1000).length;
    expect(charactersLost(TEXT, survived)).toBeLessThanOrEqual(lastSecond);
    await expect(question(after, STRATEGY).getByRole('radio', { name: 'Yes' })).toBeChecked();
    await expectSaved(after);
    await expect(after.getByTestId('conflict')).toHaveCount(0);

    // Typing on after the relaunch, then a reload: still one answer, no conflict with the journal.
    await comment(after).press('End');
    await comment(after).pressSequentially(' Reviewed.');
    await expectSaved(after);
    await after.reload();
    await expect(await commentField(after)).toHaveValue(`${survived} Reviewed.`);
    await expect(after.getByTestId('conflict')).toHaveCount(0);
    expect(console.errors).toEqual([]);
    await browser.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
