import { afterEach, describe, expect, it, vi } from 'vitest';
import { readJson, type InputLimits } from '../../../src/validation/guard.ts';

const LIMITS: InputLimits = { bytes: 1_000_000, depth: 8, members: 3, items: 4, values: 20, text: 100 };

describe('the structural guard, on the text before it is parsed', () => {
  afterEach(() => vi.restoreAllMocks());

  it('refuses a list or an object wider than its limit unparsed, naming where it is', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const list = readJson('{"a": {"b c": [0, [1,2], "x,y", {}, null]}}', 'x.json', LIMITS);
    expect(list).toMatchObject({
      ok: false,
      error: [{ path: '$.a["b c"]', code: 'file.tooManyItems', params: { count: 5, limit: 4 } }],
    });
    const object = readJson('[1, {"k": 1, "l": "}", "m": [], "n": {}}]', 'x.json', LIMITS);
    expect(object).toMatchObject({
      ok: false,
      error: [{ path: '$[1]', code: 'file.tooManyMembers', params: { count: 4, limit: 3 } }],
    });
    expect(parse).not.toHaveBeenCalled();
  });

  it('counts every value, and takes empty containers and texts with brackets for what they are', () => {
    expect(readJson('[[], {}, "[[[,,,]]]", [[[]]]]', 'x.json', LIMITS)).toMatchObject({ ok: true });
    const many = `[${Array.from({ length: 5 }, () => '[1,2,3]').join(',')}]`;
    expect(readJson(many, 'x.json', LIMITS)).toMatchObject({
      ok: false,
      error: [{ path: '$', code: 'file.tooManyItems' }],
    });
    const deepValues = `[${Array.from({ length: 4 }, () => '[1,2,[3,4]]').join(',')}]`;
    expect(readJson(deepValues, 'x.json', LIMITS)).toMatchObject({
      ok: false,
      error: [{ code: 'file.tooManyValues', params: { limit: 20 } }],
    });
  });

  it('leaves what is not JSON to the parser', () => {
    expect(readJson('[1, 2,, ]]]', 'x.json', LIMITS)).toMatchObject({
      ok: false,
      error: [{ code: 'file.notJson' }],
    });
  });
});
