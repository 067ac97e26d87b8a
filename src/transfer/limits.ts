/**
 * Limits on files read from outside, checked before any schema runs, so a hostile or broken
 * file is refused quickly and with a message, never by freezing or crashing the page.
 */
import { jsonPath, problem, type PathSegment, type Problem } from '../validation/problems.ts';

export const MAX_FILE_BYTES = 25 * 1024 * 1024;
export const MAX_DEPTH = 32;
export const MAX_STRING = 100_000;
export const MAX_NODES = 2_000_000;

/** Keys that could change the prototype of an object built from the file. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export function checkSize(bytes: number, file: string): Problem | undefined {
  return bytes > MAX_FILE_BYTES
    ? problem(file, '$', 'file.tooLarge', { size: megabytes(bytes), limit: megabytes(MAX_FILE_BYTES) })
    : undefined;
}

/**
 * Walks parsed JSON without recursion (a deeply nested file cannot overflow the stack) and
 * reports the first thing that breaks a limit: nesting, a key that could pollute objects, a
 * very long text, or too many values in all.
 */
export function checkStructure(data: unknown, file: string): Problem | undefined {
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value: data, path: [] }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (++nodes > MAX_NODES) {
      return problem(file, '$', 'file.tooManyValues', { limit: MAX_NODES });
    }
    if (typeof value === 'string' && value.length > MAX_STRING) {
      return problem(file, jsonPath(path), 'file.textTooLong', { length: value.length, limit: MAX_STRING });
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_DEPTH) {
      return problem(file, jsonPath(path), 'file.tooDeep', { limit: MAX_DEPTH });
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        return problem(file, jsonPath([...path, key]), 'file.forbiddenKey', { key });
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return undefined;
}
