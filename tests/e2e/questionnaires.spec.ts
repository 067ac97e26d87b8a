import { expect, test, type Page } from '@playwright/test';
import { previewServerForEachTest } from './previewServer.ts';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadClauseIds } from '../../scripts/lib/questionnaires.ts';
import { readWorkbook } from '../../src/workbook/spreadsheet.ts';
import { expectSaved, question, watchConsole } from './helpers.ts';
import { handBackFile } from './workshopHelpers.ts';

/**
 * A questionnaire added from a file in the installed app: checked, previewed, kept on the
 * device, answered with the server gone, and removed (with undo). The app is served by a
 * preview server this test stops, as in offline.spec.ts.
 */
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'questionnaires', 'national-check.json');
const TITLE = /^National check: a questionnaire added from a file/;

const served = previewServerForEachTest();

async function openQuestionnaires(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Questionnaires' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Questionnaires' })).toBeVisible();
}

async function chooseFile(page: Page, name: string, text: string): Promise<void> {
  await page
    .getByLabel('Questionnaire file')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('a questionnaire added from a JSON file is previewed, kept, answered offline and removed with undo', async ({
  page,
}) => {
  const console = watchConsole(page);
  const text = await readFile(FIXTURE, 'utf8');
  await page.goto(`${served.origin}/`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await openQuestionnaires(page);

  // A broken file is refused with the validator's located problems; nothing is kept.
  const broken = JSON.parse(text) as { version: string };
  broken.version = 'first';
  await chooseFile(page, 'broken.json', JSON.stringify(broken));
  const refused = page.getByTestId('questionnaire-refused');
  await expect(refused).toContainText('“broken.json” cannot be added');
  await expect(refused.getByTestId('problems')).toContainText('$.version');

  await chooseFile(page, 'national-check.json', text);
  const preview = page.getByTestId('questionnaire-preview');
  await expect(preview.getByRole('heading', { name: /Preview: National check/ })).toBeVisible();
  await expect(preview).toContainText('6 pillars');
  await expect(preview).toContainText('never chosen in advance');
  await expect(page.getByTestId('questionnaire-list')).not.toContainText('national-check');
  await preview.getByRole('button', { name: 'Add to this device' }).click();
  const listed = page.getByTestId('questionnaire-list').getByRole('listitem').filter({ hasText: TITLE });
  await expect(listed).toContainText('version 1.0.0');
  await expect(listed).toContainText('Added');
  // The same file again changes nothing.
  await chooseFile(page, 'national-check.json', text);
  await expect(page.getByTestId('questionnaire-addition')).toContainText('already on this device');
  await expect(preview.getByRole('button', { name: 'Add to this device' })).toHaveCount(0);

  // With the server gone, it is still there, and an assessment runs on it.
  await served.stop();
  await page.goto(`${served.origin}/`);
  await expect(page.getByRole('radio', { name: /^Resolution 130/ }).first()).toBeChecked();
  await page.getByLabel('Name of the assessment').fill('National check, offline');
  await page.getByRole('radio', { name: TITLE }).check();
  await page.getByRole('button', { name: 'Create and start answering' }).click();
  await expect(page).toHaveURL(/#\/assessments\/[0-9a-f-]+\/answer/);
  await question(page, /adopted a national cybersecurity strategy/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  await expectSaved(page);
  await page.reload();
  await expect(
    question(page, /adopted a national cybersecurity strategy/).getByRole('radio', { name: 'Yes' }),
  ).toBeChecked();
  await page.getByRole('link', { name: 'See results' }).click();
  await expect(page.getByRole('img', { name: /Radar chart/ })).toBeVisible();

  // Removed, then restored by undo, then removed for good: the assessment waits for it.
  await openQuestionnaires(page);
  await expect(listed).toContainText('Assessments on this device using it: 1');
  await listed.getByRole('button', { name: /^Remove/ }).click();
  const notice = page.getByTestId('questionnaire-notice');
  await expect(notice).toContainText('was removed from this device');
  await expect(listed).toHaveCount(0);
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(listed).toContainText('version 1.0.0');
  await listed.getByRole('button', { name: /^Remove/ }).click();
  await expect(listed).toHaveCount(0);
  await page.getByRole('link', { name: 'Assessments', exact: true }).click();
  await expect(
    page.getByText(/Questionnaire “national-check” \(version 1.0.0\) is not on this device/),
  ).toBeVisible();

  expect(console.errors).toEqual([]);
});

test('a questionnaire written in a workbook is added from the .xlsx and exported back as a workbook', async ({
  page,
}) => {
  const console = watchConsole(page);
  await page.goto(`${served.origin}/`);
  await openQuestionnaires(page);
  await page
    .getByLabel('Questionnaire file')
    .setInputFiles(
      join(import.meta.dirname, '..', '..', 'questionnaires', 'template', 'questionnaire-template.xlsx'),
    );
  const preview = page.getByTestId('questionnaire-preview');
  await expect(preview.getByRole('heading', { name: /Preview: My questionnaire/ })).toBeVisible();
  await preview.getByRole('button', { name: 'Add to this device' }).click();
  const listed = page
    .getByTestId('questionnaire-list')
    .getByRole('listitem')
    .filter({ hasText: /^My questionnaire/ });
  // The file name is isolated (U+2068 … U+2069), so it keeps its order in a right-to-left sentence.
  await expect(listed).toContainText('from “\u2068questionnaire-template.xlsx\u2069”');

  const download = page.waitForEvent('download');
  await listed.getByRole('button', { name: /^Export \(workbook\)/ }).click();
  expect((await download).suggestedFilename()).toBe('my-questionnaire-1.0.0.xlsx');
  // What the app wrote reads back, on the command line's code, as the same valid questionnaire.
  const exported = await readFile(await (await download).path());
  const back = await readWorkbook(new Blob([exported]), 'exported.xlsx', loadClauseIds());
  expect(back.ok && back.value.id).toBe('my-questionnaire');

  // A file that is not a workbook is refused, saying so.
  await page.getByLabel('Questionnaire file').setInputFiles({
    name: 'not-a-workbook.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from('not a zip'),
  });
  await expect(page.getByTestId('questionnaire-refused')).toContainText('cannot be read as a workbook');
  expect(console.errors).toEqual([]);
});

test('a workshop on an added questionnaire: the set-up file carries it, the participant’s device checks it, answers offline and hands back', async ({
  page,
}) => {
  test.slow();
  const console = watchConsole(page);
  await page.goto(`${served.origin}/`);
  await openQuestionnaires(page);
  await chooseFile(page, 'national-check.json', await readFile(FIXTURE, 'utf8'));
  await page.getByTestId('questionnaire-preview').getByRole('button', { name: 'Add to this device' }).click();
  await expect(page.getByTestId('questionnaire-list')).toContainText('version 1.0.0');

  // The facilitator sets up a sealed workshop on it and saves the set-up file.
  await page.goto(`${served.origin}/#/workshops/new`);
  await page.getByLabel('Name of the workshop').fill('National check workshop');
  await page.getByRole('radio', { name: TITLE }).check();
  await page.getByRole('checkbox', { name: /Seal the answers/ }).setChecked(true);
  await page.getByRole('button', { name: 'Set up the workshop' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'National check workshop' })).toBeVisible();
  const code = (await page.getByTestId('join-code').textContent())!.trim();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save the set-up file' }).click();
  const setupPath = join(await mkdtemp(join(tmpdir(), 'baseline-')), (await download).suggestedFilename());
  await (await download).saveAs(setupPath);
  const setupFile = JSON.parse(await readFile(setupPath, 'utf8')) as { questionnaireFile?: { id: string } };
  expect(setupFile.questionnaireFile?.id).toBe('national-check');

  // A participant's device has only the built-in questionnaires, and goes offline once loaded.
  const context = await page.context().browser()!.newContext({ acceptDownloads: true });
  const phone = await context.newPage();
  const phoneConsole = watchConsole(phone);
  await phone.goto(`${served.origin}/`);
  await phone.evaluate(() => navigator.serviceWorker.ready);
  await phone.reload();
  await context.setOffline(true);
  await phone.goto(`${served.origin}/#/join`);
  // The typed code alone cannot bring the questionnaire: the device says how to get it.
  await phone.getByLabel('Workshop code').fill(code);
  await phone.getByRole('button', { name: 'Use this code' }).click();
  await expect(phone.getByTestId('join-error')).toContainText(
    'Ask the facilitator for the workshop’s set-up file',
  );

  // A set-up file whose questionnaire is broken is refused with the validator's problems; nothing is kept.
  const broken = JSON.parse(await readFile(setupPath, 'utf8')) as { questionnaireFile: { pillars: unknown } };
  broken.questionnaireFile.pillars = 'none';
  await phone.getByLabel('Set-up file').setInputFiles({
    name: 'broken-workshop.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  const refusal = phone.getByTestId('join-error');
  await expect(refusal).toContainText('did not pass the checks');
  await expect(refusal.getByTestId('problems')).toContainText('$.pillars');

  await phone.getByLabel('Set-up file').setInputFiles(setupPath);
  await expect(phone.getByTestId('questionnaire-added')).toContainText(
    'was checked on this device and added to it',
  );
  await phone.getByRole('radio', { name: 'Government' }).check();
  await phone.getByRole('button', { name: 'Join and start answering' }).click();
  await expect(phone).toHaveURL(/#\/assessments\/[0-9a-f-]+\/answer/);
  await question(phone, /adopted a national cybersecurity strategy/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  await expectSaved(phone);
  const answersPath = await handBackFile(phone);

  // The facilitator takes the sealed answers back.
  await page.getByLabel('Answer files').setInputFiles(answersPath);
  await expect(
    page
      .getByTestId('import-reports')
      .getByText(/^Added the answers of participant [0-9a-f]{8} \(Government\)/),
  ).toBeVisible();

  // The participant removes the questionnaire afterwards; the workshop's assessment waits for it.
  await openQuestionnaires(phone);
  const listed = phone.getByTestId('questionnaire-list').getByRole('listitem').filter({ hasText: TITLE });
  await expect(listed).toContainText('from “\u2068workshop-national-check-workshop.json\u2069”');
  await listed.getByRole('button', { name: /^Remove/ }).click();
  await expect(listed).toHaveCount(0);
  await phone.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assessments' }).click();
  await expect(
    phone.getByText(/Questionnaire “national-check” \(version 1.0.0\) is not on this device/),
  ).toBeVisible();

  expect([...console.errors, ...phoneConsole.errors]).toEqual([]);
  await context.close();
});
