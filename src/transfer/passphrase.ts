/**
 * What a new passphrase for an encrypted export must be. The key derivation (crypto.ts) slows a
 * guesser down; only length keeps a passphrase out of reach of one, so short ones are refused.
 */

/** Counted in characters as people type them (code points), whatever the script. */
export const PASSPHRASE_MIN_LENGTH = 10;

export interface NewPassphraseCheck {
  /** Both boxes hold the same passphrase of at least the minimum length. */
  valid: boolean;
  /** What to say under the first box; nothing while it is empty. */
  passphrase?: 'tooShort';
  /** What to say under the second box; nothing while it is empty. */
  repeat?: 'mismatch';
}

/** A new passphrase typed twice, checked as far as it has been typed. */
export function checkNewPassphrase(passphrase: string, repeat: string): NewPassphraseCheck {
  const length = [...passphrase].length;
  const longEnough = length >= PASSPHRASE_MIN_LENGTH;
  return {
    valid: longEnough && repeat === passphrase,
    ...(length > 0 && !longEnough ? { passphrase: 'tooShort' as const } : {}),
    ...(repeat.length > 0 && repeat !== passphrase ? { repeat: 'mismatch' as const } : {}),
  };
}
