import { chromium, expect, test } from '@playwright/test';
import { preview, type PreviewServer } from 'vite';
import { CHROMIUM, CHROMIUM_ARGS } from '../../playwright.config.ts';
import { question, watchConsole } from './helpers.ts';
import {
  answerStrategy,
  handBackFile,
  joinWithCode,
  openHandBack,
  pasteWorkshopLink,
  setUpWorkshop,
  workshopLink,
} from './workshopHelpers.ts';

/**
 * A participant's phone or laptop that loads the app from the facilitator's laptop over the
 * room's network, by plain http: no service worker, no `crypto.subtle`, no camera. The browser
 * reaches "room.test", a LAN-style host name, which this test maps to the loopback address, so
 * the page is not a secure context (only localhost and loopback addresses count as secure) while
 * no traffic leaves the machine.
 */
const HOST = 'room.test';
let server: PreviewServer | undefined;
let origin = '';

test.beforeEach(async () => {
  server = await preview({
    logLevel: 'silent',
    preview: { host: '127.0.0.1', port: 0, strictPort: true, allowedHosts: [HOST] },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server reported no address');
  origin = url.replace('127.0.0.1', HOST).replace(/\/$/, '');
});

test.afterEach(async () => {
  await server?.close();
  server = undefined;
});

// Several people's browsers in one test: allow for a machine busy with other work.
test.slow();

test('over plain http a participant joins by typed code, answers with autosave, shows QR codes and saves a file', async ({
  page,
}) => {
  const code = await setUpWorkshop(page, 'Room without internet');
  const link = await workshopLink(page);

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${HOST} 127.0.0.1`],
  });
  try {
    const context = await browser.newContext({ acceptDownloads: true });
    const phone = await context.newPage();
    const console = watchConsole(phone);
    await phone.goto(`${origin}/#/join`);
    expect(
      await phone.evaluate(() => ({
        secure: window.isSecureContext,
        serviceWorker: 'serviceWorker' in navigator,
        subtle: typeof crypto.subtle,
        randomUUID: typeof crypto.randomUUID,
        camera: typeof navigator.mediaDevices?.getUserMedia,
      })),
    ).toEqual({
      secure: false,
      serviceWorker: false,
      subtle: 'undefined',
      randomUUID: 'undefined',
      camera: 'undefined',
    });
    await expect(phone.getByText('The camera is not available on this page.')).toBeVisible();

    await joinWithCode(phone, code, 'Civil society');
    await answerStrategy(phone, 'Partly', 3);
    await phone.reload();
    await expect(
      question(phone, /monitored and reviewed/).getByRole('radio', { name: /^Level 3/ }),
    ).toBeChecked();

    // The typed code leaves the sealing key out: the link the facilitator shared brings it.
    await openHandBack(phone);
    await pasteWorkshopLink(phone, link);
    await phone.getByRole('button', { name: 'Show the QR codes' }).click();
    await expect(phone.getByTestId('qr-code')).toBeVisible();
    await expect(phone.getByTestId('qr-count')).toHaveText(/^Code 1 of \d+$/);
    await phone.getByRole('link', { name: 'Back to the answers' }).click();
    const file = await handBackFile(phone);
    expect(console.errors).toEqual([]);

    await page.getByLabel('Answer files').setInputFiles(file);
    await expect(
      page
        .getByTestId('import-reports')
        .getByText(/^Added the answers of participant [0-9a-f]{8} \(Civil society\)/),
    ).toBeVisible();
  } finally {
    await browser.close();
  }
});
