import { expect, test, type Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checksumOf } from '../../src/workshop/encoding.ts';
import { pillarNav, question, watchConsole } from './helpers.ts';
import {
  answerStrategy,
  handBackFile,
  joinWithCode,
  joinWithLink,
  openHandBack,
  pasteWorkshopLink,
  setUpWorkshop,
  workshopLink,
} from './workshopHelpers.ts';

/** Each person in the room has their own browser profile: a new context each. */
async function person(page: Page) {
  const context = await page
    .context()
    .browser()!
    .newContext({ baseURL: test.info().project.use.baseURL, acceptDownloads: true });
  const other = await context.newPage();
  return { page: other, console: watchConsole(other), close: () => context.close() };
}

// Several people's browsers in one test: allow for a machine busy with other work.
test.slow();

test('join, answer, hand back by file, import, merge, discuss and agree: the consensus is scored', async ({
  page,
}) => {
  const facilitatorConsole = watchConsole(page);
  const code = await setUpWorkshop(page, 'National consultation');
  const link = await workshopLink(page);

  // Ana opens the link (from the QR code): the workshop's name and key come with it.
  const ana = await person(page);
  await joinWithLink(ana.page, link, 'Government');
  await expect(ana.page.getByText('National consultation', { exact: true })).toBeVisible();
  // One explained question total, the same for the participant and the facilitator.
  const total = '8 questions, up to 10 depending on your answers';
  await expect(ana.page.getByTestId('question-count')).toContainText(total);
  await answerStrategy(ana.page, 'Yes', 4);
  const anaFile = await handBackFile(ana.page);

  // Boris types the short code, which leaves the key out: hand-back asks for the link first.
  const boris = await person(page);
  await boris.page.goto('./#/join');
  await joinWithCode(boris.page, code, 'Academia');
  await answerStrategy(boris.page, 'No');
  await boris.page.getByRole('link', { name: /^Next:/ }).click();
  await question(boris.page, /national CIRT with a formal mandate/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  await openHandBack(boris.page);
  await expect(boris.page.getByRole('button', { name: 'Save the answers file' })).toHaveCount(0);
  await pasteWorkshopLink(boris.page, link);
  await boris.page.getByRole('link', { name: 'Back to the answers' }).click();
  const borisFile = await handBackFile(boris.page);

  // The files are sealed: nothing of the answers can be read on the way.
  expect(await readFile(anaFile, 'utf8')).not.toContain('strategy.exists');
  expect(await readFile(borisFile, 'utf8')).not.toContain('strategy.exists');

  await page.getByLabel('Answer files').setInputFiles([anaFile, borisFile]);
  const reports = page.getByTestId('import-reports');
  await expect(
    reports.getByText(/^Added the answers of participant [0-9a-f]{8} \(Government\)/),
  ).toBeVisible();
  await expect(reports.getByText(/^Added the answers of participant [0-9a-f]{8} \(Academia\)/)).toBeVisible();
  await expect(page.getByTestId('participants').getByRole('row')).toHaveCount(3);
  await expect(page.getByTestId('question-count')).toContainText(total);
  // Ana answered both strategy questions of the 8 she was shown (9 once "yes" showed the review).
  await expect(page.getByTestId('participants').getByRole('row', { name: /Government/ })).toContainText(
    '2 / 9',
  );

  await page.getByRole('link', { name: 'Merge and discuss' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Merge and discuss' })).toBeVisible();
  const room = page.getByTestId('room');
  await expect(room.getByRole('row', { name: /^Everyone/ })).toContainText('2');
  // Most disputed first: yes against no on the strategy (and on the CIRT, answered by one only).
  const first = page.getByTestId('discuss-questions').getByRole('listitem').first();
  await expect(first.getByRole('heading', { level: 3 })).toHaveText(
    /adopted a national cybersecurity strategy/,
  );
  await expect(first.getByTestId('agreement').first()).toHaveText('0%');
  // One yes and one no: shown as the split it is, not as a median of "No".
  await expect(first.getByTestId('median').first()).toHaveText('split between No and Yes');

  await page.getByRole('button', { name: 'Projector mode' }).click();
  const projector = page.getByRole('dialog', { name: 'Projector mode' });
  await expect(projector.getByText(/^Question 1 of \d+/)).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(projector.getByText(/^Question 2 of \d+/)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(projector).toHaveCount(0);

  await page.getByRole('link', { name: 'Record the consensus' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Record the consensus' })).toBeVisible();
  const strategy = page.getByRole('article', { name: /adopted a national cybersecurity strategy/ });
  // Every participant's own answer stays beside the agreed one, which starts from the median.
  await expect(strategy.getByRole('row', { name: /Yes.*Government/ })).toBeVisible();
  await expect(strategy.getByRole('row', { name: /No.*Academia/ })).toBeVisible();
  await expect(strategy.getByRole('radio', { name: 'No' })).toBeChecked();
  // The room's figures above it say the room is split, as the discussion did.
  await expect(strategy.getByText('Median: split between No and Yes')).toBeVisible();
  await strategy.getByRole('radio', { name: 'Partly' }).check();
  await strategy.getByLabel('Rationale').fill('Adopted, but not yet funded.');
  await strategy.getByLabel('Dissent').fill('Academia: nothing is implemented.');
  const review = page.getByRole('article', { name: /monitored and reviewed/ });
  await review.getByRole('radio', { name: /^Level 3/ }).check();

  await page.getByRole('button', { name: 'Make the consensus assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
  const provenance = page.getByTestId('provenance');
  await expect(provenance).toContainText('Consensus of the workshop “National consultation”');
  await expect(provenance).toContainText('Participants: 2 (Government: 1 · Academia: 1)');
  // Strategy: partly (½) and level 3 (0.6) → 55; CIRT: the one "yes" (1) and its follow-up left
  // open (0) → 50, provisional while half of it is still to answer.
  const table = page.getByTestId('pillar-table');
  await expect(
    table
      .getByRole('row', { name: /^National strategy/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('55');
  await expect(
    table
      .getByRole('row', { name: /^Incident response/ })
      .getByRole('cell')
      .first(),
  ).toHaveText(/^50\s*provisional$/);

  await page.goto('./');
  await expect(
    page.getByRole('heading', { level: 2, name: 'National consultation: consensus' }),
  ).toBeVisible();
  expect([...facilitatorConsole.errors, ...ana.console.errors, ...boris.console.errors]).toEqual([]);
  await ana.close();
  await boris.close();
});

test('refusals: another workshop, another questionnaire version; a participant twice keeps the newer answers', async ({
  page,
}) => {
  const console = watchConsole(page);
  const first = await setUpWorkshop(page, 'First workshop', { seal: false, anonymous: false });
  const firstUrl = page.url();

  const cara = await person(page);
  await cara.page.goto('./#/join');
  await joinWithCode(cara.page, first, 'Civil society', 'Cara');
  await answerStrategy(cara.page, 'Partly', 2);
  const older = await handBackFile(cara.page);
  await cara.page.getByRole('link', { name: 'Back to the answers' }).click();
  // Back where the answers stopped (the next pillar): the strategy is one step back.
  await pillarNav(cara.page, 'National strategy').click();
  await answerStrategy(cara.page, 'Yes', 5);
  const newer = await handBackFile(cara.page);
  await expect(cara.page.getByTestId('handed-back')).toContainText('No changes since.');

  const reports = page.getByTestId('import-reports');
  await page.getByLabel('Answer files').setInputFiles(newer);
  await expect(reports.getByText(/^Added the answers of Cara \(Civil society\)/)).toBeVisible();
  await page.getByLabel('Answer files').setInputFiles(older);
  await expect(
    reports.getByText(
      /^Kept the newer answers of Cara \(Civil society\): the ones in answers-[0-9a-z]{13}-civil-society-cara\.json are older\./,
    ),
  ).toBeVisible();
  await page.getByLabel('Answer files').setInputFiles(newer);
  await expect(
    reports.getByText(/the answers of Cara \(Civil society\) were already here, unchanged/),
  ).toBeVisible();
  await expect(page.getByTestId('participants').getByRole('row')).toHaveCount(2);

  // A file edited by hand is caught by its checksum.
  const payload = JSON.parse(await readFile(newer, 'utf8'));
  payload.questionnaire.version = '0.9.0';
  const edited = join(tmpdir(), `edited-${Date.now()}.json`);
  await writeFile(edited, JSON.stringify(payload));
  await page.getByLabel('Answer files').setInputFiles(edited);
  await expect(
    reports.getByText(/^edited-.*\.json was not imported: it was changed or damaged/),
  ).toBeVisible();

  // Answers made by an app with another version of the questionnaire (checksum made anew, as that app would).
  const rest = { ...payload, checksum: undefined };
  delete rest.checksum;
  const otherVersion = join(tmpdir(), `other-version-${Date.now()}.json`);
  await writeFile(otherVersion, JSON.stringify({ ...rest, checksum: checksumOf(rest) }));
  await page.getByLabel('Answer files').setInputFiles(otherVersion);
  await expect(
    reports.getByText(
      /^other-version-.*\.json was not imported: these answers are to another questionnaire or version/,
    ),
  ).toBeVisible();
  await expect(reports).toContainText('version 0.9.0, but this workshop uses “sample” version 1.0.0');

  // Answers for the first workshop, brought to another one.
  await setUpWorkshop(page, 'Second workshop', { seal: false });
  await page.getByLabel('Answer files').setInputFiles(newer);
  await expect(
    page.getByTestId('import-reports').getByText(/was not imported: these answers are for another workshop/),
  ).toBeVisible();
  await expect(page.getByTestId('import-reports')).toContainText('$.workshopId');
  await expect(page.getByText('No answers yet.')).toBeVisible();
  // What the imports said follows a change of language.
  await page.getByLabel('Language', { exact: true }).selectOption('ar');
  await expect(page.getByTestId('import-reports')).toContainText('لم يُستورد');
  await expect(page.getByTestId('import-reports')).not.toContainText('was not imported');
  await page.getByLabel('اللغة', { exact: true }).selectOption('en');

  await page.goto(firstUrl);
  await expect(page.getByTestId('participants').getByRole('row', { name: /^Cara/ })).toBeVisible();
  expect([...console.errors, ...cara.console.errors]).toEqual([]);
  await cara.close();
});

test('answers travel as QR codes: pictures of the codes are read back on the facilitator’s device', async ({
  page,
}) => {
  const console = watchConsole(page);
  await setUpWorkshop(page, 'QR workshop');
  const dana = await person(page);
  await joinWithLink(dana.page, await workshopLink(page), 'Private sector');
  await answerStrategy(dana.page, 'Yes', 5);
  await openHandBack(dana.page);
  await dana.page.getByRole('button', { name: 'Show the QR codes' }).click();

  const count = Number((await dana.page.getByTestId('qr-count').textContent())!.match(/of (\d+)/)![1]);
  const pictures: string[] = [];
  for (let index = 0; index < count; index++) {
    await expect(dana.page.getByTestId('qr-count')).toHaveText(`Code ${index + 1} of ${count}`);
    const path = join(tmpdir(), `qr-${Date.now()}-${index}.png`);
    await dana.page.getByTestId('qr-code').screenshot({ path });
    pictures.push(path);
    if (index < count - 1) await dana.page.getByRole('button', { name: 'Next code' }).click();
  }

  await page.getByLabel('Pictures of QR codes').setInputFiles(pictures);
  await expect(
    page
      .getByTestId('import-reports')
      .getByText(
        /^Added the answers of participant [0-9a-f]{8} \(Private sector\) from pictures of QR codes\./,
      ),
  ).toBeVisible();
  await expect(page.getByTestId('participants').getByRole('row', { name: /Private sector/ })).toContainText(
    'QR',
  );
  expect([...console.errors, ...dana.console.errors]).toEqual([]);
  await dana.close();
});
