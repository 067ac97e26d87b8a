import { describe, expect, it } from 'vitest';
import { decodeJoinCode, encodeJoinCode, formatJoinCode } from '../../../src/workshop/joinCode.ts';
import { generateKeyPair } from '../../../src/workshop/seal.ts';
import { fromBase32, sha256Bytes, toBase32 } from '../../../src/workshop/encoding.ts';
import { createSetup, joinInfoOf } from '../../../src/workshop/setup.ts';
import { NOW, workshop } from './fixtures.ts';

const CATALOG = [
  { id: 'resolution-130', version: '1.0.0' },
  { id: 'r130', version: '1.2.0' },
];

const plainInput = {
  name: 'Quick workshop',
  questionnaire: { id: 'r130', version: '1.2.0' },
  defaultGroups: ['government', 'private-sector', 'academia', 'civil-society', 'international-partners'],
  customGroups: [],
  anonymous: true,
};
const plain = createSetup(plainInput, NOW);

describe('join codes', () => {
  it('are short enough to type for a workshop with the default groups', () => {
    const code = encodeJoinCode(joinInfoOf(plain));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]+$/);
    expect(code).toHaveLength(24);
    const decoded = decodeJoinCode(code, CATALOG);
    expect(decoded).toEqual({ ok: true, value: { ...joinInfoOf(plain), name: undefined } });
    expect(decoded.ok && 'name' in decoded.value).toBe(false);
  });

  it('stay as short for a sealed workshop: the key travels in the link and the QR code only', () => {
    const setup = createSetup({ ...plainInput, anonymous: false, sealTo: generateKeyPair().publicKey }, NOW);
    const typed = encodeJoinCode(joinInfoOf(setup));
    expect(typed).toHaveLength(24);
    const { sealTo: _key, name: _name, ...rest } = joinInfoOf(setup);
    expect(decodeJoinCode(typed, CATALOG)).toEqual({ ok: true, value: { ...rest, keyPending: true } });
    // The typed code of a device still waiting for the key is the code the room server expects.
    expect(encodeJoinCode({ ...rest, keyPending: true })).toBe(typed);
  });

  it('carry custom groups, and in a link the sealing key and the name', () => {
    const { setup } = workshop({ sealed: true });
    const link = encodeJoinCode(joinInfoOf(setup), { full: true });
    expect(decodeJoinCode(link, CATALOG)).toEqual({ ok: true, value: joinInfoOf(setup) });
    const typed = encodeJoinCode(joinInfoOf(setup));
    expect(typed.length).toBeLessThan(link.length - 50);
    const decoded = decodeJoinCode(typed, CATALOG);
    expect(decoded.ok && decoded.value.groups).toEqual(setup.groups);
  });

  it('refuse a code of an older format or a newer one, and contradicting flags', () => {
    const code = encodeJoinCode(joinInfoOf(plain));
    const bytes = fromBase32(code);
    const remade = (change: (body: Uint8Array) => void) => {
      const body = bytes.slice(0, -2);
      change(body);
      const all = new Uint8Array(body.length + 2);
      all.set(body);
      all.set(sha256Bytes(body).slice(0, 2), body.length);
      return toBase32(all);
    };
    expect(
      decodeJoinCode(
        remade((body) => (body[0] = 3)),
        CATALOG,
      ),
    ).toEqual({
      ok: false,
      error: 'newerVersion',
    });
    expect(
      decodeJoinCode(
        remade((body) => (body[0] = 0x95)),
        CATALOG,
      ),
    ).toEqual({
      ok: false,
      error: 'malformed',
    });
    // "More follows" with nothing after it; no group at all.
    expect(
      decodeJoinCode(
        remade((body) => (body[12]! |= 0x80)),
        CATALOG,
      ).ok,
    ).toBe(false);
    expect(
      decodeJoinCode(
        remade((body) => (body[12]! &= 0xe0)),
        CATALOG,
      ).ok,
    ).toBe(false);
  });

  it('are read however they were typed: groups of four, lower case, spaces, or inside a link', () => {
    const code = encodeJoinCode(joinInfoOf(plain));
    const expected = decodeJoinCode(code, CATALOG);
    expect(formatJoinCode('ABCDEFGHJK')).toBe('ABCD-EFGH-JK');
    expect(decodeJoinCode(formatJoinCode(code).toLowerCase(), CATALOG)).toEqual(expected);
    expect(decodeJoinCode(` ${formatJoinCode(code).replace(/-/g, ' ')} `, CATALOG)).toEqual(expected);
    expect(decodeJoinCode(`http://192.168.1.10:4173/#/join/${code}`, CATALOG)).toEqual(expected);
  });

  it('catch a typing mistake', () => {
    const code = encodeJoinCode(joinInfoOf(plain));
    const wrong = code.slice(0, 5) + (code[5] === 'A' ? 'B' : 'A') + code.slice(6);
    expect(decodeJoinCode(wrong, CATALOG)).toEqual({ ok: false, error: 'mistyped' });
    expect(decodeJoinCode(code.slice(0, -3), CATALOG).ok).toBe(false);
    expect(decodeJoinCode('hello', CATALOG)).toEqual({ ok: false, error: 'malformed' });
    expect(decodeJoinCode('UUUUUUUUUU', CATALOG)).toEqual({ ok: false, error: 'mistyped' });
  });

  it('say when this app does not have the workshop’s questionnaire', () => {
    const code = encodeJoinCode(joinInfoOf(plain));
    expect(decodeJoinCode(code, [{ id: 'r130', version: '1.3.0' }])).toEqual({
      ok: false,
      error: 'unknownQuestionnaire',
    });
  });
});
