/**
 * Byte-level helpers shared by the workshop formats: a checksum over canonical JSON, compression,
 * and a text encoding that fits QR codes and can be typed.
 *
 * Everything here runs without `crypto.subtle` (absent on plain-http pages): hashing is
 * @noble/hashes, randomness is `crypto.getRandomValues` (through @noble/hashes).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { base32crockford } from '@scure/base';
import canonicalize from 'canonicalize';
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

export { randomBytes };

/** RFC 8785 canonical JSON: the same data always gives the same text, whatever its key order. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('This value cannot be written as JSON');
  return text;
}

/** `sha256:` and the hex SHA-256 of the value's canonical JSON. */
export function checksumOf(value: unknown): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonicalJson(value))))}`;
}

export function sha256Bytes(bytes: Uint8Array): Uint8Array {
  return sha256(bytes);
}

export function compressText(text: string): Uint8Array {
  return deflateSync(strToU8(text), { level: 9 });
}

/**
 * @param limit Bytes the text may have once decompressed: a few kilobytes of deflate can expand
 * to gigabytes, so what comes from outside is stopped at the size its format allows.
 * @throws Error when the bytes are not a complete deflate stream, or expand past `limit`.
 */
export function decompressText(bytes: Uint8Array, limit: number): string {
  // fflate writes into the buffer given and fails when the stream would not fit in it.
  const out = new Uint8Array(limit + 1);
  const inflated = inflateSync(bytes, { out });
  if (inflated.length > limit) throw new RangeError(`More than ${limit} bytes once decompressed`);
  return strFromU8(inflated);
}

/**
 * Crockford's base32: digits and capital letters only, which QR codes store compactly
 * (alphanumeric mode) and people can type; reading ignores case, and takes O for 0 and
 * I or L for 1.
 */
export function toBase32(bytes: Uint8Array): string {
  return base32crockford.encode(bytes);
}

/** @throws Error when the text is not base32 (a typing mistake, or a cut-off code). */
export function fromBase32(text: string): Uint8Array {
  return base32crockford.decode(text.toUpperCase());
}

/** A random id of `bytes` bytes in base32, for ids that have to be short (typed or put in a QR code). */
export function shortRandomId(bytes: number): string {
  return toBase32(randomBytes(bytes));
}
