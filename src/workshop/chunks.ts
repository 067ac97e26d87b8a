/**
 * A payload as a sequence of QR codes, and back.
 *
 * The payload's JSON is compressed (deflate) and written in base32, which QR codes store in
 * their compact alphanumeric mode, then cut into parts small enough for a phone screen and a
 * laptop camera. Each part reads `BLA1:<part>/<count>:<transfer>:<data>`: the transfer id (from
 * a hash of the whole) keeps parts of different participants apart when they are scanned in
 * any order, interleaved, or twice.
 */
import { compressText, decompressText, fromBase32, sha256Bytes, toBase32 } from './encoding.ts';
import { MAX_PAYLOAD_BYTES } from './payload.ts';

export const CHUNK_PREFIX = 'BLA1';
/** Characters of data per code: about a version-14 QR code at medium error correction. */
export const CHUNK_DATA_LENGTH = 560;
const MAX_PARTS = 99;
/** The longest text a scanned code may carry (the largest QR code holds 4,296 characters). */
const MAX_SCANNED_LENGTH = 4_296;

const PATTERN = /^BLA1:(\d{1,2})\/(\d{1,2}):([0-9A-HJKMNP-TV-Z]{8}):([0-9A-HJKMNP-TV-Z]+)$/;

export interface Chunk {
  transfer: string;
  part: number;
  count: number;
  data: string;
}

/** The texts of the QR codes that carry `text` (a payload's JSON). */
export function toChunks(text: string, dataLength = CHUNK_DATA_LENGTH): string[] {
  const bytes = compressText(text);
  const data = toBase32(bytes);
  const transfer = toBase32(sha256Bytes(bytes).slice(0, 5));
  const count = Math.max(1, Math.ceil(data.length / dataLength));
  if (count > MAX_PARTS)
    throw new RangeError(`Too much to show as QR codes (${count} codes); save a file instead.`);
  return Array.from(
    { length: count },
    (_, index) =>
      `${CHUNK_PREFIX}:${index + 1}/${count}:${transfer}:${data.slice(index * dataLength, (index + 1) * dataLength)}`,
  );
}

/** The part a scanned text carries, or `undefined` when it is not one of ours. */
export function parseChunk(text: string): Chunk | undefined {
  // A QR code holds at most a few thousand characters: anything longer is not one of ours.
  if (text.length > MAX_SCANNED_LENGTH) return undefined;
  const match = PATTERN.exec(text.trim());
  if (!match) return undefined;
  const [, part, count, transfer, data] = match as unknown as [string, string, string, string, string];
  const chunk = { part: Number(part), count: Number(count), transfer, data };
  return chunk.part >= 1 && chunk.part <= chunk.count ? chunk : undefined;
}

/** Parts received so far, by transfer. Plain data, so a screen can keep it in its state. */
export type Collected = Readonly<Record<string, { count: number; parts: Readonly<Record<number, string>> }>>;

export type ScanEvent =
  | { kind: 'notOurs' }
  | { kind: 'part'; transfer: string; part: number; count: number; received: number; repeated: boolean }
  | { kind: 'complete'; transfer: string; text: string }
  | { kind: 'damaged'; transfer: string };

/**
 * Adds one scanned text to what was collected. When the last part of a transfer arrives, the
 * transfer leaves the collection and its text (the payload's JSON) comes back in the event.
 */
export function collect(collected: Collected, scanned: string): { collected: Collected; event: ScanEvent } {
  const chunk = parseChunk(scanned);
  if (!chunk) return { collected, event: { kind: 'notOurs' } };
  const current = collected[chunk.transfer];
  // A different count under the same transfer id cannot come from one payload: start over.
  const parts = current && current.count === chunk.count ? current.parts : {};
  const repeated = Object.hasOwn(parts, chunk.part);
  const next = { count: chunk.count, parts: { ...parts, [chunk.part]: chunk.data } };
  const received = Object.keys(next.parts).length;
  if (received < chunk.count) {
    return {
      collected: { ...collected, [chunk.transfer]: next },
      event: {
        kind: 'part',
        transfer: chunk.transfer,
        part: chunk.part,
        count: chunk.count,
        received,
        repeated,
      },
    };
  }
  const rest = Object.fromEntries(
    Object.entries(collected).filter(([transfer]) => transfer !== chunk.transfer),
  );
  const text = assemble(chunk.transfer, next.parts, chunk.count);
  return {
    collected: rest,
    event:
      text === undefined
        ? { kind: 'damaged', transfer: chunk.transfer }
        : { kind: 'complete', transfer: chunk.transfer, text },
  };
}

function assemble(
  transfer: string,
  parts: Readonly<Record<number, string>>,
  count: number,
): string | undefined {
  try {
    const data = Array.from({ length: count }, (_, index) => parts[index + 1] ?? '').join('');
    const bytes = fromBase32(data);
    if (toBase32(sha256Bytes(bytes).slice(0, 5)) !== transfer) return undefined;
    return decompressText(bytes, MAX_PAYLOAD_BYTES);
  } catch {
    return undefined;
  }
}

/** Which parts of a transfer are still missing (1-based), for "scan code 3 again". */
export function missingParts(collected: Collected, transfer: string): number[] {
  const entry = collected[transfer];
  if (!entry) return [];
  return Array.from({ length: entry.count }, (_, index) => index + 1).filter(
    (part) => !Object.hasOwn(entry.parts, part),
  );
}
