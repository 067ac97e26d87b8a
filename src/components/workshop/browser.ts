/** Browser glue for moving answers without a network: files, the share sheet, pictures of QR codes, typed codes. */
import type { Pixels } from '../../workshop/qrDecode.ts';
import { saveBlob } from '../transfer/saveFile.ts';

/** Offers text as a file: the share sheet where the device has one for files, else a download. */
export async function saveTextFile(
  fileName: string,
  text: string,
  { share = false } = {},
): Promise<'shared' | 'downloaded'> {
  const file = new File([text], fileName, { type: 'application/json' });
  if (share && typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] })) {
    await navigator.share({ files: [file], title: fileName });
    return 'shared';
  }
  saveBlob(fileName, file);
  return 'downloaded';
}

/**
 * A field for a code copied from a screen or a sheet (a join code, a link code): written left to
 * right in a fixed-width face, and no browser suggests, corrects or lower-cases what is typed.
 * The field's `type="text"` stays written on the element: with the type hidden in a bound object,
 * Vue's v-model takes the input-type-neutral directive, which puts more code on the first screen.
 */
export const CODE_FIELD = {
  dir: 'ltr',
  class: 'mono',
  autocomplete: 'off',
  autocapitalize: 'characters',
  spellcheck: 'false',
} as const;

/** Whether this page may ask for the camera: browsers offer it only on HTTPS or on this machine. */
export function canUseCamera(): boolean {
  return window.isSecureContext && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

export function canShareFiles(): boolean {
  if (typeof navigator.canShare !== 'function') return false;
  return navigator.canShare({ files: [new File(['{}'], 'test.json', { type: 'application/json' })] });
}

/** The pixels of an image file (a photo or screenshot), scaled down when very large. */
export async function imagePixels(blob: Blob, maxSide = 2000): Promise<Pixels> {
  const bitmap = await createImageBitmap(blob);
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('This browser cannot read pictures');
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return context.getImageData(0, 0, width, height);
}

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: ImageBitmapSource): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorClass = {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
};

/** The browser's own QR reader, where it has one (`BarcodeDetector`); the JS reader is used otherwise. */
export async function nativeQrDetector(): Promise<BarcodeDetectorLike | undefined> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return undefined;
  try {
    return (await Detector.getSupportedFormats()).includes('qr_code')
      ? new Detector({ formats: ['qr_code'] })
      : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the QR code in an image file, with the browser's reader or the JS one. */
export async function readQrFromImage(blob: Blob): Promise<string | undefined> {
  const native = await nativeQrDetector();
  if (native) {
    try {
      const found = await native.detect(await createImageBitmap(blob));
      if (found[0]) return found[0].rawValue;
    } catch {
      // fall through to the JS reader
    }
  }
  const { readQr } = await import('../../workshop/qrDecode.ts');
  return readQr(await imagePixels(blob), { thorough: true });
}
