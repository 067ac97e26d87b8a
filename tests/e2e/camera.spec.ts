import { chromium, expect, test } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import encodeQR from 'qr';
import { CHROMIUM, CHROMIUM_ARGS } from '../../playwright.config.ts';
import { toChunks } from '../../src/workshop/chunks.ts';
import { decodeJoinCode } from '../../src/workshop/joinCode.ts';
import { makePayload, payloadFileText } from '../../src/workshop/payload.ts';
import { watchConsole } from './helpers.ts';
import { setUpWorkshop, workshopLink } from './workshopHelpers.ts';

/**
 * The facilitator's camera, fed with a video of a participant's QR codes: Chromium's fake camera
 * plays a Y4M file in a loop, so the real path (getUserMedia, video frames, the JS reader) runs.
 */
const WIDTH = 640;
const HEIGHT = 480;
const FRAMES_PER_CODE = 6;

/** A grey-scale Y4M video showing each text as a QR code for a few frames. */
function qrVideo(texts: readonly string[]): Buffer {
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F4:1 Ip A1:1 C420jpeg\n`);
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const frames: Buffer[] = [header];
  for (const text of texts) {
    const modules = encodeQR(text, 'raw', { ecc: 'medium', border: 4 });
    const scale = Math.floor((HEIGHT - 20) / modules.length);
    const size = modules.length * scale;
    const left = Math.floor((WIDTH - size) / 2);
    const top = Math.floor((HEIGHT - size) / 2);
    const luma = Buffer.alloc(WIDTH * HEIGHT, 235);
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++)
        if (modules[Math.floor(y / scale)]![Math.floor(x / scale)]) luma[(top + y) * WIDTH + left + x] = 16;
    for (let i = 0; i < FRAMES_PER_CODE; i++) frames.push(Buffer.from('FRAME\n'), luma, chroma);
  }
  return Buffer.concat(frames);
}

// Several people's browsers in one test: allow for a machine busy with other work.
test.slow();

test('the facilitator scans a participant’s QR codes with the camera', async ({ baseURL }) => {
  const video = join(tmpdir(), `baseline-qr-${Date.now()}.y4m`);
  await writeFile(video, qrVideo(['not yet']));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  try {
    const context = await browser.newContext({ baseURL, permissions: ['camera'] });
    const page = await context.newPage();
    const console = watchConsole(page);
    await setUpWorkshop(page, 'Camera workshop', { seal: true });

    // The participant's device, in Node: the link of the workshop's QR code (with the sealing
    // key), answers, QR codes.
    const decoded = decodeJoinCode(await workshopLink(page), [{ id: 'sample', version: '1.0.0' }]);
    if (!decoded.ok) throw new Error(decoded.error);
    const at = new Date().toISOString();
    const payload = makePayload(
      {
        join: decoded.value,
        participantId: '5b0c2f4e-1d3a-4b6c-8e9f-0a1b2c3d4e5f',
        group: 'international-partners',
        answers: {
          'strategy.exists': {
            questionId: 'strategy.exists',
            response: { kind: 'value', value: 'yes' },
            updatedAt: at,
          },
          'awareness.lessons': {
            questionId: 'awareness.lessons',
            response: { kind: 'value', value: 'Radio reached villages that leaflets never did. '.repeat(20) },
            updatedAt: at,
          },
        },
        updatedAt: at,
      },
      new Date(),
    );
    const chunks = toChunks(payloadFileText(payload));
    expect(chunks.length).toBeGreaterThan(1);
    await writeFile(video, qrVideo(chunks));

    await page.getByRole('button', { name: 'Scan with the camera' }).click();
    await expect(
      page
        .getByTestId('import-reports')
        .getByText(/^Added the answers of participant 5b0c2f4e \(International partners\) from QR codes\./),
    ).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Stop the camera' }).click();
    await expect(
      page.getByTestId('participants').getByRole('row', { name: /International partners/ }),
    ).toContainText('QR codes');
    expect(console.errors).toEqual([]);
  } finally {
    await browser.close();
  }
});
