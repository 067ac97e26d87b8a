import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createAssessment, expectSaved, question, SAMPLE, watchConsole } from './helpers.ts';

async function download(page: Page, button: string): Promise<{ name: string; text: string; path: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8'), path };
}

/** Chooses a JSON file, made of `text`, in the file field labelled `label`. */
async function chooseJson(page: Page, label: string, name: string, text: string): Promise<void> {
  await page
    .getByLabel(label)
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function answerSome(page: Page): Promise<void> {
  await createAssessment(page, 'Moving between devices', SAMPLE);
  const strategy = question(page, /adopted a national cybersecurity strategy/);
  await strategy.getByRole('radio', { name: 'Partly' }).check();
  await strategy.getByText('Comment · Evidence').click();
  await strategy.getByLabel('Comment', { exact: true }).fill('Minister Ivanova briefed on 3 March.');
  await strategy.getByLabel(/Restricted: leave it out of sharing/).check();
  await strategy.getByRole('button', { name: 'Add evidence' }).click();
  await strategy.getByLabel(/Reference or link/).fill('Internal memo 7');
  await strategy.getByLabel(/Who may see it/).selectOption('restricted');
  await expectSaved(page);
}

test('export a file, import it back as a copy; a sharing export leaves restricted things out', async ({
  page,
}) => {
  const console = watchConsole(page);
  await answerSome(page);
  await page.getByRole('link', { name: 'Export', exact: true }).click();

  const full = await download(page, 'Save the file');
  expect(full.name).toMatch(/^baseline-Moving-between-devices-\d{4}-\d{2}-\d{2}\.json$/);
  expect(JSON.parse(full.text)).toMatchObject({ format: 'baseline.assessment', version: 1, sharing: false });
  expect(full.text).toContain('Minister Ivanova');

  await page.getByRole('radio', { name: /For sharing with a partner/ }).check();
  const shared = await download(page, 'Save the file');
  expect(shared.name).toContain('-sharing-');
  expect(shared.text).not.toContain('Minister Ivanova');
  expect(shared.text).not.toContain('Internal memo 7');
  expect(JSON.parse(shared.text)).toMatchObject({ sharing: true });

  const csv = await download(page, 'Answers, one row per question');
  expect(csv.name).toMatch(/answers-sharing.*\.csv$/);
  expect(csv.text).toContain('strategy.exists');
  expect(csv.text).not.toContain('Minister Ivanova');

  // Import the full file: the device already has exactly this, so "leave it out" is offered first.
  await page.getByRole('link', { name: 'Back to the assessments' }).click();
  await page.getByRole('link', { name: 'Import a file' }).click();
  await page.getByLabel('File to import').setInputFiles(full.path);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('This device already has exactly this assessment');
  await expect(preview.getByRole('radio', { name: 'Leave it out' })).toBeChecked();
  await expect(page.getByRole('button', { name: 'Import nothing' })).toBeDisabled();
  await preview.getByRole('radio', { name: /as a copy/ }).check();
  await page.getByRole('button', { name: 'Import 1 assessment' }).click();
  await expect(page.getByTestId('import-done')).toContainText('1 assessment was imported.');

  await page.getByRole('link', { name: 'Back to the assessments' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Moving between devices/ })).toHaveCount(2);
  await expect(
    page.getByRole('heading', { level: 2, name: /Moving between devices \(imported/ }),
  ).toBeVisible();
  expect(console.errors).toEqual([]);
});

test('an encrypted backup opens only with its passphrase', async ({ page }) => {
  const console = watchConsole(page);
  await answerSome(page);
  await page.getByRole('link', { name: 'Assessments', exact: true }).click();
  await page.getByRole('link', { name: 'Back up everything' }).click();
  await page.getByLabel('Protect the file with a passphrase').check();
  await expect(page.getByRole('button', { name: 'Save the backup' })).toBeDisabled();
  await page.getByLabel('Passphrase', { exact: true }).fill('river stone lantern 42');
  await page.getByLabel('Passphrase again').fill('river stone lantern 42');
  const sealed = await download(page, 'Save the backup');
  expect(sealed.name).toMatch(/^baseline-backup-encrypted-.*\.json$/);
  const file = JSON.parse(sealed.text);
  expect(file).toMatchObject({
    format: 'baseline.encrypted',
    contains: 'baseline.backup',
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600000 },
    cipher: { name: 'AES-GCM', keyLength: 256 },
  });
  expect(sealed.text).not.toContain('Moving between devices');

  await page.getByRole('link', { name: 'Back to the assessments' }).click();
  await page.getByRole('link', { name: 'Import a file' }).click();
  await page.getByLabel('File to import').setInputFiles(sealed.path);
  await expect(page.getByRole('heading', { name: 'This file is protected with a passphrase' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill('wrong passphrase');
  await page.getByRole('button', { name: 'Open the file' }).click();
  await expect(page.getByRole('alert')).toContainText('The passphrase is wrong');
  await page.getByLabel('Passphrase', { exact: true }).fill('river stone lantern 42');
  await page.getByRole('button', { name: 'Open the file' }).click();
  await expect(page.getByTestId('import-preview')).toContainText('Moving between devices');
  await expect(page.getByText('It was encrypted and opened with your passphrase.')).toBeVisible();
  expect(console.errors).toEqual([]);
});

const hostile = JSON.stringify({
  format: 'baseline.assessment',
  version: 1,
  exportedAt: '2026-01-01T00:00:00Z',
  sharing: false,
  assessment: {
    id: 'x1',
    name: '<img src=x onerror="document.title=1">',
    questionnaire: { id: 'sample', version: '1.0.0' },
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  },
  answers: [
    {
      questionId: 'strategy.exists',
      response: { kind: 'value', value: 'perhaps' },
      updatedAt: '2026-01-01T00:00:00Z',
    },
  ],
});

test('a broken or hostile file is refused with what is wrong and where, and nothing changes', async ({
  page,
}) => {
  const console = watchConsole(page);
  await page.goto('./#/import');
  await chooseJson(page, 'File to import', 'hostile.json', hostile);
  await expect(page.getByRole('heading', { name: 'This file cannot be imported' })).toBeVisible();
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText('not an answer the question "strategy.exists" accepts');
  await expect(problems).toContainText('$.answers[0].response.value');

  await chooseJson(page, 'File to import', 'cut.json', hostile.slice(0, 120));
  await expect(problems).toContainText('not valid JSON, perhaps cut short');

  await page.goto('./');
  await expect(page.getByText('No assessments yet.')).toBeVisible();
  // The title names the screen (its heading); the file's markup never ran to change it.
  expect(await page.title()).toBe('Your assessments · Baseline');
  expect(console.errors).toEqual([]);
});

test('a refused file is explained in the interface language, Russian or Arabic', async ({ page }) => {
  const console = watchConsole(page);
  await page.goto('./#/import');
  await page.locator('#language-select').selectOption('ru');
  await chooseJson(page, 'Файл для импорта', 'hostile.json', hostile);
  await expect(page.getByRole('heading', { name: 'Этот файл невозможно импортировать' })).toBeVisible();
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText('недопустимый ответ на вопрос');
  await expect(problems).toContainText('strategy.exists');
  await expect(problems).toContainText('$.answers[0].response.value');
  await expect(problems.locator('[lang="en"]')).toHaveCount(0);

  await page.locator('#language-select').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  // The list is worded again in the new language, without reading the file again.
  await expect(problems).toContainText('إجابة لا يقبلها السؤال');
  // Ids and dates keep their own order inside Arabic sentences: they are isolated.
  await expect(problems).toContainText('\u2068"\u2068strategy.exists\u2069"\u2069');
  await chooseJson(page, 'الملف المراد استيراده', 'cut.json', hostile.slice(0, 120));
  await expect(problems).toContainText('الملف ليس بصيغة JSON صالحة');
  await expect(problems.locator('code').first()).toHaveAttribute('dir', 'ltr');
  expect(console.errors).toEqual([]);
});
