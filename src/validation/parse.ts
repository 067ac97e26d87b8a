import type { z } from './zod.ts';
import { enclosingId, jsonPath, type PathSegment, type Problem } from './problems.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Parses JSON text, turning a syntax error into a located problem instead of an exception. */
export function parseJsonText(text: string, file: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ file, path: '$', message: `not valid JSON (${detail})` }] };
  }
}

/** Checks `data` against a Zod schema and reports every mismatch with its JSON path. */
export function parseWithSchema<T>(schema: z.ZodType<T>, data: unknown, file: string): Parsed<T> {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      file,
      path: jsonPath(issue.path),
      message: withContext(readable(issue.message), data, issue.path),
    })),
  };
}

/**
 * Zod's messages start with "Invalid input: "; the path already says where, so keep what was
 * expected, in words rather than type names ("expected a text, found a list").
 */
function readable(message: string): string {
  return message
    .replace(/^Invalid (input|option): /, '')
    .replace(/^Invalid discriminator value\. Expected /, 'expected one of ')
    .replace(
      /\b(expected|received) (string|number|boolean|object|array|null|undefined|nonoptional)\b/g,
      (_, verb: string, type: string) =>
        `${verb === 'received' ? 'found' : verb} ${TYPE_WORDS[type] ?? type}`,
    );
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a text',
  number: 'a number',
  boolean: 'true or false',
  object: 'a group of named values ({…})',
  array: 'a list ([…])',
  null: 'null',
  undefined: 'nothing',
  nonoptional: 'a value',
};

/** Adds the id of the enclosing pillar or question, so "$.pillars[2].questions[7]" is recognisable. */
export function withContext(message: string, data: unknown, path: readonly PathSegment[]): string {
  const id = enclosingId(data, path);
  return id === undefined ? message : `${message} (in "${id}")`;
}
