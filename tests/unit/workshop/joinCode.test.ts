import { describe, expect, it } from 'vitest';
import { decodeJoinCode, encodeJoinCode, formatJoinCode } from '../../../src/workshop/joinCode.ts';
import { createSetup, joinInfoOf } from '../../../src/workshop/setup.ts';
import { NOW, workshop } from './fixtures.ts';

const CATALOG = [
  { id: 'resolution-130', version: '1.0.0' },
  { id: 'r130', version: '1.2.0' },
];

const plain = createSetup(
  {
    name: 'Quick workshop',
    questionnaire: { id: 'r130', version: '1.2.0' },
    defaultGroups: ['government', 'private-sector', 'academia', 'civil-society', 'international-partners'],
    customGroups: [],
    anonymous: true,
  },
  NOW,
);

describe('join codes', () => {
  it('are short enough to type for a workshop with the default groups', () => {
    const code = encodeJoinCode(joinInfoOf(plain));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]+$/);
    expect(code.length).toBeLessThanOrEqual(34);
    const decoded = decodeJoinCode(code, CATALOG);
    expect(decoded).toEqual({ ok: true, join: { ...joinInfoOf(plain), name: undefined } });
    expect(decoded.ok && 'name' in decoded.join).toBe(false);
  });

  it('carry custom groups, the sealing key and, when asked, the name', () => {
    const { setup } = workshop({ sealed: true });
    const code = encodeJoinCode(joinInfoOf(setup), { withName: true });
    expect(decodeJoinCode(code, CATALOG)).toEqual({ ok: true, join: joinInfoOf(setup) });
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
