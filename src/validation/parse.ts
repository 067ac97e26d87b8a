import type { z } from './zod.ts';
import { expectationOf } from './expected.ts';
import { quotedList, type ProblemCode, type ProblemParams, type ProblemTerm } from './messages.ts';
import { enclosingId, jsonPath, problem, withinMessage, type Parsed } from './problems.ts';
import { DEFAULT_LIMITS, readJson, type GuardOptions, type InputLimits } from './guard.ts';

export type { Parsed } from './problems.ts';

/** At most this many problems are reported for one file. */
export const MAX_PROBLEMS = 100;

/**
 * Parses JSON text from outside through the structural guard (`guard.ts`): size, nesting and
 * the structure are checked around the parser, and a syntax error is a located problem
 * instead of an exception. Each path passes its own limits.
 */
export function parseJsonText(
  text: string,
  file: string,
  limits: InputLimits = DEFAULT_LIMITS,
  options?: GuardOptions,
): Parsed<unknown> {
  return readJson(text, file, limits, options);
}

/** Checks `data` against a Zod schema and reports every mismatch with its JSON path. */
export function parseWithSchema<T>(schema: z.ZodType<T>, data: unknown, file: string): Parsed<T> {
  // The input is kept on each issue only to say what type was found instead.
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    // A person reads the first ones; the rest would only slow the page that lists them.
    error: result.error.issues.slice(0, MAX_PROBLEMS).map((issue) => {
      const path = jsonPath(issue.path);
      const within = enclosingId(data, issue.path);
      const named = expectationOf(issue.message);
      // A check of a script's own file, with its own words: English only, as written.
      if (!named && issue.code === 'custom')
        return { file, path, message: withinMessage(issue.message, within) };
      const { code, params } = named ?? describeIssue(issue);
      return problem(file, path, code, params, within);
    }),
  };
}

type Described = { code: ProblemCode; params?: ProblemParams };

/** What Zod found, as a code and values a person can read in any language ("expected a text, found a list"). */
function describeIssue(issue: z.core.$ZodIssue): Described {
  switch (issue.code) {
    case 'invalid_type':
      return {
        code: 'schema.type',
        params: { expected: { term: expectedTerm(issue.expected) }, found: { term: foundTerm(issue.input) } },
      };
    case 'invalid_value':
      return issue.values.length === 1
        ? { code: 'schema.value', params: { value: quotedList(issue.values) } }
        : { code: 'schema.oneOf', params: { values: quotedList(issue.values) } };
    case 'too_small':
      return sizeIssue(issue.origin, 'minimum', Number(issue.minimum), issue.inclusive, issue.exact);
    case 'too_big':
      return sizeIssue(issue.origin, 'maximum', Number(issue.maximum), issue.inclusive, issue.exact);
    case 'unrecognized_keys':
      return { code: 'schema.unknownKeys', params: { keys: quotedList(issue.keys) } };
    case 'invalid_key':
      return { code: 'schema.badKey', params: { key: JSON.stringify(issue.path.at(-1) ?? '') } };
    case 'invalid_union':
      // A discriminated union names the values its key may take; a plain union only its forms.
      return 'options' in issue && Array.isArray(issue.options)
        ? { code: 'schema.oneOf', params: { values: quotedList(issue.options) } }
        : { code: 'schema.form' };
    case 'invalid_format':
      return { code: 'schema.textForm' };
    case 'invalid_element':
    case 'not_multiple_of':
    case 'custom':
      return { code: 'schema.other' };
  }
}

function sizeIssue(
  origin: string,
  bound: 'minimum' | 'maximum',
  limit: number,
  inclusive = true,
  exact = false,
): Described {
  if (origin === 'array' || origin === 'set') {
    if (exact) return { code: 'schema.itemCount', params: { count: limit } };
    return bound === 'minimum'
      ? { code: 'schema.tooFewItems', params: { minimum: limit } }
      : { code: 'schema.tooManyItems', params: { maximum: limit } };
  }
  if (origin === 'string') {
    if (bound === 'minimum' && limit === 1) return { code: 'schema.emptyText' };
    return bound === 'minimum'
      ? { code: 'schema.textTooShort', params: { minimum: limit } }
      : { code: 'schema.textTooLong', params: { maximum: limit } };
  }
  if (bound === 'minimum')
    return { code: inclusive ? 'schema.numberAtLeast' : 'schema.numberAbove', params: { minimum: limit } };
  return { code: inclusive ? 'schema.numberAtMost' : 'schema.numberBelow', params: { maximum: limit } };
}

const EXPECTED_TERMS: Readonly<Record<string, ProblemTerm>> = {
  string: 'text',
  number: 'number',
  int: 'wholeNumber',
  boolean: 'boolean',
  object: 'object',
  record: 'object',
  array: 'array',
  tuple: 'array',
  null: 'null',
};

function expectedTerm(expected: string): ProblemTerm {
  return EXPECTED_TERMS[expected] ?? 'value';
}

function foundTerm(input: unknown): ProblemTerm {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number') {
    if (Number.isNaN(input)) return 'notANumber';
    if (!Number.isFinite(input)) return 'infinity';
  }
  return EXPECTED_TERMS[typeof input] ?? 'value';
}
