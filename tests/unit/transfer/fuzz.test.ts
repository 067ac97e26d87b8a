/**
 * Thousands of generated malformed, truncated, oversized and hostile files go through the
 * importer. Every one must be refused with located messages, and the stored data must be
 * exactly as before. The generator is seeded: a failure prints the seed and the path that
 * reproduce it (set FUZZ_SEED to try other seeds).
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  closeDatabase,
  listAssessments,
  loadAllAnswers,
  putAssessment,
  saveAnswer,
  storeImport,
} from '../../../src/storage/index.ts';
import {
  assessmentFile,
  backupFile,
  encrypt,
  importWrites,
  readImport,
  utf8,
} from '../../../src/transfer/index.ts';
import { answers, assessment, context } from './data.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20260301);
const NOW = new Date('2026-03-01T12:00:00.000Z');
const PASSPHRASE = 'fuzzing passphrase';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const single = JSON.parse(
  JSON.stringify(assessmentFile(assessment, answers, { sharing: false, now: NOW })),
) as Json;
const backup = JSON.parse(
  JSON.stringify(
    backupFile(
      [
        { assessment, answers },
        { assessment: { ...assessment, id: 'second' }, answers },
      ],
      NOW,
    ),
  ),
) as Json;
let encrypted: Json;

/** Property names the formats know: adding one of these might make a valid file, so they are not "unknown". */
const KNOWN_KEYS = new Set(
  '$schema format version exportedAt sharing assessment assessments answers id name questionnaire preparedBy createdAt updatedAt questionId response comment commentAccess evidence reference access kind value contains kdf cipher hash iterations salt keyLength iv data'.split(
    ' ',
  ),
);
const OPTIONAL_KEYS = new Set(['$schema', 'preparedBy', 'response', 'comment', 'commentAccess', 'evidence']);

function nodes(root: Json): { path: Path; value: Json }[] {
  const found: { path: Path; value: Json }[] = [];
  const visit = (value: Json, path: Path) => {
    found.push({ path, value });
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, i]));
    else if (value !== null && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
  };
  visit(root, []);
  return found;
}

const clone = (value: Json): Json => JSON.parse(JSON.stringify(value)) as Json;
const kindOf = (value: Json) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

function setAt(root: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const copy = clone(root);
  let node = copy as Record<string | number, Json>;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, Json>;
  Object.defineProperty(node, path[path.length - 1]!, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

/** Arrays and objects alternately, `depth` levels deep, as JSON text. */
function nested(depth: number): string {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += i % 2 ? '[' : '{"a":';
    close = (i % 2 ? ']' : '}') + close;
  }
  return `${open}1${close}`;
}

const valueOfKind = (kind: string): fc.Arbitrary<Json> =>
  ({
    null: fc.constant(null),
    boolean: fc.boolean(),
    number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
    string: fc.string({ maxLength: 30 }),
    array: fc.array(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, { maxLength: 4 }),
    object: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, {
      maxKeys: 3,
    }),
  })[kind]!;

const KINDS = ['null', 'boolean', 'number', 'string', 'array', 'object'];

/** Hostile and broken variants of a valid file (each certainly invalid). */
function mutations(file: () => Json): fc.Arbitrary<{ kind: string; text: string }> {
  const all = () => nodes(file());
  const pick = <T>(items: () => T[]) => fc.nat().map((n) => items()[n % items().length]!);
  const text = (kind: string, value: Json) => ({ kind, text: JSON.stringify(value) });

  const truncated = fc.nat().map((n) => {
    const full = JSON.stringify(file());
    return { kind: 'truncated', text: full.slice(0, n % full.length) };
  });
  const retyped = pick(() => all().filter(({ path }) => path.length > 0)).chain(({ path, value }) =>
    fc
      .constantFrom(...KINDS.filter((kind) => kind !== kindOf(value)))
      .chain(valueOfKind)
      .map((replacement) => text(`retyped ${path.join('.')}`, setAt(file(), path, replacement))),
  );
  const objects = () => all().filter(({ value }) => kindOf(value) === 'object');
  const unknownKey = fc
    .tuple(pick(objects), fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }))
    .filter(([node, key]) => !KNOWN_KEYS.has(key) && !(key in (node.value as object)))
    .map(([node, key, value]) =>
      text(`unknown key ${key}`, setAt(file(), [...node.path, key], value as Json)),
    );
  const missingKey = pick(() =>
    objects().flatMap(({ path, value }) =>
      Object.keys(value as object)
        .filter((key) => !OPTIONAL_KEYS.has(key))
        .map((key) => ({ path, key })),
    ),
  ).map(({ path, key }) => {
    const copy = clone(file());
    let node = copy as Record<string | number, Json>;
    for (const segment of path) node = node[segment] as Record<string | number, Json>;
    delete node[key];
    return text(`missing ${[...path, key].join('.')}`, copy);
  });
  const polluting = fc
    .tuple(pick(objects), fc.constantFrom('__proto__', 'constructor', 'prototype'))
    .map(([node, key]) =>
      text(`key ${key}`, setAt(file(), [...node.path, key], { polluted: true, isAdmin: true })),
    );
  const oversized = fc
    .tuple(
      pick(() => all().filter(({ value }) => typeof value === 'string')),
      fc.integer({ min: 100_001, max: 300_000 }),
    )
    .map(([node, length]) =>
      text(`oversized ${node.path.join('.')}`, setAt(file(), node.path, 'A'.repeat(length))),
    );
  const deep = fc
    .tuple(
      pick(() => all()),
      fc.integer({ min: 33, max: 5000 }),
    )
    // Built as text: a value nested thousands deep is more than JSON.stringify can walk.
    .map(([node, depth]) => ({
      kind: `nested ${depth}`,
      text: JSON.stringify(setAt(file(), node.path, 'NESTED')).replace('"NESTED"', nested(depth)),
    }));
  return fc.oneof(truncated, retyped, unknownKey, missingKey, polluting, oversized, deep);
}

const noise = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }).map((bytes) => ({ kind: 'random bytes', bytes })),
  fc.jsonValue().map((value) => ({ kind: 'random JSON', bytes: utf8(JSON.stringify(value) ?? 'null') })),
  fc.string({ maxLength: 500 }).map((value) => ({ kind: 'random text', bytes: utf8(value) })),
);

async function snapshot() {
  return { assessments: await listAssessments(), answers: [...(await loadAllAnswers()).entries()] };
}

/** What the app does with a file: read it, and only if it is accepted, write it. */
async function importFile(bytes: Uint8Array, name: string) {
  const read = await readImport(bytes, name, { ...context, passphrase: PASSPHRASE });
  if (read.status === 'ready') {
    await storeImport(
      importWrites(
        read.candidates,
        read.candidates.map(() => 'replace'),
        (n) => n,
      ),
      NOW,
    );
  }
  return read;
}

function expectRefused(read: Awaited<ReturnType<typeof importFile>>, name: string, kind: string): void {
  expect(read.status, kind).toBe('refused');
  if (read.status !== 'refused') return;
  expect(read.problems.length, kind).toBeGreaterThan(0);
  for (const problem of read.problems) {
    expect(problem.file).toBe(name);
    expect(problem.path).toMatch(/^\$/);
    expect(problem.message.trim().length, `${kind}: ${problem.message}`).toBeGreaterThan(10);
    if (process.env.FUZZ_LOG)
      messages.add(`${problem.path.replace(/\[\d+\]/g, '[]')}: ${problem.message.slice(0, 140)}`);
  }
}

const messages = new Set<string>();

// Thousands of files per test: this takes seconds, more on a loaded machine. (Not a timed check.)
const FUZZ_TIMEOUT = 180_000;

describe('fuzzing the importer', () => {
  let before: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    encrypted = JSON.parse(
      JSON.stringify(await encrypt(JSON.stringify(single), PASSPHRASE, 'baseline.assessment')),
    ) as Json;
  });
  // Each test starts on the empty database the shared setup gives it, with one stored assessment.
  beforeEach(async () => {
    await putAssessment({ ...assessment, id: 'kept' });
    await saveAnswer('kept', answers[0]!);
    before = await snapshot();
  });
  afterAll(async () => {
    await closeDatabase();
    if (process.env.FUZZ_LOG) console.log([...messages].sort().join('\n'));
  });

  it.each([
    ['an assessment file', () => single, 1500],
    ['a backup', () => backup, 700],
    ['an encrypted file', () => encrypted, 500],
  ] as const)(
    'refuses every broken variant of %s and changes nothing',
    async (_name, file, runs) => {
      await fc.assert(
        fc.asyncProperty(mutations(file), async ({ kind, text }) => {
          expectRefused(await importFile(utf8(text), 'fuzz.json'), 'fuzz.json', kind);
        }),
        { seed: SEED, numRuns: runs },
      );
      expect(await snapshot()).toEqual(before);
    },
    FUZZ_TIMEOUT,
  );

  it(
    'refuses random bytes, JSON and text',
    async () => {
      await fc.assert(
        fc.asyncProperty(noise, async ({ kind, bytes }) => {
          expectRefused(await importFile(bytes, 'noise.bin'), 'noise.bin', kind);
        }),
        { seed: SEED, numRuns: 1000 },
      );
      expect(await snapshot()).toEqual(before);
    },
    FUZZ_TIMEOUT,
  );

  it(
    'refuses an encrypted file whose ciphertext was altered',
    async () => {
      const sealed = encrypted as { data: string };
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.constantFrom('A', 'B', 'Q', '0', '+'), async (at, letter) => {
          const index = at % (sealed.data.length - 4);
          fc.pre(sealed.data[index] !== letter);
          const data = `${sealed.data.slice(0, index)}${letter}${sealed.data.slice(index + 1)}`;
          expectRefused(
            await importFile(utf8(JSON.stringify({ ...sealed, data })), 'sealed.json'),
            'sealed.json',
            'altered',
          );
        }),
        { seed: SEED, numRuns: 8 },
      );
      expect(await snapshot()).toEqual(before);
    },
    FUZZ_TIMEOUT,
  );

  it('leaves Object.prototype untouched', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});
