/**
 * A payload through real QR images and back: encoded to the GIF images the app shows, decoded
 * from their pixels by the app's reader and, to show that any phone's reader can read them, by
 * an independent one (jsQR).
 */
import jsQR from 'jsqr';
import { GifReader } from 'omggif';
import { describe, expect, it } from 'vitest';
import { collect, toChunks, type Collected } from '../../../src/workshop/chunks.ts';
import { receive } from '../../../src/workshop/importer.ts';
import { payloadFileText } from '../../../src/workshop/payload.ts';
import { qrGif } from '../../../src/workshop/qr.ts';
import { readQr, type Pixels } from '../../../src/workshop/qrDecode.ts';
import { answers, value } from '../builders.ts';
import { NOW, payloadFor, QUESTIONNAIRE, workshop } from './fixtures.ts';

function gifPixels(gif: Uint8Array): Pixels {
  const reader = new GifReader(gif);
  const data = new Uint8Array(reader.width * reader.height * 4);
  reader.decodeAndBlitFrameRGBA(0, data);
  return { width: reader.width, height: reader.height, data };
}

const longComment = 'Ministry, regulator and CIRT disagree on who leads; the draft law is stalled. '.repeat(
  12,
);

describe('answers through QR images', () => {
  it('encodes a sealed payload to several QR images and decodes it back from their pixels', () => {
    const { setup, secretKey } = workshop({ sealed: true });
    const given = answers({
      exists: value('partly'),
      level: value(2),
      people: value(140),
      notes: value(longComment),
    });
    const payload = payloadFor(setup, given);
    const chunks = toChunks(payloadFileText(payload), 300);
    expect(chunks.length).toBeGreaterThan(1);

    let collected: Collected = {};
    let completed: string | undefined;
    for (const chunk of chunks.reverse()) {
      const pixels = gifPixels(qrGif(chunk));
      const read = readQr(pixels);
      expect(read).toBe(chunk);
      expect(jsQR(new Uint8ClampedArray(pixels.data), pixels.width, pixels.height)?.data).toBe(chunk);
      const step = collect(collected, read!);
      collected = step.collected;
      if (step.event.kind === 'complete') completed = step.event.text;
    }
    expect(completed).toBeDefined();
    const outcome = receive(completed!, {
      file: 'QR codes',
      setup,
      questionnaire: QUESTIONNAIRE,
      secretKey,
      existing: () => undefined,
      via: 'qr',
      now: NOW,
    });
    expect(outcome).toMatchObject({ kind: 'added', submission: { answers: given, via: 'qr' } });
  });

  it('finds nothing in a picture without a QR code', () => {
    const blank = { width: 64, height: 64, data: new Uint8Array(64 * 64 * 4).fill(255) };
    expect(readQr(blank, { thorough: true })).toBeUndefined();
  });
});
