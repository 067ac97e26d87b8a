/**
 * Limits on files read from outside, checked before any schema runs, so a hostile or broken
 * file is refused quickly and with a message, never by freezing or crashing the page.
 */
import { jsonPath, type PathSegment, type Problem } from '../validation/problems.ts';

export const MAX_FILE_BYTES = 25 * 1024 * 1024;
export const MAX_DEPTH = 32;
export const MAX_STRING = 100_000;
export const MAX_NODES = 2_000_000;

/** Keys that could change the prototype of an object built from the file. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export function checkSize(bytes: number, file: string): Problem | undefined {
  return bytes > MAX_FILE_BYTES
    ? {
        file,
        path: '$',
        message: `the file is ${megabytes(bytes)} MB; Baseline opens files of up to ${megabytes(MAX_FILE_BYTES)} MB`,
      }
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
      return {
        file,
        path: '$',
        message: `the file holds more than ${MAX_NODES} values; it cannot be a Baseline file`,
      };
    }
    if (typeof value === 'string' && value.length > MAX_STRING) {
      return {
        file,
        path: jsonPath(path),
        message: `a text of ${value.length} characters is longer than any Baseline file holds (at most ${MAX_STRING})`,
      };
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_DEPTH) {
      return {
        file,
        path: jsonPath(path),
        message: `values are nested more than ${MAX_DEPTH} levels deep; a Baseline file is much flatter`,
      };
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        return {
          file,
          path: jsonPath([...path, key]),
          message: `the key "${key}" is not allowed in a Baseline file`,
        };
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return undefined;
}
