import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../../playwright.config.ts';
import { startRoomServer, type RunningRoom } from '../../scripts/room/server.ts';
import { pillarNav, question, watchConsole } from './helpers.ts';
import {
  answerStrategy,
  joinWithLink,
  openHandBack,
  setUpWorkshop,
  workshopLink,
} from './workshopHelpers.ts';

/**
 * The room kit end to end: the room server (as `npm run room` starts it) serves the production
 * build; the facilitator works on the laptop itself (http://127.0.0.1, a secure page), and two
 * participants open the app from a LAN-style host name over plain http ("room.test", mapped to
 * the loopback address so that no traffic leaves the machine). They send their answers over the
 * network; the facilitator imports them and merges.
 */
const HOST = 'room.test';
let room: RunningRoom | undefined;
let data = '';

test.beforeEach(async () => {
  data = await mkdtemp(join(tmpdir(), 'baseline-room-data-'));
  // Every browser of this test reaches the server from the same address: allow for all of them.
  room = await startRoomServer({
    dist: 'dist',
    data,
    host: '127.0.0.1',
    port: 0,
    limits: { requests: 10_000 },
  });
});

test.afterEach(async () => {
  await room?.close();
  room = undefined;
  await rm(data, { recursive: true, force: true });
});

// Several people's browsers in one test: allow for a machine busy with other work.
test.slow();

/** The facilitator's laptop: the app opened from the room server at its loopback address. */
async function facilitator(browser: Browser) {
  const origin = `http://127.0.0.1:${room!.port}`;
  const facilitatorContext = await browser.newContext({ baseURL: `${origin}/` });
  return { origin, facilitatorContext, page: await facilitatorContext.newPage() };
}

/** The participants' browser: it reaches the room server by the room's host name, as a phone would. */
function launchLanBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${HOST} 127.0.0.1`],
  });
}

async function participant(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  return { page, console: watchConsole(page) };
}

/** The numbers of one row of the roll call: joined, by file, by QR, over the network, waiting, missing. */
async function roll(page: Page, group: RegExp): Promise<string[]> {
  const row = page.getByTestId('room-roll').getByRole('row', { name: group });
  return (await row.getByRole('cell').allTextContents()).map((text) => text.trim());
}

async function send(page: Page): Promise<void> {
  await openHandBack(page);
  await page.getByRole('button', { name: /^Send (to the facilitator|again)$/ }).click();
  await expect(page.getByTestId('receipt')).toContainText('The facilitator’s laptop received your answers');
  await expect(page.getByTestId('receipt')).toContainText('No changes since.');
}

test('two participants loaded from the room server send their answers; the facilitator imports and merges them', async ({
  browser,
}) => {
  const { origin, facilitatorContext, page } = await facilitator(browser);
  const facilitatorConsole = watchConsole(page);
  await setUpWorkshop(page, 'Room kit rehearsal');
  // The link of the workshop's QR code, as a phone on the room's network opens it.
  const link = (await workshopLink(page)).replace(origin, `http://${HOST}:${room!.port}`);
  expect(link).toContain(`http://${HOST}:${room!.port}/#/join/`);

  await page.getByRole('link', { name: 'Room: who joined, who is missing' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'The room' })).toBeVisible();
  // Listening on this laptop only, so the screen says how to let the room in.
  await expect(page.getByTestId('room-local-only')).toContainText('npm run room -- --host 0.0.0.0');
  await page.getByRole('button', { name: 'Collect answers over the room’s network' }).click();
  await expect(page.getByTestId('room-collecting')).toContainText('Collecting since');

  const lan = await launchLanBrowser();
  try {
    const ana = await participant(lan);
    await joinWithLink(ana.page, link, 'Government');
    expect(await ana.page.evaluate(() => window.isSecureContext)).toBe(false);
    await answerStrategy(ana.page, 'Yes', 4);
    await send(ana.page);

    const boris = await participant(lan);
    await joinWithLink(boris.page, link, 'Academia');
    await answerStrategy(boris.page, 'No');

    // The room screen learns who joined (their notices are sealed: this device opens them).
    await expect.poll(() => roll(page, /^Government/)).toEqual(['1', '0', '0', '0', '1', '0']);
    await expect.poll(() => roll(page, /^Academia/)).toEqual(['1', '0', '0', '0', '0', '1']);
    await expect(
      page.getByTestId('room-people').getByRole('row', { name: /Academia.*Missing/ }),
    ).toBeVisible();

    await page.getByRole('button', { name: 'Import the answers received (new: 1)' }).click();
    await expect(page.getByTestId('room-imported')).toHaveText(
      'Imported: 1 added, 0 replaced by newer answers, 0 already here, 0 refused.',
    );
    expect(await roll(page, /^Government/)).toEqual(['1', '0', '0', '1', '0', '0']);

    // Boris sends; Ana changes her mind and sends again.
    await send(boris.page);
    await ana.page.getByRole('link', { name: 'Back to the answers' }).click();
    // Back where the answers stopped (the next pillar): the strategy is one step back.
    await pillarNav(ana.page, 'National strategy').click();
    await question(ana.page, /adopted a national cybersecurity strategy/)
      .getByRole('radio', { name: 'Partly' })
      .check();
    await expect(
      ana.page.getByRole('status').filter({ hasText: 'All answers saved on this device' }),
    ).toBeVisible();
    await openHandBack(ana.page);
    await expect(ana.page.getByTestId('receipt')).toContainText(
      'You changed answers since: send them again.',
    );
    await ana.page.getByRole('button', { name: 'Send again' }).click();
    await expect(ana.page.getByTestId('receipt')).toContainText('No changes since.');

    await page.getByRole('button', { name: 'Import the answers received (new: 2)' }).click();
    await expect(page.getByTestId('room-imported')).toHaveText(
      'Imported: 1 added, 1 replaced by newer answers, 0 already here, 0 refused.',
    );
    const everyone = page.getByTestId('room-roll').getByRole('row', { name: /^Everyone/ });
    await expect(everyone.getByRole('cell')).toHaveText(['2', '0', '0', '2', '0', '0']);

    // What arrived is stored on the laptop's disk, one answers file per participant.
    const workshops = await readdir(data);
    expect(await readdir(join(data, workshops[0]!, 'submissions'))).toHaveLength(2);

    await page.getByRole('link', { name: 'Back to the workshop' }).click();
    await expect(page.getByTestId('participants').getByRole('row', { name: /Room network/ })).toHaveCount(2);
    await page.getByRole('link', { name: 'Merge and discuss' }).click();
    await expect(page.getByTestId('room').getByRole('row', { name: /^Everyone/ })).toContainText('2');
    const first = page.getByTestId('discuss-questions').getByRole('listitem').first();
    await expect(first.getByRole('heading', { level: 3 })).toHaveText(
      /adopted a national cybersecurity strategy/,
    );
    // One partly and one no: shown as the split it is, not as a median of "No".
    await expect(first.getByTestId('median').first()).toHaveText('split between No and Partly');

    expect(ana.console.errors).toEqual([]);
    expect(boris.console.errors).toEqual([]);
    expect(facilitatorConsole.errors).toEqual([]);
  } finally {
    await lan.close();
    await facilitatorContext.close();
  }
});

test('a participant loaded from the room server gets the workshop’s added questionnaire with the typed code, checked on the device', async ({
  browser,
}) => {
  const { facilitatorContext, page } = await facilitator(browser);
  const facilitatorConsole = watchConsole(page);
  await page.goto('./#/questionnaires');
  await page
    .getByLabel('Questionnaire file')
    .setInputFiles(join(import.meta.dirname, '..', 'fixtures', 'questionnaires', 'national-check.json'));
  await page.getByTestId('questionnaire-preview').getByRole('button', { name: 'Add to this device' }).click();
  await expect(page.getByTestId('questionnaire-list')).toContainText('version 1.0.0');

  await page.goto('./#/workshops/new');
  await page.getByLabel('Name of the workshop').fill('National check in the room');
  await page.getByRole('radio', { name: /^National check: a questionnaire added from a file/ }).check();
  await page.getByRole('checkbox', { name: /Seal the answers/ }).setChecked(false);
  await page.getByRole('button', { name: 'Set up the workshop' }).click();
  const code = (await page.getByTestId('join-code').textContent())!.trim();
  await page.getByRole('link', { name: 'Room: who joined, who is missing' }).first().click();
  await page.getByRole('button', { name: 'Collect answers over the room’s network' }).click();
  await expect(page.getByTestId('room-collecting')).toContainText('Collecting since');

  const lan = await launchLanBrowser();
  try {
    const ana = await participant(lan);
    await ana.page.goto(`http://${HOST}:${room!.port}/#/join`);
    await ana.page.getByLabel('Workshop code').fill(code);
    await ana.page.getByRole('button', { name: 'Use this code' }).click();
    await expect(ana.page.getByTestId('questionnaire-added')).toContainText(
      'was checked on this device and added to it',
    );
    await ana.page.getByRole('radio', { name: 'Government' }).check();
    await ana.page.getByRole('button', { name: 'Join and start answering' }).click();
    await question(ana.page, /adopted a national cybersecurity strategy/)
      .getByRole('radio', { name: 'Yes' })
      .check();
    await expect(
      ana.page.getByRole('status').filter({ hasText: 'All answers saved on this device' }),
    ).toBeVisible();
    await send(ana.page);

    await page.getByRole('button', { name: 'Import the answers received (new: 1)' }).click();
    await expect(page.getByTestId('room-imported')).toHaveText(
      'Imported: 1 added, 0 replaced by newer answers, 0 already here, 0 refused.',
    );
    expect(ana.console.errors).toEqual([]);
    expect(facilitatorConsole.errors).toEqual([]);
  } finally {
    await lan.close();
    await facilitatorContext.close();
  }
});

test('answers sent before the facilitator collects are refused in words the participant can act on, then go once collecting starts', async ({
  browser,
}) => {
  const { origin, facilitatorContext, page } = await facilitator(browser);
  await setUpWorkshop(page, 'Not collecting yet');
  const link = (await workshopLink(page)).replace(origin, `http://${HOST}:${room!.port}`);

  const lan = await launchLanBrowser();
  try {
    const ana = await participant(lan);
    await joinWithLink(ana.page, link, 'Government');
    await answerStrategy(ana.page, 'Yes', 4);
    await openHandBack(ana.page);
    await ana.page.getByRole('button', { name: 'Send to the facilitator' }).click();
    // The server's own sentence is English for its log; the participant reads the app's.
    await expect(ana.page.getByTestId('send-error')).toHaveText(
      'The facilitator is not collecting this workshop’s answers over the network. Tell them, or hand your answers back as a file or QR codes.',
    );

    await page.getByRole('link', { name: 'Room: who joined, who is missing' }).first().click();
    await page.getByRole('button', { name: 'Collect answers over the room’s network' }).click();
    await expect(page.getByTestId('room-collecting')).toContainText('Collecting since');
    await ana.page.getByRole('button', { name: 'Send to the facilitator' }).click();
    await expect(ana.page.getByTestId('receipt')).toContainText(
      'The facilitator’s laptop received your answers',
    );
    await expect(ana.page.getByTestId('send-error')).toHaveCount(0);
    // The browser logs each refused request; nothing else went wrong.
    expect(ana.console.errors.filter((error) => !/status of 404/.test(error))).toEqual([]);
  } finally {
    await lan.close();
    await facilitatorContext.close();
  }
});
