import { expect, test, type Page } from '@playwright/test';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Answers } from '../../src/assessment/types.ts';
import { decodeJoinCode } from '../../src/workshop/joinCode.ts';
import { makePayload, payloadFileText } from '../../src/workshop/payload.ts';
import { sampleQuestion, samplePillar, sampleTitle } from './contentText.ts';
import { question, watchConsole } from './helpers.ts';
import { browserFor, LOCALES, say, VIEWPORTS, type TestLocale } from './interfaceText.ts';
import { workshopLink } from './workshopHelpers.ts';

async function createSample(page: Page, locale: TestLocale, name: string): Promise<void> {
  await page.goto('./');
  await page.getByLabel(say(locale, 'home.new.name')).fill(name);
  await page.getByRole('radio', { name: sampleTitle(locale) }).check();
  await page.getByRole('button', { name: say(locale, 'home.new.create') }).click();
  await expect(page).toHaveURL(/#\/assessments\/[0-9a-f-]+\/answer/);
}

/** A JSON file chosen in the file field labelled `label`. */
async function chooseJson(page: Page, label: string, name: string, data: unknown): Promise<void> {
  await page
    .getByLabel(label)
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) });
}

const PEOPLE = [
  '0f6b3c1e-8d2a-4c7b-9e10-5a4f3b2c1d01',
  '0f6b3c1e-8d2a-4c7b-9e10-5a4f3b2c1d02',
  '0f6b3c1e-8d2a-4c7b-9e10-5a4f3b2c1d03',
] as const;

/** A participant's answers file for the workshop of this link, as their device would hand it back. */
async function answersFile(
  link: string,
  participantId: string,
  group: string,
  given: Record<string, string>,
) {
  const decoded = decodeJoinCode(link, [{ id: 'sample', version: '1.0.0' }]);
  if (!decoded.ok) throw new Error(decoded.error);
  const at = '2026-03-10T10:00:00.000Z';
  const answers: Answers = Object.fromEntries(
    Object.entries(given).map(([questionId, value]) => [
      questionId,
      { questionId, response: { kind: 'value', value }, updatedAt: at },
    ]),
  );
  const payload = makePayload(
    { join: decoded.value, participantId, group, answers, updatedAt: at },
    new Date('2026-03-10T11:00:00.000Z'),
  );
  const path = join(await mkdtemp(join(tmpdir(), 'baseline-')), `answers-${participantId}.json`);
  await writeFile(path, payloadFileText(payload));
  return path;
}

/** A workshop whose answers are not sealed, set up in the page's language. */
async function setUpOpenWorkshop(page: Page, locale: TestLocale, name: string): Promise<void> {
  await page.goto('./#/workshops/new');
  await page.getByLabel(say(locale, 'workshop.setup.name')).fill(name);
  await page.getByRole('radio', { name: sampleTitle(locale) }).check();
  await page.getByRole('checkbox', { name: say(locale, 'workshop.setup.seal') }).uncheck();
  await page.getByRole('button', { name: say(locale, 'workshop.setup.create') }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** A questionnaire in English and Russian only: its text shows in English in an Arabic page. */
const ENGLISH_ONLY = join(import.meta.dirname, '..', 'fixtures', 'questionnaires', 'national-check.json');

test.slow();

for (const locale of LOCALES)
  for (const viewport of VIEWPORTS)
    test.describe(`everyday screens (${locale}, ${viewport.width} px)`, () => {
      test.use(browserFor(locale, viewport));
      const phone = viewport.width < 400;
      const direction = locale === 'ar' ? 'rtl' : 'ltr';

      test('renaming saves itself, Continue picks up where the answers stopped, text keeps its direction, charts and tables read', async ({
        page,
      }) => {
        const console = watchConsole(page);
        await createSample(page, locale, 'First name');
        await question(page, sampleQuestion(locale, 'strategy.exists'))
          .getByRole('radio', { name: say(locale, 'question.no'), exact: true })
          .check();

        // The sample's text is in the page's language, tagged with it and read in its direction.
        const heading = question(page, sampleQuestion(locale, 'strategy.exists')).locator(
          'h2 .localized--block',
        );
        await expect(heading).toHaveAttribute('lang', locale);
        await expect(heading).toHaveAttribute('dir', direction);
        expect(await heading.evaluate((element) => getComputedStyle(element).direction)).toBe(direction);
        await expect(page.locator('h1 .localized--block')).toHaveAttribute('lang', locale);

        // The new name is kept without a button, even when the person moves straight on.
        await page.getByText(say(locale, 'details.title')).click();
        await page.getByLabel(say(locale, 'home.new.name')).fill('Renamed by typing');
        await page.getByRole('link', { name: say(locale, 'nav.home'), exact: true }).click();
        await expect(page.getByRole('heading', { level: 2, name: 'Renamed by typing' })).toBeVisible();

        // "No" leaves the follow-up out, so the first pillar is done: Continue opens the next one, at its first question.
        await page.getByRole('link', { name: `${say(locale, 'home.continue')}: Renamed by typing` }).click();
        await expect(
          page.getByRole('heading', { level: 1, name: samplePillar(locale, 'cirt') }),
        ).toBeVisible();
        const cirt = question(page, sampleQuestion(locale, 'cirt.exists')).getByRole('heading', { level: 2 });
        await expect(cirt).toBeFocused();
        await expect(cirt).toBeInViewport();

        await page.goto(page.url().replace(/answer.*$/, 'results'));
        const radar = page.getByRole('img', { name: say(locale, 'analysis.radarDescription') }).first();
        await expect(radar).toBeVisible();
        const table = page.getByTestId('pillar-table').locator('xpath=..');
        const overflow = await table.evaluate((element) => ({
          scrolls: element.scrollWidth > element.clientWidth + 1,
          cue: getComputedStyle(element).backgroundImage,
        }));
        if (phone) {
          // Numbered axes, their names in readable type under the chart.
          await expect(page.getByTestId('radar-key').first().getByRole('listitem')).toHaveCount(6);
          await expect(page.getByTestId('radar-key').first()).toContainText(samplePillar(locale, 'cirt'));
          // The table is wider than the phone: a shadow at the edge shows it scrolls.
          expect(overflow.scrolls).toBe(true);
          expect(overflow.cue).toContain('radial-gradient');
        } else {
          await expect(page.getByTestId('radar-key')).toHaveCount(0);
          expect((await radar.boundingBox())!.width).toBeGreaterThanOrEqual(400);
          expect(overflow.scrolls).toBe(false);
        }
        // Each bar's row is at least as tall as its name's lines.
        const bars = page.locator('.bars').first();
        expect((await bars.boundingBox())!.height).toBeGreaterThan(phone ? 6 * 56 : 6 * 40);
        expect(console.errors).toEqual([]);
      });

      test('a questionnaire with no text in the page’s language keeps its own direction', async ({
        page,
      }) => {
        const console = watchConsole(page);
        // An English and Russian questionnaire (no Arabic), added on this device.
        await page.goto('./#/questionnaires');
        await page.getByLabel(say(locale, 'questionnaires.add.label')).setInputFiles(ENGLISH_ONLY);
        await page
          .getByTestId('questionnaire-preview')
          .getByRole('button', { name: say(locale, 'questionnaires.add.confirm') })
          .click();
        // Kept before the page is loaded again: a reload could otherwise cut the write short.
        await expect(page.getByTestId('questionnaire-list')).toContainText(
          'National check: a questionnaire added from a file',
        );
        await page.goto('./');
        await page.getByLabel(say(locale, 'home.new.name')).fill('English text');
        await page.getByRole('radio', { name: /^National check: a questionnaire added from a file/ }).check();
        await page.getByRole('button', { name: say(locale, 'home.new.create') }).click();

        // English questionnaire text keeps its own direction, and so its alignment, in an Arabic page.
        const heading = question(page, /adopted a national cybersecurity strategy/).locator(
          'h2 .localized--block',
        );
        await expect(heading).toHaveAttribute('dir', 'ltr');
        expect(await heading.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
        await expect(page.locator('h1 .localized--block')).toHaveAttribute('lang', 'en');
        expect(console.errors).toEqual([]);
      });

      test('a file brought to the wrong place says what it is and where it belongs; the Room screen speaks to a trainer', async ({
        page,
      }) => {
        const console = watchConsole(page);
        const setupFile = {
          format: 'baseline-workshop',
          formatVersion: 1,
          id: '0123456789ABC',
          name: 'A workshop',
          questionnaire: { id: 'sample', version: '1.0.0' },
          groups: [{ id: 'government' }],
          anonymous: true,
          createdAt: '2026-03-10T09:00:00.000Z',
        };
        await page.goto('./#/import');
        await chooseJson(page, say(locale, 'transfer.import.choose'), 'workshop-setup.json', setupFile);
        await expect(page.getByTestId('import-misplaced')).toHaveText(
          say(locale, 'wrongFile.workshopSetup', { file: 'workshop-setup.json' }),
        );
        await chooseJson(page, say(locale, 'transfer.import.choose'), 'my-questionnaire.json', {
          format: 1,
          pillars: [],
        });
        await expect(page.getByTestId('import-misplaced')).toHaveText(
          say(locale, 'wrongFile.questionnaire', { file: 'my-questionnaire.json' }),
        );

        await page.goto('./#/join');
        await chooseJson(page, say(locale, 'join.file'), 'my-assessment.json', {
          format: 'baseline.assessment',
        });
        await expect(page.getByTestId('join-error')).toHaveText(
          say(locale, 'wrongFile.assessment', { file: 'my-assessment.json' }),
        );
        await expect(page.getByLabel(say(locale, 'join.file'))).toBeFocused();

        await createSample(page, locale, 'Weights');
        await page.goto(page.url().replace(/answer.*$/, 'weights'));
        await chooseJson(page, say(locale, 'weights.importLabel'), 'backup.json', {
          format: 'baseline.backup',
        });
        await expect(page.getByTestId('import-result')).toHaveText(
          say(locale, 'wrongFile.backup', { file: 'backup.json' }),
        );

        await setUpOpenWorkshop(page, locale, 'Room check');
        await chooseJson(page, say(locale, 'workshop.collect.files'), 'national.json', {
          format: 'baseline.assessment',
        });
        await expect(page.getByTestId('import-reports')).toContainText(
          say(locale, 'wrongFile.assessment', { file: 'national.json' }),
        );

        // Not served by the room server: what it would bring and the steps, the command folded away.
        await page
          .getByRole('link', { name: say(locale, 'room.link') })
          .first()
          .click();
        await expect(page.getByText(say(locale, 'room.network.offer'))).toBeVisible();
        await expect(page.getByText(say(locale, 'room.network.stepWifi'))).toBeVisible();
        const command = page.getByText('npm run room -- --host 0.0.0.0');
        await expect(command).toBeHidden();
        await page.getByText(say(locale, 'room.network.technical')).click();
        await expect(command).toBeVisible();
        expect(console.errors).toEqual([]);
      });

      test('the consensus: progress, confirmed questions folded, the most disputed first, and the questionnaire’s conditions', async ({
        page,
      }) => {
        const console = watchConsole(page);
        await setUpOpenWorkshop(page, locale, 'Consensus check');
        const link = await workshopLink(page);
        const files = [
          await answersFile(link, PEOPLE[0], 'government', {
            'strategy.exists': 'yes',
            'cirt.exists': 'yes',
          }),
          await answersFile(link, PEOPLE[1], 'academia', { 'strategy.exists': 'no', 'cirt.exists': 'yes' }),
          await answersFile(link, PEOPLE[2], 'civil-society', {
            'strategy.exists': 'partly',
            'cirt.exists': 'yes',
          }),
        ];
        await page.getByLabel(say(locale, 'workshop.collect.files')).setInputFiles(files);
        await expect(page.getByTestId('participants').getByRole('row')).toHaveCount(4);
        await page.getByRole('link', { name: say(locale, 'workshop.toConsensus') }).click();

        const progress = page.getByTestId('consensus-progress');
        const asked = 10; // every sample question: the median "partly" asks for the review, "yes" for the services
        await expect(progress).toHaveText(
          say(locale, 'workshop.consensus.progress', { confirmed: 0, asked }),
        );
        // The discussion's order: the strategy, where the room is split, before the CIRT, where it agrees.
        const cards = page.getByTestId('consensus-cards').getByRole('article');
        await expect(cards.first()).toHaveAccessibleName(sampleQuestion(locale, 'strategy.exists'));

        const strategy = question(page, sampleQuestion(locale, 'strategy.exists'));
        await strategy.getByRole('button', { name: say(locale, 'workshop.consensus.confirm') }).click();
        await expect(strategy).toHaveAttribute('data-confirmed', 'true');
        await expect(
          strategy.getByText(say(locale, 'workshop.consensus.confirmed'), { exact: true }),
        ).toBeVisible();
        await expect(strategy.getByRole('radio')).toHaveCount(0);
        await expect(progress).toHaveText(
          say(locale, 'workshop.consensus.progress', { confirmed: 1, asked }),
        );

        // Agreeing "no" leaves the follow-up out: its card goes, and the page says so.
        await strategy.getByRole('button', { name: say(locale, 'workshop.consensus.change') }).click();
        await strategy.getByRole('radio', { name: say(locale, 'question.no'), exact: true }).check();
        await expect(question(page, sampleQuestion(locale, 'strategy.review'))).toHaveCount(0);
        await expect(page.getByTestId('consensus-hidden')).toHaveText(
          say(locale, 'workshop.consensus.hidden', { count: 1 }),
        );
        await expect(progress).toHaveText(
          say(locale, 'workshop.consensus.progress', { confirmed: 1, asked: asked - 1 }),
        );
        // Only what is left to confirm.
        await page.getByLabel(say(locale, 'workshop.consensus.onlyOpen')).check();
        await expect(question(page, sampleQuestion(locale, 'strategy.exists'))).toHaveCount(0);
        await expect(cards).toHaveCount(asked - 2);
        expect(console.errors).toEqual([]);
      });
    });
