import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/universal';
import { readSheets } from '../../src/workbook/spreadsheet.ts';
import { createAssessment, expectSaved, question, watchConsole } from './helpers.ts';

/**
 * Adapting questionnaires in the app: a translation workbook exported, filled in French (here,
 * with the same spreadsheet library a translator's program would stand in for) and brought
 * back as a new version that shows in French; and a shorter variant made from the sample.
 */
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'questionnaires', 'national-check.json');
const TITLE = /^National check: a questionnaire added from a file/;
const FRENCH_TITLE = 'Contrôle national : un questionnaire ajouté depuis un fichier';

async function openQuestionnaires(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Questionnaires' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Questionnaires' })).toBeVisible();
}

test('a translation workbook is exported, filled in French, imported as a new version and shown in French', async ({
  page,
}) => {
  const console = watchConsole(page);
  await page.goto('./');
  await openQuestionnaires(page);
  await page.getByLabel('Questionnaire file').setInputFiles({
    name: 'national-check.json',
    mimeType: 'application/json',
    buffer: await readFile(FIXTURE),
  });
  await page.getByTestId('questionnaire-preview').getByRole('button', { name: 'Add to this device' }).click();
  const listed = page.getByTestId('questionnaire-list').getByRole('listitem').filter({ hasText: TITLE });
  await expect(listed).toContainText('version 1.0.0');

  const download = page.waitForEvent('download');
  await listed.getByRole('button', { name: /^Translation workbook/ }).click();
  expect((await download).suggestedFilename()).toBe('national-check-1.0.0-translations.xlsx');
  const sheets = await readSheets(new Blob([await readFile(await (await download).path())]));
  expect(sheets.map((sheet) => sheet.name)).toEqual(['instructions', 'texts', 'about']);
  const texts = sheets.find((sheet) => sheet.name === 'texts')!;
  const [header, ...rows] = texts.rows;
  expect(header).toEqual(['key', 'source::en', 'ar', 'en', 'es', 'fr', 'ru', 'zh']);
  const fr = header!.indexOf('fr');
  expect(rows.every((row) => row[fr] === null)).toBe(true);
  expect(rows.find((row) => row[0] === 'title')![header!.indexOf('ru')]).toMatch(/^Национальная проверка/);

  // A translator fills the French column.
  for (const row of rows) row[fr] = row[0] === 'title' ? FRENCH_TITLE : `[fr] ${String(row[1])}`;
  const upload = async (name: string, data: typeof sheets) =>
    listed.getByLabel(/^Import translations/).setInputFiles({
      name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(
        await (
          await writeXlsxFile(data.map((sheet) => ({ sheet: sheet.name, data: sheet.rows }))).toBlob()
        ).arrayBuffer(),
      ),
    });

  // A key changed by mistake is refused, with its sheet, row and column.
  const broken = structuredClone(sheets);
  broken.find((sheet) => sheet.name === 'texts')!.rows = [header!, ...rows.map((row) => [...row])];
  broken.find((sheet) => sheet.name === 'texts')!.rows[2]![0] = 'pillars/strategy/title-typo';
  await upload('broken.xlsx', broken);
  const refused = page.getByTestId('questionnaire-refused');
  await expect(refused).toContainText('“broken.xlsx” cannot be added');
  await expect(refused.getByTestId('problems')).toContainText('texts: row 3, column A "key"');

  await upload('national-check-fr.xlsx', sheets);
  const preview = page.getByTestId('questionnaire-preview');
  await expect(page.getByTestId('translations-merged')).toContainText('Translations: French added');
  await expect(preview).toContainText('English, Russian, French');
  await preview.getByRole('button', { name: 'Replace version 1.0.0 with version 1.0.1' }).click();
  await expect(listed).toContainText('version 1.0.1');

  // With the interface in French, the questionnaire is in French too.
  await page.locator('#language-select').selectOption('fr');
  await expect(page.getByTestId('questionnaire-list')).toContainText(FRENCH_TITLE);
  await page.locator('#language-select').selectOption('en');
  expect(console.errors).toEqual([]);
});

test('a shorter variant of the sample is made in the app, brings in the question it depends on, and is answered', async ({
  page,
}) => {
  const console = watchConsole(page);
  await page.goto('./');
  await openQuestionnaires(page);
  const sample = page
    .getByTestId('questionnaire-list')
    .getByRole('listitem')
    .filter({ hasText: /^Sample/ });
  await sample.getByRole('link', { name: /^Make a variant/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Make a variant: Sample/ })).toBeVisible();

  await page.getByLabel('Name of the variant').fill('Tomorrow’s room');
  await expect(page.getByLabel('Identifier')).toHaveValue('sample-tomorrow-s-room');
  // The review is asked only after "is there a strategy": picking it brings that question in.
  await page.getByRole('checkbox', { name: /How is the implementation of the strategy monitored/ }).check();
  const gate = page.getByRole('checkbox', {
    name: /Has the government adopted a national cybersecurity strategy/,
  });
  await expect(gate).toBeChecked();
  await expect(gate).toBeDisabled();
  await expect(page.getByTestId('pulled-in')).toContainText('Included');
  await page.getByRole('checkbox', { name: /Is there a national CIRT with a formal mandate/ }).check();
  await page.getByLabel('Pillar target (0–100)').first().fill('70');
  await expect(page.getByText('Questions in the variant: 3')).toBeVisible();
  await page.getByRole('button', { name: 'Make a variant' }).click();
  const created = page.getByTestId('variant-created');
  await expect(created).toContainText('“Tomorrow’s room” was added, with 3 questions');

  // Listed beside the others, after the sample it is a variant of, and answered like any other.
  await page.getByRole('main').getByRole('link', { name: 'Questionnaires', exact: true }).click();
  const variant = page
    .getByTestId('questionnaire-list')
    .getByRole('listitem')
    .filter({ hasText: /^Tomorrow’s room/ });
  await expect(variant).toContainText('sample-tomorrow-s-room');
  await expect(variant).toContainText('Variant of: sample');
  await createAssessment(page, 'Room of tomorrow', /^Tomorrow’s room/);
  await question(page, /adopted a national cybersecurity strategy/)
    .getByRole('radio', { name: 'Yes' })
    .check();
  await expect(question(page, /implementation of the strategy monitored/)).toBeVisible();
  await expectSaved(page);
  expect(console.errors).toEqual([]);
});
