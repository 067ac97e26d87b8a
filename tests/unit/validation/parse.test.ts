import { describe, expect, it } from 'vitest';
import { expected } from '../../../src/validation/expected.ts';
import { parseWithSchema } from '../../../src/validation/parse.ts';
import { z } from '../../../src/validation/zod.ts';

const file = 'x.json';
const problemsOf = (schema: z.ZodType, data: unknown) => {
  const parsed = parseWithSchema(schema, data, file);
  return parsed.ok ? [] : parsed.error;
};

describe('schema problems carry a code any language can word', () => {
  it('says what type was expected and what was found, as terms', () => {
    const [problem] = problemsOf(z.strictObject({ name: z.string() }), { name: [1] });
    expect(problem).toEqual({
      file,
      path: '$.name',
      code: 'schema.type',
      params: { expected: { term: 'text' }, found: { term: 'array' } },
      message: 'expected a text, found a list',
    });
  });

  it('tells a missing value, a whole number and a number that is not one apart', () => {
    const schema = z.strictObject({ a: z.string(), b: z.number().int(), c: z.number() });
    const found = problemsOf(schema, { b: 1.5, c: Number.NaN }).map(({ message }) => message);
    expect(found).toEqual([
      'expected a text, found nothing',
      'expected a whole number, found a number',
      'expected a number, found a value that is not a number',
    ]);
  });

  it('lists the values a field or a discriminator may take', () => {
    expect(problemsOf(z.enum(['legal', 'technical']), 'economic')[0]).toMatchObject({
      code: 'schema.oneOf',
      params: { values: '"legal", "technical"' },
    });
    const union = z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('value') }),
      z.strictObject({ kind: z.literal('dontKnow') }),
    ]);
    expect(problemsOf(union, { kind: 'maybe' })[0]).toMatchObject({
      path: '$.kind',
      code: 'schema.oneOf',
      message: 'expected one of "value", "dontKnow"',
    });
  });

  it('words limits on texts, lists and numbers by what they limit', () => {
    const schema = z.strictObject({
      name: z.string().min(1).max(3),
      list: z.array(z.number()).length(2),
      share: z.number().gt(0).max(1),
    });
    const codes = (data: unknown) => problemsOf(schema, data).map(({ code, params }) => ({ code, params }));
    expect(codes({ name: '', list: [1], share: 0 })).toEqual([
      { code: 'schema.emptyText', params: {} },
      { code: 'schema.itemCount', params: { count: 2 } },
      { code: 'schema.numberAbove', params: { minimum: 0 } },
    ]);
    expect(codes({ name: 'long', list: [1, 2], share: 2 })).toEqual([
      { code: 'schema.textTooLong', params: { maximum: 3 } },
      { code: 'schema.numberAtMost', params: { maximum: 1 } },
    ]);
  });

  it('names keys that are not part of the format, and the item they are in', () => {
    const schema = z.strictObject({ items: z.array(z.strictObject({ id: z.string() })) });
    expect(problemsOf(schema, { items: [{ id: 'q1', colour: 'red' }] })[0]).toEqual({
      file,
      path: '$.items[0]',
      code: 'schema.unknownKeys',
      params: { keys: '"colour"' },
      within: 'q1',
      message: 'not part of this format: "colour" (in "q1")',
    });
  });

  it('keeps the code and values of a named expectation', () => {
    const schema = z.string().regex(/^[0-9]{16}$/, expected('expected.base64Bytes', { bytes: 16 }));
    expect(problemsOf(schema, 'abc')[0]).toMatchObject({
      code: 'expected.base64Bytes',
      params: { bytes: 16 },
      message: 'expected 16 bytes in base64',
    });
  });

  it('keeps a check’s own English words when they are not a named expectation', () => {
    const schema = z.number().refine((n) => n % 2 === 0, 'expected an even number');
    expect(problemsOf(schema, 3)).toEqual([{ file, path: '$', message: 'expected an even number' }]);
  });
});
