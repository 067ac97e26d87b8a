/** QR codes as images: the facilitator's set-up and each part of a participant's answers. */
import encodeQR from 'qr';

/** Pixels per module and quiet zone (in modules) that phone and laptop cameras read reliably. */
const SCALE = 6;
const BORDER = 4;

/** A QR code of `text` as a GIF, for an `<img>` or a file to save. */
export function qrGif(text: string, scale = SCALE): Uint8Array {
  return encodeQR(text, 'gif', { ecc: 'medium', scale, border: BORDER });
}

export function qrDataUrl(text: string, scale = SCALE): string {
  return encodeQR(text, 'data-url', { ecc: 'medium', scale, border: BORDER });
}
