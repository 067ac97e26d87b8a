import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  assessmentFile,
  encrypt,
  EncryptionUnavailableError,
  encryptionAvailable,
  readImport,
} from '../../../src/transfer/index.ts';
import { answers, assessment, bytes, context } from './data.ts';

/** A page opened over plain http has `crypto.getRandomValues` but no `crypto.subtle`. */
afterEach(() => vi.unstubAllGlobals());

describe('on a plain-http page, without WebCrypto', () => {
  it('says encryption is unavailable instead of failing', async () => {
    const file = assessmentFile(assessment, answers, { sharing: false, now: new Date() });
    const sealed = await encrypt(JSON.stringify(file), 'correct horse battery staple', file.format);
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });

    expect(encryptionAvailable()).toBe(false);
    await expect(encrypt('{}', 'correct horse battery staple', 'baseline.backup')).rejects.toBeInstanceOf(
      EncryptionUnavailableError,
    );
    const read = await readImport(bytes(sealed), 'sealed.json', {
      ...context,
      passphrase: 'correct horse battery staple',
    });
    expect(read).toEqual({
      status: 'refused',
      problems: [
        expect.objectContaining({
          file: 'sealed.json',
          path: '$',
          code: 'import.cannotDecrypt',
          message: expect.stringMatching(/encrypted.*installed app or a page opened over https/),
        }),
      ],
    });
    // Plain files still import.
    expect((await readImport(bytes(file), 'plain.json', context)).status).toBe('ready');
  });
});
