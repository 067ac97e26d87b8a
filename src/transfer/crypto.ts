/**
 * Passphrase encryption of export files with the browser's WebCrypto: a 256-bit AES-GCM key
 * derived from the passphrase with PBKDF2-SHA-256 (600 000 rounds), a fresh random salt and
 * IV for every file, and every parameter written into the file so it can be opened anywhere.
 *
 * Browsers offer WebCrypto only to secure pages (https, localhost, the installed app). On a
 * plain-http page `encryptionAvailable()` is false and the interface says so instead of failing.
 */
import { fromBase64, toBase64, utf8 } from './bytes.ts';
import { ENCRYPTED_FORMAT, FILE_VERSION, MIN_ITERATIONS, type EncryptedFile } from './formats.ts';

const SALT_BYTES = 16;
const IV_BYTES = 12;

export function encryptionAvailable(): boolean {
  return typeof globalThis.crypto?.subtle?.importKey === 'function';
}

export class EncryptionUnavailableError extends Error {
  constructor() {
    super('Encryption needs Baseline installed as an app or opened over https.');
    this.name = 'EncryptionUnavailableError';
  }
}

/** The passphrase is wrong, or the file was changed after it was encrypted: GCM cannot tell which. */
export class WrongPassphraseError extends Error {
  constructor() {
    super('The passphrase is wrong, or the file was changed after it was encrypted.');
    this.name = 'WrongPassphraseError';
  }
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  if (!encryptionAvailable()) throw new EncryptionUnavailableError();
  const material = await crypto.subtle.importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function encrypt(
  plaintext: string,
  passphrase: string,
  contains: EncryptedFile['contains'],
  iterations = MIN_ITERATIONS,
): Promise<EncryptedFile> {
  if (!encryptionAvailable()) throw new EncryptionUnavailableError();
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const key = await deriveKey(passphrase, salt, iterations);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: utf8(contains) },
    key,
    utf8(plaintext),
  );
  return {
    format: ENCRYPTED_FORMAT,
    version: FILE_VERSION,
    contains,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', keyLength: 256, iv: toBase64(iv) },
    data: toBase64(new Uint8Array(data)),
  };
}

/** @throws WrongPassphraseError, EncryptionUnavailableError */
export async function decrypt(file: EncryptedFile, passphrase: string): Promise<Uint8Array> {
  const salt = fromBase64(file.kdf.salt);
  const iv = fromBase64(file.cipher.iv);
  if (salt.length !== SALT_BYTES || iv.length !== IV_BYTES) throw new WrongPassphraseError();
  const key = await deriveKey(passphrase, salt, file.kdf.iterations);
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: utf8(file.contains) },
      key,
      fromBase64(file.data),
    );
    return new Uint8Array(plain);
  } catch {
    throw new WrongPassphraseError();
  }
}
