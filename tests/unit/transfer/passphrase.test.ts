import { describe, expect, it } from 'vitest';
import { checkNewPassphrase, PASSPHRASE_MIN_LENGTH } from '../../../src/transfer/index.ts';

describe('a new passphrase typed twice', () => {
  it('says nothing while both boxes are empty, and is not yet valid', () => {
    expect(checkNewPassphrase('', '')).toEqual({ valid: false });
  });

  it('is too short under the minimum, counted in characters whatever the script', () => {
    expect(PASSPHRASE_MIN_LENGTH).toBe(10);
    expect(checkNewPassphrase('123456789', '')).toEqual({ valid: false, passphrase: 'tooShort' });
    // Ten characters of a script outside the Basic Multilingual Plane are twenty UTF-16 units.
    const astral = '𠀀'.repeat(9);
    expect(astral.length).toBe(18);
    expect(checkNewPassphrase(astral, astral)).toEqual({ valid: false, passphrase: 'tooShort' });
    expect(checkNewPassphrase('密码口令安全长度足够', '密码口令安全长度足够')).toEqual({ valid: true });
  });

  it('asks for the same passphrase twice, once the second box is typed in', () => {
    expect(checkNewPassphrase('correct horse', '')).toEqual({ valid: false });
    expect(checkNewPassphrase('correct horse', 'correct hors')).toEqual({ valid: false, repeat: 'mismatch' });
    expect(checkNewPassphrase('correct horse', 'correct horse')).toEqual({ valid: true });
  });
});
