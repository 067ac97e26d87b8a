/**
 * Generated hostile input for the seven ways data comes in: assessment and backup import,
 * workshop answers, weight profiles, workshop set-up files, join codes and links, QR parts, and
 * the room server's checks. Each input is run through the path's own entry point and counted:
 *
 * - uncaught: the entry point threw (must be 0: refusals are located problems, never throws);
 * - acceptedInvalid: it accepted something that breaks the format, the guard's limits or the
 *   path's own rules when checked again independently (must be 0);
 * - storedAfterRefusal: for the paths that store (import into IndexedDB, the room server's
 *   store), the stored data changed although the input was refused (must be 0).
 *
 * Used by `npm run fuzz` (10,000 inputs per path) and by a seeded share in `npm test`.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUESTIONNAIRE_DIR } from '../../scripts/lib/questionnaires.ts';
import type { Questionnaire } from '../../src/questionnaire/schema.ts';
import { validateProfileText } from '../../src/profiles/validate.ts';
import { weightProfileSchema } from '../../src/profiles/schema.ts';
import {
  checkJoinNotice,
  checkSetup,
  checkSubmission,
  joinCodeOf,
  type RoomWorkshop,
} from '../../src/room/checks.ts';
import { makeJoinNotice } from '../../src/room/joinNotice.ts';
import { assessmentFile, assessmentFileSchema, readImport, utf8 } from '../../src/transfer/index.ts';
import { DEFAULT_LIMITS, guardValue, isWellFormedText } from '../../src/validation/guard.ts';
import { parseWithSchema } from '../../src/validation/parse.ts';
import { collect, toChunks, type Collected } from '../../src/workshop/chunks.ts';
import { checkAnswers, receive } from '../../src/workshop/importer.ts';
import { decodeJoinCode, encodeJoinCode } from '../../src/workshop/joinCode.ts';
import {
  ANSWERS_LIMITS,
  checksumMatches,
  payloadFileText,
  payloadSchema,
} from '../../src/workshop/payload.ts';
import { joinInfoOf, readSetup, workshopSetupSchema, type WorkshopSetup } from '../../src/workshop/setup.ts';
import { readSetupFile } from '../../src/workshop/setupFile.ts';
import { answers as sampleAnswers, assessment as sampleAssessment } from '../unit/transfer/data.ts';
import { answers, value } from '../unit/builders.ts';
import { NOW, payloadFor, QUESTIONNAIRE, workshop } from '../unit/workshop/fixtures.ts';

export interface Tally {
  path: string;
  inputs: number;
  accepted: number;
  refused: number;
  uncaught: number;
  acceptedInvalid: number;
  storedAfterRefusal: number;
  /** The first few failures, to reproduce. */
  failures: { kind: string; input: string; error: string }[];
}

type Verdict = { accepted: boolean; invalid?: string; storedAfterRefusal?: boolean };

export interface FuzzPath {
  name: string;
  /** Inputs, each with the kind of mutation that made it. */
  inputs: (seed: number, count: number) => { kind: string; input: string }[];
  run: (input: string) => Verdict | Promise<Verdict>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const sample = JSON.parse(readFileSync(join(QUESTIONNAIRE_DIR, 'sample.json'), 'utf8')) as Questionnaire;
const SEALED = workshop({ sealed: true });
const PLAIN = workshop();
const GIVEN = answers({ exists: value('yes'), level: value(3), notes: value('Written by the ministry') });

// ---- generic mutations of a JSON document -------------------------------------------------

function nodes(root: Json): { path: Path; value: Json }[] {
  const found: { path: Path; value: Json }[] = [];
  const stack: { path: Path; value: Json }[] = [{ path: [], value: root }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    found.push(entry);
    const { value: node, path } = entry;
    if (Array.isArray(node)) node.forEach((item, i) => stack.push({ path: [...path, i], value: item }));
    else if (node !== null && typeof node === 'object')
      for (const [key, item] of Object.entries(node)) stack.push({ path: [...path, key], value: item });
  }
  return found;
}

const clone = (value: Json): Json => JSON.parse(JSON.stringify(value)) as Json;

function setAt(root: Json, path: Path, replacement: Json): Json {
  if (path.length === 0) return replacement;
  const copy = clone(root);
  let node = copy as Record<string | number, Json>;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, Json>;
  Object.defineProperty(node, path[path.length - 1]!, {
    value: replacement,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

const MARK = JSON.stringify('\u0000HOSTILE\u0000');
/** Values that no JSON.stringify can make, put in as text. */
const RAW_HOSTILE = [
  '1e400',
  '-1e400',
  '"\\ud800"',
  '"x\\udc00y"',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  `{${Array.from({ length: 30_000 }, (_, i) => `"k${i}":1`).join(',')}}`,
  `[${Array.from({ length: 150_000 }, () => '0').join(',')}]`,
  `"${'A'.repeat(150_000)}"`,
];

const hostileValue: fc.Arbitrary<Json | { raw: string }> = fc.oneof(
  fc.constantFrom(...RAW_HOSTILE).map((raw) => ({ raw })),
  fc.constantFrom<Json>(1e308, -1e308, -0, 2 ** 53 + 1, -1, 0, 1001, 101, '', ' ', '\u202e', 'x'.repeat(300)),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.string({ unit: 'binary', maxLength: 40 }) as fc.Arbitrary<Json>,
);

/** Mutated variants of a valid document's JSON text. */
function jsonMutations(doc: () => Json): fc.Arbitrary<{ kind: string; input: string }> {
  const all = () => nodes(doc());
  const pick = <T>(items: () => T[]) => fc.nat().map((n) => items()[n % items().length]!);
  const replaced = fc.tuple(pick(all), hostileValue).map(([node, replacement]) => {
    if (replacement !== null && typeof replacement === 'object' && 'raw' in replacement) {
      const raw = (replacement as { raw: string }).raw;
      const text = JSON.stringify(setAt(doc(), node.path, '\u0000HOSTILE\u0000')).replace(MARK, () => raw);
      return { kind: `raw at ${node.path.join('.')}`, input: text };
    }
    return {
      kind: `value at ${node.path.join('.')}`,
      input: JSON.stringify(setAt(doc(), node.path, replacement)),
    };
  });
  const objects = () =>
    all().filter(({ value: v }) => v !== null && typeof v === 'object' && !Array.isArray(v));
  const extraKey = fc
    .tuple(
      pick(objects),
      fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.string({ maxLength: 10 })),
      fc.jsonValue({ maxDepth: 1 }),
    )
    .map(([node, key, extra]) => ({
      kind: `key ${JSON.stringify(key)} at ${node.path.join('.')}`,
      input: JSON.stringify(setAt(doc(), [...node.path, key], extra as Json)),
    }));
  const removed = pick(() =>
    objects().flatMap(({ path, value: v }) => Object.keys(v as object).map((key) => ({ path, key }))),
  ).map(({ path, key }) => {
    const copy = clone(doc());
    let node = copy as Record<string | number, Json>;
    for (const segment of path) node = node[segment] as Record<string | number, Json>;
    delete node[key];
    return { kind: `without ${[...path, key].join('.')}`, input: JSON.stringify(copy) };
  });
  const textEdits = fc
    .tuple(fc.nat(), fc.nat({ max: 20 }), fc.string({ unit: 'binary', maxLength: 4 }))
    .map(([at, cut, insert]) => {
      const full = JSON.stringify(doc());
      const start = at % (full.length + 1);
      return { kind: 'text edit', input: full.slice(0, start) + insert + full.slice(start + cut) };
    });
  const truncated = fc.nat().map((n) => {
    const full = JSON.stringify(doc());
    return { kind: 'truncated', input: full.slice(0, n % full.length) };
  });
  const noise = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }).map((input) => ({ kind: 'random text', input })),
    fc.jsonValue({ maxDepth: 4 }).map((v) => ({ kind: 'random JSON', input: JSON.stringify(v) ?? 'null' })),
  );
  return fc.oneof(
    { weight: 5, arbitrary: replaced },
    { weight: 2, arbitrary: extraKey },
    { weight: 2, arbitrary: removed },
    { weight: 2, arbitrary: textEdits },
    { weight: 1, arbitrary: truncated },
    { weight: 1, arbitrary: noise },
  );
}

const sampleInputs =
  (arbitrary: fc.Arbitrary<{ kind: string; input: string }>) => (seed: number, count: number) =>
    fc.sample(arbitrary, { seed, numRuns: count });

// ---- independent re-checks of what a path accepted ----------------------------------------

function structureProblem(value: unknown, limits = DEFAULT_LIMITS): string | undefined {
  return guardValue(value, 'accepted', limits)?.message;
}

const invalidIf = (problem: string | undefined): Verdict => ({
  accepted: true,
  ...(problem ? { invalid: problem } : {}),
});

// ---- the seven paths ----------------------------------------------------------------------

const assessmentDoc = JSON.parse(
  JSON.stringify(assessmentFile(sampleAssessment, sampleAnswers, { sharing: false, now: NOW })),
) as Json;

export const importPath: FuzzPath = {
  name: 'assessment and backup import',
  inputs: sampleInputs(jsonMutations(() => assessmentDoc)),
  async run(input) {
    const read = await readImport(utf8(input), 'fuzz.json', {
      loadQuestionnaire: (id) => Promise.resolve(id === sample.id ? sample : undefined),
    });
    if (read.status !== 'ready') return { accepted: false };
    for (const candidate of read.candidates) {
      const again = parseWithSchema(
        assessmentFileSchema,
        JSON.parse(
          JSON.stringify(
            assessmentFile(candidate.assessment, candidate.answers, { sharing: false, now: NOW }),
          ),
        ),
        'again',
      );
      if (!again.ok) return invalidIf(again.error[0]?.message);
      const structure = structureProblem(candidate);
      if (structure) return invalidIf(structure);
    }
    return { accepted: true };
  },
};

function checkSubmissionAccepted(text: string, outcome: ReturnType<typeof receive>): Verdict {
  if (outcome.kind === 'refused') return { accepted: false };
  const submission = outcome.kind === 'alreadyHave' ? outcome.existing : outcome.submission;
  const payload = parseWithSchema(payloadSchema, JSON.parse(text), 'again');
  if (!payload.ok) return invalidIf(payload.error[0]?.message);
  if (!checksumMatches(payload.value)) return invalidIf('checksum does not match');
  const answerProblems = checkAnswers(submission.answers, QUESTIONNAIRE, 'again');
  if (answerProblems.length > 0) return invalidIf(answerProblems[0]!.message);
  if (!PLAIN.setup.groups.some((group) => group.id === submission.group)) return invalidIf('unknown group');
  return invalidIf(structureProblem(submission, ANSWERS_LIMITS));
}

const receiveText = (text: string, setup: WorkshopSetup, secretKey?: string) =>
  receive(text, {
    file: 'fuzz.json',
    setup,
    questionnaire: QUESTIONNAIRE,
    ...(secretKey ? { secretKey } : {}),
    existing: () => undefined,
    via: 'file',
    now: NOW,
  });

const plainPayload = JSON.parse(payloadFileText(payloadFor(PLAIN.setup, GIVEN))) as Json;

export const answersPath: FuzzPath = {
  name: 'workshop answers',
  inputs: sampleInputs(jsonMutations(() => plainPayload)),
  run: (input) => checkSubmissionAccepted(input, receiveText(input, PLAIN.setup)),
};

const profileDoc = JSON.parse(
  readFileSync(join(QUESTIONNAIRE_DIR, 'weights', 'resolution-130-priorities.json'), 'utf8'),
) as Json;
const resolution130 = JSON.parse(
  readFileSync(join(QUESTIONNAIRE_DIR, 'resolution-130.json'), 'utf8'),
) as Questionnaire;

export const profilePath: FuzzPath = {
  name: 'weight profiles',
  inputs: sampleInputs(jsonMutations(() => profileDoc)),
  run(input) {
    const result = validateProfileText(input, {
      file: 'fuzz.json',
      questionnaires: new Map([[resolution130.id, resolution130]]),
    });
    if (!result.ok) return { accepted: false };
    const again = weightProfileSchema.safeParse(JSON.parse(JSON.stringify(result.value)));
    if (!again.success) return invalidIf(again.error.issues[0]?.message);
    return invalidIf(structureProblem(result.value));
  },
};

const setupDoc = JSON.parse(JSON.stringify(SEALED.setup)) as Json;

export const setupPath: FuzzPath = {
  name: 'workshop set-up files',
  inputs: sampleInputs(jsonMutations(() => setupDoc)),
  run(input) {
    // As a participant's device reads it (a set-up file may also carry an added questionnaire).
    const read = readSetupFile(input, 'fuzz.json');
    if (!read.ok) return { accepted: false };
    const setup = read.value.setup;
    const again = workshopSetupSchema.safeParse(JSON.parse(JSON.stringify(setup)));
    if (!again.success) return invalidIf(again.error.issues[0]?.message);
    // The set-up alone reads the same way as the room server reads it.
    if (read.value.questionnaire === undefined && !readSetup(input, 'fuzz.json').ok)
      return invalidIf('a set-up file without a questionnaire is refused as a set-up');
    // What a participant's device does next with it.
    const code = encodeJoinCode(joinInfoOf(setup), { full: true });
    const decoded = decodeJoinCode(code, [setup.questionnaire]);
    return invalidIf(decoded.ok ? structureProblem(setup) : `its own join code is refused: ${decoded.error}`);
  },
};

const CODE = encodeJoinCode(joinInfoOf(SEALED.setup), { full: true });
const codeInputs = fc.oneof(
  fc
    .tuple(fc.nat(), fc.nat({ max: 6 }), fc.string({ unit: 'binary', maxLength: 6 }))
    .map(([at, cut, insert]) => {
      const start = at % (CODE.length + 1);
      return { kind: 'code edit', input: CODE.slice(0, start) + insert + CODE.slice(start + cut) };
    }),
  fc
    .tuple(fc.nat(), fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%25', '%00', '%F0%9F', '%C0%80'))
    .map(([at, escape]) => {
      const link = `http://room.test:8080/#/join/${CODE}`;
      const start = at % (link.length + 1);
      return { kind: `link with ${escape}`, input: link.slice(0, start) + escape + link.slice(start) };
    }),
  fc.string({ unit: 'binary', maxLength: 200 }).map((input) => ({ kind: 'random text', input })),
  fc
    .constantFrom(`#/join/${'A'.repeat(100_000)}`, 'x'.repeat(1_000_000))
    .map((input) => ({ kind: 'huge', input })),
);

export const joinCodePath: FuzzPath = {
  name: 'join codes and links',
  inputs: sampleInputs(codeInputs),
  run(input) {
    const result = decodeJoinCode(input, [SEALED.setup.questionnaire]);
    if (!result.ok) return { accepted: false };
    const { value: info } = result;
    if (!/^[0-9A-HJKMNP-TV-Z]{13}$/.test(info.id)) return invalidIf(`workshop id ${info.id}`);
    if (info.name !== undefined && !isWellFormedText(info.name)) return invalidIf('broken name');
    return invalidIf(structureProblem(info));
  },
};

const sealedText = payloadFileText(payloadFor(SEALED.setup, GIVEN));
const PARTS = toChunks(sealedText, 200);
const qrInputs = fc.oneof(
  fc.tuple(fc.nat(), fc.nat(), fc.string({ unit: 'binary', maxLength: 5 })).map(([which, at, insert]) => {
    const parts = [...PARTS];
    const index = which % parts.length;
    const part = parts[index]!;
    const start = at % (part.length + 1);
    parts[index] = part.slice(0, start) + insert + part.slice(start + 1);
    return { kind: `part ${index + 1} edited`, input: JSON.stringify(parts) };
  }),
  fc
    .shuffledSubarray(PARTS)
    .map((parts) => ({ kind: 'some parts, any order', input: JSON.stringify(parts) })),
  fc.array(fc.string({ unit: 'binary', maxLength: 80 }), { maxLength: 5 }).map((parts) => ({
    kind: 'random parts',
    input: JSON.stringify(parts.map((part, i) => `BLA1:${i + 1}/${parts.length}:ABCDEFGH:${part}`)),
  })),
  fc.constant({ kind: 'huge part', input: JSON.stringify([`BLA1:1/1:ABCDEFGH:${'A'.repeat(2_000_000)}`]) }),
);

export const qrPath: FuzzPath = {
  name: 'QR parts',
  inputs: sampleInputs(qrInputs),
  run(input) {
    let collected: Collected = {};
    for (const scanned of JSON.parse(input) as string[]) {
      const step = collect(collected, scanned);
      collected = step.collected;
      if (step.event.kind === 'complete') {
        const outcome = receiveText(step.event.text, SEALED.setup, SEALED.secretKey);
        if (outcome.kind === 'refused') return { accepted: false };
        return checkSubmissionAccepted(step.event.text, outcome);
      }
    }
    return { accepted: false };
  },
};

/** The room server's store, as `scripts/room/server.ts` uses it: written only after a check passes. */
const roomEntry: RoomWorkshop = {
  setup: PLAIN.setup,
  joinCode: joinCodeOf(PLAIN.setup),
  openedAt: NOW.toISOString(),
};
const roomLookup = {
  workshop: (id: string) => (id === PLAIN.setup.id ? roomEntry : undefined),
  joinCode: roomEntry.joinCode,
};
const noticeDoc = JSON.parse(
  JSON.stringify(
    makeJoinNotice({
      join: joinInfoOf(PLAIN.setup),
      participantId: '0f6b3c1e-8d2a-4c7b-9e10-5a4f3b2c1d0e',
      group: 'government',
      name: 'A. Person',
      joinedAt: NOW.toISOString(),
    }),
  ),
) as Json;
const roomInputs = fc.oneof(
  jsonMutations(() => plainPayload).map((entry) => ({ ...entry, input: `submission\n${entry.input}` })),
  jsonMutations(() => noticeDoc).map((entry) => ({ ...entry, input: `join\n${entry.input}` })),
  jsonMutations(() => setupDoc).map((entry) => ({ ...entry, input: `setup\n${entry.input}` })),
);

export const roomPath: FuzzPath = {
  name: 'room server checks',
  inputs: sampleInputs(roomInputs),
  run(input) {
    const split = input.indexOf('\n');
    const [endpoint, body] = [input.slice(0, split), input.slice(split + 1)];
    if (endpoint === 'submission') {
      const checked = checkSubmission(body, roomLookup);
      if (!checked.ok) return { accepted: false };
      const payload = payloadSchema.safeParse(JSON.parse(checked.value.canonical));
      if (!payload.success) return invalidIf(payload.error.issues[0]?.message);
      return invalidIf(
        checksumMatches(payload.data) ? structureProblem(payload.data, ANSWERS_LIMITS) : 'checksum',
      );
    }
    if (endpoint === 'join') {
      const checked = checkJoinNotice(body, roomLookup);
      if (!checked.ok) return { accepted: false };
      return invalidIf(structureProblem(JSON.parse(checked.value.canonical)));
    }
    const checked = checkSetup(body);
    if (!checked.ok) return { accepted: false };
    return invalidIf(structureProblem(checked.value));
  },
};

export const PATHS: readonly FuzzPath[] = [
  importPath,
  answersPath,
  profilePath,
  setupPath,
  joinCodePath,
  qrPath,
  roomPath,
];

/** Runs `count` generated inputs through one path and counts what happened. */
export async function fuzz(path: FuzzPath, count: number, seed: number): Promise<Tally> {
  const tally: Tally = {
    path: path.name,
    inputs: 0,
    accepted: 0,
    refused: 0,
    uncaught: 0,
    acceptedInvalid: 0,
    storedAfterRefusal: 0,
    failures: [],
  };
  const note = (kind: string, input: string, error: string) => {
    if (tally.failures.length < 5) tally.failures.push({ kind, input: input.slice(0, 300), error });
  };
  for (const { kind, input } of path.inputs(seed, count)) {
    tally.inputs++;
    try {
      const verdict = await path.run(input);
      if (verdict.accepted) tally.accepted++;
      else tally.refused++;
      if (verdict.invalid) {
        tally.acceptedInvalid++;
        note(kind, input, `accepted but invalid: ${verdict.invalid}`);
      }
      if (verdict.storedAfterRefusal) {
        tally.storedAfterRefusal++;
        note(kind, input, 'stored after a refusal');
      }
    } catch (error) {
      tally.uncaught++;
      note(kind, input, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
  }
  return tally;
}
