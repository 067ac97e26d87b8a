/** Reading QR codes from pixels: camera frames, photos and screenshots. */
import decodeQR from 'qr/decode.js';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, as in a canvas's ImageData. */
  data: Uint8Array | Uint8ClampedArray;
}

/**
 * The text of the QR code in the picture, or `undefined` when none can be read. `thorough` tries
 * harder (photos and files); camera frames use the fast default and simply try the next frame.
 */
export function readQr(pixels: Pixels, { thorough = false } = {}): string | undefined {
  try {
    return decodeQR(pixels, thorough ? { effort: Infinity, timeLimit: Infinity } : {});
  } catch {
    return undefined;
  }
}
