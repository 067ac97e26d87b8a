/**
 * The structural guard: the first check on everything that comes in from outside (an imported
 * assessment or backup, a participant's answers by file, QR codes or the room's network, a
 * weight profile, a workshop set-up, a join code, a request to the room server). It runs before
 * any schema, so every path refuses the same hostile shapes the same way, and no later step
 * meets input that could exhaust it:
 *
 * - size in bytes, and nesting depth counted on the raw text before it is parsed (parsing a
 *   text nested millions deep takes seconds);
 * - then, walking the parsed value without recursion: depth, members of one object, items of
 *   one list, values in all, characters of one text; keys that could change an object's
 *   prototype (`__proto__`, `constructor`, `prototype`); texts (and keys) that are not
 *   well-formed Unicode (a lone UTF-16 surrogate cannot be hashed or stored faithfully);
 *   numbers that are not finite (JSON's `1e400` reads as Infinity).
 *
 * The limits bound the work of everything after (the schema library recurses per value and
 * collects one issue per bad member: tens of thousands of members overflowed its stack). Each
 * path passes its own limits; refusals are located, translated problems, never exceptions.
 */
import { jsonPath, problem, type Parsed, type PathSegment, type Problem } from './problems.ts';

export interface InputLimits {
  /** UTF-8 bytes of the text. */
  bytes: number;
  /** Levels of nesting (the top-level value is at depth 0). */
  depth: number;
  /** Members of one object. */
  members: number;
  /** Items of one list. */
  items: number;
  /** Values in all. */
  values: number;
  /** Characters (UTF-16 code units) of one text or key. */
  text: number;
}

/**
 * For JSON with no limits of its own (questionnaires): a file of a few megabytes at most,
 * whose schema then holds each field to its own bounds.
 */
export const DEFAULT_LIMITS: InputLimits = {
  bytes: 25 * 1024 * 1024,
  depth: 32,
  members: 10_000,
  items: 100_000,
  values: 1_000_000,
  text: 100_000,
};

/** Keys that could change the prototype of an object built from the input. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** The default size refusal; a path with its own words for "too large" passes `tooLarge`. */
export function fileTooLarge(file: string, bytes: number, limit: number): Problem {
  return problem(file, '$', 'file.tooLarge', { size: megabytes(bytes), limit: megabytes(limit) });
}

export interface GuardOptions {
  /** The refusal of a text over `limits.bytes`. */
  tooLarge?: (bytes: number) => Problem;
}

/** UTF-8 length of a text, counted without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Nesting that the parser handles in milliseconds: deeper than this (millions of levels take it
 * seconds) the text is refused unparsed; up to it, the walk of the parsed value says where.
 */
const TEXT_DEPTH = 10_000;

/** The longest key kept to name where a problem is (a hostile key can be megabytes). */
const PATH_KEY_LENGTH = 200;

/**
 * Size, nesting, members, items and values of a JSON text, before it is parsed: the parser
 * spends seconds on a 25 MB object of two million members, which the walk of the parsed value
 * would refuse only afterwards. Counted outside strings in one pass; the first container over
 * its limit is named by its path (keys as written in the text). The text need not be valid
 * JSON (the parser says what is wrong with it).
 */
export function guardJsonText(
  text: string,
  file: string,
  limits: InputLimits,
  options: GuardOptions = {},
): Problem | undefined {
  // A UTF-16 unit is at most 3 bytes of UTF-8: only texts near the limit are counted exactly.
  if (text.length > limits.bytes || text.length * 3 > limits.bytes) {
    const bytes = text.length > limits.bytes ? Math.max(text.length, limits.bytes + 1) : utf8Length(text);
    if (bytes > limits.bytes) return options.tooLarge?.(bytes) ?? fileTooLarge(file, bytes, limits.bytes);
  }
  // One entry per open container: is it an object, its commas so far, has it anything, the
  // last key read in it (objects).
  const objects: boolean[] = [];
  const commas: number[] = [];
  const filled: boolean[] = [];
  const keys: string[] = [];
  let values = 1;
  let inString = false;
  /** Where the key being read starts (-1: the string being read is no key). */
  let keyStart = -1;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (inString) {
      if (unit === 0x5c)
        i++; // backslash: the next unit is escaped
      else if (unit === 0x22) {
        inString = false;
        if (keyStart >= 0)
          keys[keys.length - 1] = text.slice(keyStart, Math.min(i, keyStart + PATH_KEY_LENGTH));
        keyStart = -1;
      }
      continue;
    }
    if (unit === 0x20 || unit === 0x0a || unit === 0x0d || unit === 0x09) continue;
    const top = objects.length - 1;
    if (unit === 0x5d || unit === 0x7d) {
      if (top < 0) continue; // unbalanced: the parser says so
      const entries = filled[top]! ? commas[top]! + 1 : 0;
      const object = objects[top]!;
      if (entries > (object ? limits.members : limits.items)) {
        const at = jsonPath(
          objects.slice(0, top).map((isObject, level) => (isObject ? keys[level]! : commas[level]!)),
        );
        return object
          ? problem(file, at, 'file.tooManyMembers', { count: entries, limit: limits.members })
          : problem(file, at, 'file.tooManyItems', { count: entries, limit: limits.items });
      }
      values += entries;
      objects.pop();
      commas.pop();
      filled.pop();
      keys.pop();
      expectKey = false;
      continue;
    }
    if (top >= 0) filled[top] = true;
    if (unit === 0x22) {
      inString = true;
      if (expectKey) keyStart = i + 1;
      expectKey = false;
    } else if (unit === 0x5b || unit === 0x7b) {
      if (objects.length >= TEXT_DEPTH) return problem(file, '$', 'file.tooDeep', { limit: limits.depth });
      objects.push(unit === 0x7b);
      commas.push(0);
      filled.push(false);
      keys.push('');
      expectKey = unit === 0x7b;
    } else if (unit === 0x2c && top >= 0) {
      // A container over its limit is refused at its end, where its count is known.
      commas[top]!++;
      expectKey = objects[top]!;
    } else expectKey = false;
  }
  // After the whole text: a container over its own limit is the more telling problem.
  return values > limits.values
    ? problem(file, '$', 'file.tooManyValues', { limit: limits.values })
    : undefined;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a text is well-formed Unicode (no lone UTF-16 surrogate). */
export function isWellFormedText(text: string): boolean {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  return typeof native === 'function' ? native.call(text) : !LONE_SURROGATE.test(text);
}

interface Frame {
  /** The key of this container in its parent (unused for the top level). */
  key: PathSegment;
  container: Record<string, unknown> | unknown[];
  keys: string[] | undefined;
  next: number;
}

/**
 * Walks a parsed value (JSON, or MessagePack with byte arrays as leaves) without recursion and
 * returns the first thing that breaks `limits`, located by its JSON path.
 */
export function guardValue(value: unknown, file: string, limits: InputLimits): Problem | undefined {
  const stack: Frame[] = [];
  /** The path of the value being visited: the keys of the containers it is in, then its own. */
  const at = (key?: PathSegment) => {
    const segments = stack.slice(1).map((frame) => frame.key);
    return jsonPath(key === undefined ? segments : [...segments, key]);
  };
  let values = 0;

  /** Checks one value and, when it is a container, enters it. */
  const visit = (item: unknown, key: PathSegment | undefined): Problem | undefined => {
    if (++values > limits.values) return problem(file, '$', 'file.tooManyValues', { limit: limits.values });
    if (typeof item === 'string') {
      if (item.length > limits.text)
        return problem(file, at(key), 'file.textTooLong', { length: item.length, limit: limits.text });
      if (!isWellFormedText(item)) return problem(file, at(key), 'file.brokenText');
      return undefined;
    }
    if (typeof item === 'number') {
      return Number.isFinite(item) ? undefined : problem(file, at(key), 'file.notFinite');
    }
    if (item === null || typeof item !== 'object' || ArrayBuffer.isView(item)) return undefined;
    if (stack.length >= limits.depth) return problem(file, at(key), 'file.tooDeep', { limit: limits.depth });
    const frame: Frame = {
      key: key ?? '$',
      container: item as Frame['container'],
      keys: undefined,
      next: 0,
    };
    if (Array.isArray(item)) {
      if (item.length > limits.items)
        return problem(file, at(key), 'file.tooManyItems', { count: item.length, limit: limits.items });
    } else {
      const keys = Object.keys(item);
      if (keys.length > limits.members)
        return problem(file, at(key), 'file.tooManyMembers', { count: keys.length, limit: limits.members });
      stack.push(frame);
      for (const name of keys) {
        if (FORBIDDEN_KEYS.has(name)) return problem(file, at(name), 'file.forbiddenKey', { key: name });
        if (name.length > limits.text)
          return problem(file, at(), 'file.textTooLong', { length: name.length, limit: limits.text });
        if (!isWellFormedText(name)) return problem(file, at(), 'file.brokenText');
      }
      stack.pop();
      frame.keys = keys;
    }
    stack.push(frame);
    return undefined;
  };

  const first = visit(value, undefined);
  if (first) return first;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const length = frame.keys ? frame.keys.length : (frame.container as unknown[]).length;
    if (frame.next >= length) {
      stack.pop();
      continue;
    }
    const index = frame.next++;
    const key: PathSegment = frame.keys ? frame.keys[index]! : index;
    const child = frame.keys
      ? (frame.container as Record<string, unknown>)[key as string]
      : (frame.container as unknown[])[index];
    const found = visit(child, key);
    if (found) return found;
  }
  return undefined;
}

/** Reads JSON from outside (text or a file's bytes) as `file`, held to `limits`. */
type JsonReader<Input> = (
  input: Input,
  file: string,
  limits: InputLimits,
  options?: GuardOptions,
) => Parsed<unknown>;

const refusedFor = (found: Problem): Parsed<never> => ({ ok: false, error: [found] });

/**
 * The one reader of JSON text from outside: size and nesting, then the parser (a syntax error is
 * a located problem), then the structure. Only what passes reaches a schema.
 */
export const readJson: JsonReader<string> = (text, file, limits, options = {}) => {
  const raw = guardJsonText(text, file, limits, options);
  if (raw) return refusedFor(raw);
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refusedFor(problem(file, '$', 'file.notJson', { detail }));
  }
  const structure = guardValue(value, file, limits);
  return structure ? refusedFor(structure) : { ok: true, value };
};

/** Strict UTF-8: undefined for bytes that are not text (a picture, a spreadsheet, a zip). */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** `readJson` for the bytes of a file: its size first, then UTF-8, then the rest. */
export const readJsonBytes: JsonReader<Uint8Array> = (bytes, file, limits, options = {}) => {
  if (bytes.length > limits.bytes)
    return refusedFor(options.tooLarge?.(bytes.length) ?? fileTooLarge(file, bytes.length, limits.bytes));
  const text = decodeUtf8(bytes);
  if (text === undefined) return refusedFor(problem(file, '$', 'file.notText'));
  return readJson(text, file, limits, options);
};
