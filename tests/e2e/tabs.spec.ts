import { expect, test } from '@playwright/test';
import { createAssessment, expectSaved, question, SAMPLE, watchConsole } from './helpers.ts';

/**
 * Two tabs on one assessment share one database. A change saved in one shows in the other;
 * the same answer changed in both before either saw the other's change is held for a choice.
 * The page clock is paused at one point so that a typed figure is still waiting for its typing
 * pause when the other tab saves: that is the race, made certain.
 */
test('two tabs: changes travel between them, and a real conflict is offered, not lost', async ({
  context,
}) => {
  await context.clock.install();
  const first = await context.newPage();
  const firstConsole = watchConsole(first);
  await createAssessment(first, 'Two tabs', SAMPLE);
  const second = await context.newPage();
  const secondConsole = watchConsole(second);
  await second.goto(first.url());

  // A choice saved in the first tab appears in the second without a reload.
  await question(first, /adopted a national cybersecurity strategy/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  await expectSaved(first);
  await expect(
    question(second, /adopted a national cybersecurity strategy/).getByRole('radio', { name: 'Yes' }),
  ).toBeChecked();

  // The same figure, changed in both tabs at once.
  const skills = (page: typeof first) => page.goto(first.url().replace(/answer.*$/, 'answer/skills'));
  await skills(first);
  await skills(second);
  const certified = /certified cybersecurity professionals/;
  await expect(question(second, certified)).toBeVisible();
  const now = await first.evaluate(() => Date.now());
  await context.clock.pauseAt(now + 1000);
  await question(second, certified).getByRole('textbox').fill('80');
  await question(first, certified).getByRole('button', { name: 'Don’t know' }).click();
  await expectSaved(first);
  await context.clock.resume();

  const conflict = second.getByTestId('conflict');
  await expect(conflict).toBeVisible();
  await expect(second.getByRole('status').filter({ hasText: 'waits for your choice' })).toBeVisible();
  await expect(conflict.getByTestId('conflict-mine')).toHaveText('80 per million');
  await expect(conflict.getByTestId('conflict-theirs')).toHaveText('Don’t know');
  // Nothing was overwritten: the first tab's answer is what is stored until a choice is made.
  await expect(question(first, certified).getByRole('button', { name: 'Don’t know' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await conflict.getByRole('button', { name: 'Keep this window’s version' }).click();
  await expect(conflict).toHaveCount(0);
  await expectSaved(second);
  await expect(question(first, certified).getByRole('textbox')).toHaveValue('80');
  await first.reload();
  await expect(question(first, certified).getByRole('textbox')).toHaveValue('80');

  expect(firstConsole.errors).toEqual([]);
  expect(secondConsole.errors).toEqual([]);
});
