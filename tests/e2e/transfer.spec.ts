import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createAssessment, expectSaved, pillarNav, question, SAMPLE, watchConsole } from './helpers.ts';

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

  // In French the spreadsheet convention of French settings is chosen: semicolons, decimal commas.
  await page.getByLabel('Language', { exact: true }).selectOption('fr');
  await expect(page.getByRole('radio', { name: /^1,5/ })).toBeChecked();
  const french = await download(page, 'Réponses, une ligne par question');
  expect(french.text.split('\r\n')[1]).toMatch(/^strategy;.*;strategy\.exists;.*;0,5;/);
  await page.getByLabel('Langue', { exact: true }).selectOption('en');

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

test('an assessment made with Resolution 130 1.0.0 is imported onto 2.0.0 with its answers carried over and the rest listed', async ({
  page,
}) => {
  const console = watchConsole(page);
  const at = '2025-06-01T09:00:00.000Z';
  const file = {
    format: 'baseline.assessment',
    version: 1,
    exportedAt: at,
    sharing: false,
    assessment: {
      id: 'r130-v1-e2e',
      name: 'Made with the first version',
      questionnaire: { id: 'resolution-130', version: '1.0.0' },
      createdAt: at,
      updatedAt: at,
    },
    answers: [
      { questionId: 'strategy.exists', response: { kind: 'value', value: 'yes' }, updatedAt: at },
      { questionId: 'cirt.exists', response: { kind: 'value', value: 'yes' }, updatedAt: at },
      {
        questionId: 'strategy.legal-coverage',
        response: { kind: 'value', value: ['cybercrime', 'procedure'] },
        updatedAt: at,
      },
      {
        questionId: 'cirt.response-time',
        response: { kind: 'value', value: 6 },
        comment: 'Median over 2024, from the ticketing system.',
        updatedAt: at,
      },
    ],
  };
  await page.goto('./');
  await page.getByRole('link', { name: 'Import a file' }).click();
  await chooseJson(page, 'File to import', 'first-version.json', JSON.stringify(file));
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText(
    'Made with version 1.0.0 of the questionnaire; the answers were carried over to version 2.0.0, question by question.',
  );
  await expect(preview).toContainText('1 earlier answer filled in the questions that replaced its question');
  await expect(preview.getByTestId('dropped')).toContainText('cirt.response-time');
  await page.getByRole('button', { name: 'Import 1 assessment' }).click();
  await expect(page.getByTestId('import-done')).toContainText('1 assessment was imported.');

  await page.getByRole('link', { name: 'Back to the assessments' }).click();
  // New to this device, it comes in as it is: its own name, and its id (which ties it to its copies).
  await expect(
    page.getByRole('heading', { level: 2, name: 'Made with the first version', exact: true }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Continue: Made with the first version' }).click();
  await expect(page).toHaveURL(/#\/assessments\/r130-v1-e2e\//);
  const notice = page.getByTestId('carry-over');
  await expect(notice.getByRole('heading', { level: 2 })).toHaveText(
    'Answers carried over from version 1.0.0 to version 2.0.0',
  );
  await expect(notice).toContainText('1 answer carried as it was');
  // The strategy answer is kept, but its question's wording changed: it is listed to check.
  await expect(notice).toContainText('1 carried answer to check, because its question was reworded');
  const check = notice.getByTestId('carry-over-check');
  await check.getByText('Carried answers to check').click();
  await expect(check).toContainText('Has the government adopted a national cybersecurity strategy?');
  // The answer that no 2.0.0 question means the same is kept, with its comment, to give again.
  const listed = notice.getByTestId('carry-over-listed');
  await expect(listed).toContainText('median time to first response');
  await expect(listed).toContainText('Earlier answer: 6');
  await expect(listed).toContainText('Median over 2024, from the ticketing system.');
  // The split question's answer settled the new questions it decides, and only those.
  const mapped = notice.getByTestId('carry-over-mapped');
  await mapped.getByText('Earlier answers used for the new questions').click();
  await expect(mapped).toContainText('Which of these subjects are covered by legislation in force?');
  await expect(mapped).toContainText(
    'Does criminal law in force define offences against computer systems and data?',
  );
  await expect(mapped).toContainText(
    'Does the law give investigators procedural powers over electronic evidence?',
  );
  await expect(mapped).not.toContainText('Is personal data protected by a law in force?');

  // The answering screen opens where the answers stop (issue 19): the strategy is the first pillar.
  await pillarNav(page, 'National strategy').click();
  await expect(
    question(page, /adopted a national cybersecurity strategy/).getByRole('radio', { name: 'Yes' }),
  ).toBeChecked();
  await expect(
    question(page, /define offences against computer systems and data/).getByRole('radio', { name: 'Yes' }),
  ).toBeChecked();
  const dataProtection = question(page, /Is personal data protected by a law in force/);
  // Not ticked in 1.0.0 does not say "no": the question is left to answer.
  await expect(dataProtection.getByRole('radio')).not.toHaveCount(0);
  for (const radio of await dataProtection.getByRole('radio').all()) await expect(radio).not.toBeChecked();
  await pillarNav(page, 'Incident response').click();
  await expect(
    question(page, /national CIRT with a formally assigned mandate/).getByRole('radio', { name: 'Yes' }),
  ).toBeChecked();

  await notice.getByRole('button', { name: 'I have checked this; hide it' }).click();
  await expect(notice).toBeHidden();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('carry-over')).toBeHidden();
  expect(console.errors).toEqual([]);
});

test('the same assessment changed on two devices: the file’s newer answers are brought into the one here', async ({
  page,
  browser,
}) => {
  const console = watchConsole(page);
  await createAssessment(page, 'Carried between devices', SAMPLE);
  const strategy = question(page, /adopted a national cybersecurity strategy/);
  const review = question(page, /monitored and reviewed/);
  await strategy.getByRole('radio', { name: 'Yes' }).check();
  await review.getByRole('radio', { name: /^Level 1/ }).check();
  await expectSaved(page);
  const answering = page.url();
  await page.getByRole('link', { name: 'Export', exact: true }).click();
  const first = await download(page, 'Save the file');

  // A second device takes it in as it is, and changes one answer.
  const other = await (await browser.newContext()).newPage();
  await other.goto('./#/import');
  await other.getByLabel('File to import').setInputFiles(first.path);
  await expect(other.getByTestId('import-preview').getByRole('radio', { name: 'Import it' })).toBeChecked();
  await other.getByRole('button', { name: 'Import 1 assessment' }).click();
  await other.getByRole('link', { name: 'Back to the assessments' }).click();
  await other.getByRole('link', { name: 'Continue: Carried between devices' }).click();
  await pillarNav(other, 'National strategy').click();
  await question(other, /adopted a national cybersecurity strategy/)
    .getByRole('radio', { name: 'Partly' })
    .check();
  await expectSaved(other);
  await other.getByRole('link', { name: 'Export', exact: true }).click();
  const fromOther = await download(other, 'Save the file');

  // Meanwhile, later, the first device changes another answer; then it takes in the other's file.
  await page.goto(answering);
  await review.getByRole('radio', { name: /^Level 3/ }).check();
  await expectSaved(page);
  await page.goto('./#/import');
  await page.getByLabel('File to import').setInputFiles(fromOther.path);
  const card = page.getByTestId('import-preview');
  await expect(card.getByRole('radio', { name: /as a copy/ })).toBeChecked();
  const update = card.getByRole('radio', { name: /newer answers/ });
  await expect(card.locator('label').filter({ hasText: 'newer answers' })).toContainText(
    '1 answer in the file is newer than this device’s and is brought in. 1 answer changed later on this device is kept.',
  );
  await update.check();
  await page.getByRole('button', { name: 'Import 1 assessment' }).click();
  await expect(page.getByTestId('import-done')).toContainText('1 assessment was imported.');

  await page.getByRole('link', { name: 'Back to the assessments' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Carried between devices/ })).toHaveCount(1);
  await page.getByRole('link', { name: 'Continue: Carried between devices' }).click();
  await pillarNav(page, 'National strategy').click();
  await expect(strategy.getByRole('radio', { name: 'Partly' })).toBeChecked();
  await expect(review.getByRole('radio', { name: /^Level 3/ })).toBeChecked();
  // The version the device had before is in the recently deleted list, to restore if needed.
  await page.getByRole('link', { name: 'Assessments', exact: true }).click();
  const trash = page.getByTestId('trash');
  await expect(trash).toContainText('Carried between devices');
  // Put back, it comes beside the updated one under a name that tells the two apart.
  await trash.getByText(/^Recently deleted/).click();
  await trash.getByRole('button', { name: /^Restore/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Carried between devices/ })).toHaveCount(2);
  await expect(
    page.getByRole('heading', { level: 2, name: /^Carried between devices \(as on / }),
  ).toHaveCount(1);
  expect(console.errors).toEqual([]);
  await other.context().close();
});
