/**
 * Sealing a participant's answers to the facilitator's public key, so that whoever carries the
 * file or the USB stick cannot read them. Audited libraries only (the noble family): x25519 key
 * agreement with a fresh key per message, HKDF-SHA-256, and XChaCha20-Poly1305, whose tag also
 * covers the envelope's clear fields (`associated`), so they cannot be swapped onto other answers.
 * The same construction as a libsodium sealed box, spelt out.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { base64 } from '@scure/base';

export const SEAL_SCHEME = 'x25519-hkdf-sha256-xchacha20poly1305';
const INFO = utf8ToBytes('baseline workshop answers v1');

export interface KeyPair {
  /** base64, 32 bytes: goes into the set-up. */
  publicKey: string;
  /** base64, 32 bytes: stays on the facilitator's device. */
  secretKey: string;
}

export interface Sealed {
  scheme: typeof SEAL_SCHEME;
  /** base64 of the one-time public key. */
  ephemeralKey: string;
  /** base64, 24 bytes. */
  nonce: string;
  /** base64 of the encrypted bytes and their 16-byte tag. */
  ciphertext: string;
}

export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealError';
  }
}

export function generateKeyPair(): KeyPair {
  const secret = x25519.utils.randomSecretKey();
  return { publicKey: base64.encode(x25519.getPublicKey(secret)), secretKey: base64.encode(secret) };
}

function key(shared: Uint8Array, ephemeral: Uint8Array, recipient: Uint8Array): Uint8Array {
  return hkdf(sha256, shared, concatBytes(ephemeral, recipient), INFO, 32);
}

export function seal(plain: Uint8Array, recipientPublicKey: string, associated: Uint8Array): Sealed {
  const recipient = base64.decode(recipientPublicKey);
  const ephemeralSecret = x25519.utils.randomSecretKey();
  const ephemeral = x25519.getPublicKey(ephemeralSecret);
  const shared = x25519.getSharedSecret(ephemeralSecret, recipient);
  const nonce = randomBytes(24);
  const ciphertext = xchacha20poly1305(key(shared, ephemeral, recipient), nonce, associated).encrypt(plain);
  return {
    scheme: SEAL_SCHEME,
    ephemeralKey: base64.encode(ephemeral),
    nonce: base64.encode(nonce),
    ciphertext: base64.encode(ciphertext),
  };
}

/** @throws SealError when the key is not the one the answers were sealed to, or the bytes were changed. */
export function open(sealed: Sealed, secretKey: string, associated: Uint8Array): Uint8Array {
  try {
    const secret = base64.decode(secretKey);
    const recipient = x25519.getPublicKey(secret);
    const ephemeral = base64.decode(sealed.ephemeralKey);
    const shared = x25519.getSharedSecret(secret, ephemeral);
    return xchacha20poly1305(
      key(shared, ephemeral, recipient),
      base64.decode(sealed.nonce),
      associated,
    ).decrypt(base64.decode(sealed.ciphertext));
  } catch {
    throw new SealError('the answers are sealed to another key, or were changed after sealing');
  }
}
