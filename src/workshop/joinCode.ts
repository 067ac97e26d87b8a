/**
 * The join code: a workshop's set-up in a form short enough to type (at most 34 characters for
 * a workshop that is not sealed, with the default groups) and to put in a QR code.
 *
 * Layout: MessagePack of `[1, id, questionnaire, groups, anonymous, customGroups, sealTo, name]`,
 * where the id and the key are raw bytes, the questionnaire is the first 3 bytes of the SHA-256
 * of `id@version` (the participant's app finds it among its built-in questionnaires), groups is
 * a bit per default group, and trailing empty items are left out; then two check bytes (SHA-256
 * again) that catch a typing mistake, all in base32. Shown in groups of four; read ignoring
 * spaces, dashes and case.
 */
import { decode, encode } from '@msgpack/msgpack';
import { base64 } from '@scure/base';
import { z } from '../validation/zod.ts';
import { guardValue, type InputLimits } from '../validation/guard.ts';
import { fromBase32, sha256Bytes, toBase32 } from './encoding.ts';
import {
  DEFAULT_GROUPS,
  groupSchema,
  isDefaultGroup,
  MAX_NAME_LENGTH,
  type JoinInfo,
  type StakeholderGroup,
} from './setup.ts';

const CODE_VERSION = 1;
const CHECK_BYTES = 2;
const QUESTIONNAIRE_HASH_BYTES = 3;

export type JoinCodeError = 'malformed' | 'mistyped' | 'newerVersion' | 'unknownQuestionnaire';

export type JoinCodeResult = { ok: true; join: JoinInfo } | { ok: false; error: JoinCodeError };

function questionnaireHash(ref: { id: string; version: string }): Uint8Array {
  return sha256Bytes(new TextEncoder().encode(`${ref.id}@${ref.version}`)).slice(0, QUESTIONNAIRE_HASH_BYTES);
}

const bytes = (length: number) =>
  z.instanceof(Uint8Array).refine((value) => value.length === length, `expected ${length} bytes`);

const tupleSchema = z.tuple([
  z.literal(CODE_VERSION),
  bytes(8),
  bytes(QUESTIONNAIRE_HASH_BYTES),
  z
    .number()
    .int()
    .min(0)
    .max(2 ** DEFAULT_GROUPS.length - 1),
  z.boolean().optional(),
  z
    .array(z.tuple([z.string(), z.string()]))
    .max(12)
    .nullable()
    .optional(),
  bytes(32).nullable().optional(),
  z.string().trim().min(1).max(MAX_NAME_LENGTH).nullable().optional(),
]);

/** A join code with a sealing key and a long name is a few hundred characters; a link a little more. */
const MAX_TEXT_LENGTH = 2_000;

/** What the structural guard holds the decoded code to: a short list of short values. */
const JOIN_CODE_LIMITS: InputLimits = {
  bytes: MAX_TEXT_LENGTH,
  depth: 3,
  members: 0,
  items: 16,
  values: 64,
  text: MAX_NAME_LENGTH * 4,
};

/** The `%` escapes of a link, undone; undefined when one is broken (`%E0%A4%A`). */
function unescapeLink(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The join code of a workshop; `withName` adds its name (for a QR code; a typed code stays short). */
export function encodeJoinCode(join: JoinInfo, { withName = false } = {}): string {
  let mask = 0;
  DEFAULT_GROUPS.forEach((group, index) => {
    if (join.groups.some((entry) => entry.id === group)) mask |= 1 << index;
  });
  const custom = join.groups
    .filter((group) => !isDefaultGroup(group.id))
    .map((group) => [group.id, group.label ?? group.id]);
  const items: unknown[] = [
    CODE_VERSION,
    fromBase32(join.id),
    questionnaireHash(join.questionnaire),
    mask,
    join.anonymous,
    custom.length > 0 ? custom : null,
    join.sealTo ? base64.decode(join.sealTo) : null,
    withName && join.name ? join.name : null,
  ];
  while (items.length > 4 && (items[items.length - 1] === null || items[items.length - 1] === false))
    items.pop();
  const body = encode(items);
  const check = sha256Bytes(body).slice(0, CHECK_BYTES);
  const all = new Uint8Array(body.length + CHECK_BYTES);
  all.set(body);
  all.set(check, body.length);
  return toBase32(all);
}

/** The code in groups of four characters, for reading aloud or typing. */
export function formatJoinCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** Reads a typed or scanned code; also accepts a link that ends in `#/join/<code>`. */
export function decodeJoinCode(
  text: string,
  questionnaires: ReadonlyArray<{ id: string; version: string }>,
): JoinCodeResult {
  // A pasted link or text far longer than any code is not one (and is not worth scanning).
  if (text.length > MAX_TEXT_LENGTH) return { ok: false, error: 'malformed' };
  const fromLink = /#\/join\/([^/?#]+)/.exec(text)?.[1];
  const unescaped = fromLink === undefined ? text : unescapeLink(fromLink);
  if (unescaped === undefined) return { ok: false, error: 'malformed' };
  const code = unescaped.replace(/[\s-]/g, '');
  if (code.length < 8) return { ok: false, error: 'malformed' };
  let all: Uint8Array;
  try {
    all = fromBase32(code);
  } catch {
    return { ok: false, error: 'mistyped' };
  }
  const body = all.slice(0, -CHECK_BYTES);
  const check = sha256Bytes(body).slice(0, CHECK_BYTES);
  if (all.length <= CHECK_BYTES || check.some((byte, index) => byte !== all[body.length + index]))
    return { ok: false, error: 'mistyped' };
  let items: unknown;
  try {
    // Bounded by the decoder too, before it builds anything a hostile header announces.
    items = decode(body, { maxArrayLength: 16, maxMapLength: 16, maxStrLength: 1_000, maxBinLength: 64 });
  } catch {
    return { ok: false, error: 'malformed' };
  }
  if (guardValue(items, 'join code', JOIN_CODE_LIMITS)) return { ok: false, error: 'malformed' };
  if (Array.isArray(items) && typeof items[0] === 'number' && items[0] > CODE_VERSION)
    return { ok: false, error: 'newerVersion' };
  const parsed = tupleSchema.safeParse(items);
  if (!parsed.success) return { ok: false, error: 'malformed' };
  const [, id, hash, mask, anonymous, custom, sealTo, name] = parsed.data;

  const questionnaire = questionnaires.find((ref) =>
    questionnaireHash(ref).every((byte, index) => byte === hash[index]),
  );
  if (!questionnaire) return { ok: false, error: 'unknownQuestionnaire' };

  const groups: StakeholderGroup[] = [
    ...DEFAULT_GROUPS.filter((_, index) => (mask & (1 << index)) !== 0).map((group) => ({ id: group })),
    ...(custom ?? []).map(([groupId, label]) => ({ id: groupId, label })),
  ];
  if (groups.length === 0 || !groups.every((group) => groupSchema.safeParse(group).success))
    return { ok: false, error: 'malformed' };

  const join: JoinInfo = {
    id: toBase32(id),
    questionnaire: { id: questionnaire.id, version: questionnaire.version },
    groups,
    anonymous: anonymous ?? false,
  };
  if (name) join.name = name;
  if (sealTo) join.sealTo = base64.encode(sealTo);
  return { ok: true, join };
}
