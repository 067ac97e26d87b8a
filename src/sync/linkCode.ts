/**
 * Link codes: ten characters of Crockford base32 (50 random bits), shown as `ABCDE-FGHJK`. Read
 * back forgivingly: case, spaces and dashes do not matter, and the letters people confuse with
 * digits (I, L, O) are read as the digits. A code is single use, lives minutes, and the server
 * limits tries, so 50 bits are far beyond guessing.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const LINK_CODE_LENGTH = 10;

/** A new code from random bytes (the server's `crypto.randomBytes`, or the browser's). */
export function linkCodeFrom(random: Uint8Array): string {
  if (random.length < LINK_CODE_LENGTH) throw new Error('A link code needs 10 random bytes');
  return Array.from(random.subarray(0, LINK_CODE_LENGTH), (byte) => ALPHABET[byte & 31]).join('');
}

/** The code as typed, made canonical; undefined when it cannot be a code. */
export function normaliseLinkCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return code.length === LINK_CODE_LENGTH && [...code].every((char) => ALPHABET.includes(char))
    ? code
    : undefined;
}

/** `ABCDE-FGHJK`, for showing. */
export const formatLinkCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

/** The app's address that opens the link screen with the code filled in (what the QR code holds). */
export function linkAddress(appUrl: string, code: string): string {
  const base = appUrl.split('#')[0]!;
  return `${base}#/link/${formatLinkCode(code)}`;
}
