/**
 * The join code: a workshop's set-up in a form short enough to type (24 characters for a
 * workshop with the default groups, sealed or not) and, with its name and sealing key, to put
 * in a link or a QR code.
 *
 * Layout (format 2): a version byte; the workshop id (8 bytes); the first 3 bytes of the SHA-256
 * of `questionnaireId@version` (the participant's app finds it among its questionnaires); a byte
 * of flags (bits 0–4: which default groups, 5: anonymous, 6: sealed, 7: more follows); when bit 7
 * is set, MessagePack of `[customGroups, sealTo, name]` with trailing empty items left out; then
 * two check bytes (SHA-256 again) that catch a typing mistake; all in Crockford base32. The
 * typed code leaves out the sealing key (44 more characters) and the name: a participant who
 * typed it gets the key from the link, the QR code or the set-up file before handing back.
 * Shown in groups of four; read ignoring spaces, dashes and case.
 */
import type { Result } from '../validation/result.ts';
import { decode, encode } from '@msgpack/msgpack';
import { base64 } from '@scure/base';
import { z } from '../validation/zod.ts';
import { guardValue, type InputLimits } from '../validation/guard.ts';
import { fromBase32, sha256Bytes, toBase32 } from './encoding.ts';
import {
  DEFAULT_GROUPS,
  groupSchema,
  isDefaultGroup,
  MAX_GROUPS,
  MAX_NAME_LENGTH,
  WORKSHOP_ID_BYTES,
  type JoinInfo,
  type StakeholderGroup,
} from './setup.ts';

const CODE_VERSION = 2;
const CHECK_BYTES = 2;
const QUESTIONNAIRE_HASH_BYTES = 3;
const FLAGS_AT = 1 + WORKSHOP_ID_BYTES + QUESTIONNAIRE_HASH_BYTES;
const HEADER_BYTES = FLAGS_AT + 1;
const ANONYMOUS = 1 << 5;
const SEALED = 1 << 6;
const MORE = 1 << 7;
const GROUP_BITS = (1 << DEFAULT_GROUPS.length) - 1;

export type JoinCodeError = 'malformed' | 'mistyped' | 'newerVersion' | 'unknownQuestionnaire';

export type JoinCodeResult = Result<JoinInfo, JoinCodeError>;

function questionnaireHash(ref: { id: string; version: string }): Uint8Array {
  return sha256Bytes(new TextEncoder().encode(`${ref.id}@${ref.version}`)).slice(0, QUESTIONNAIRE_HASH_BYTES);
}

const extraSchema = z.tuple([
  z
    .array(z.tuple([z.string(), z.string()]))
    .max(MAX_GROUPS)
    .nullable()
    .optional(),
  z
    .instanceof(Uint8Array)
    .refine((value) => value.length === 32, 'expected 32 bytes')
    .nullable()
    .optional(),
  z.string().trim().min(1).max(MAX_NAME_LENGTH).nullable().optional(),
]);

/** A join code with a sealing key and a long name is a few hundred characters; a link a little more. */
const MAX_TEXT_LENGTH = 2_000;

/** What the structural guard holds the decoded extra items to: a short list of short values. */
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

/**
 * The join code of a workshop. `full` adds the sealing key and the name, for a link or a QR
 * code; without it the code stays short enough to type.
 */
export function encodeJoinCode(join: JoinInfo, { full = false } = {}): string {
  let flags = 0;
  DEFAULT_GROUPS.forEach((group, index) => {
    if (join.groups.some((entry) => entry.id === group)) flags |= 1 << index;
  });
  if (join.anonymous) flags |= ANONYMOUS;
  if (join.sealTo || join.keyPending) flags |= SEALED;
  const custom = join.groups
    .filter((group) => !isDefaultGroup(group.id))
    .map((group) => [group.id, group.label ?? group.id]);
  const extra: unknown[] = [
    custom.length > 0 ? custom : null,
    full && join.sealTo ? base64.decode(join.sealTo) : null,
    full && join.name ? join.name : null,
  ];
  while (extra.length > 0 && extra[extra.length - 1] === null) extra.pop();
  const tail = extra.length > 0 ? encode(extra) : new Uint8Array(0);
  if (tail.length > 0) flags |= MORE;

  const body = new Uint8Array(HEADER_BYTES + tail.length);
  body[0] = CODE_VERSION;
  body.set(fromBase32(join.id), 1);
  body.set(questionnaireHash(join.questionnaire), 1 + WORKSHOP_ID_BYTES);
  body[FLAGS_AT] = flags;
  body.set(tail, HEADER_BYTES);
  const all = new Uint8Array(body.length + CHECK_BYTES);
  all.set(body);
  all.set(sha256Bytes(body).slice(0, CHECK_BYTES), body.length);
  return toBase32(all);
}

/** The code in groups of four characters, for reading aloud or typing. */
export function formatJoinCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** The bytes of a typed, scanned or linked code, if its check bytes hold. */
function checkedBytes(text: string): Result<Uint8Array, JoinCodeError> {
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
  if (all.length <= CHECK_BYTES) return { ok: false, error: 'mistyped' };
  const body = all.slice(0, -CHECK_BYTES);
  const check = sha256Bytes(body).slice(0, CHECK_BYTES);
  if (check.some((byte, index) => byte !== all[body.length + index])) return { ok: false, error: 'mistyped' };
  return { ok: true, value: body };
}

/**
 * Reads a typed or scanned code; also accepts a link that ends in `#/join/<code>`. The one
 * place a join code is parsed: the app and the room server both come here.
 */
export function decodeJoinCode(
  text: string,
  questionnaires: ReadonlyArray<{ id: string; version: string }>,
): JoinCodeResult {
  const checked = checkedBytes(text);
  if (!checked.ok) return checked;
  const body = checked.value;
  // Version 1 codes began with a MessagePack array (0x90 and up): not a newer version.
  if (body[0]! > CODE_VERSION && body[0]! < 0x80) return { ok: false, error: 'newerVersion' };
  if (body[0] !== CODE_VERSION || body.length < HEADER_BYTES) return { ok: false, error: 'malformed' };
  const flags = body[FLAGS_AT]!;
  const hasMore = (flags & MORE) !== 0;
  if (hasMore !== body.length > HEADER_BYTES) return { ok: false, error: 'malformed' };
  let extra: z.infer<typeof extraSchema> = [];
  if (hasMore) {
    let items: unknown;
    try {
      // Bounded by the decoder too, before it builds anything a hostile header announces.
      items = decode(body.slice(HEADER_BYTES), {
        maxArrayLength: 16,
        maxMapLength: 16,
        maxStrLength: 1_000,
        maxBinLength: 64,
      });
    } catch {
      return { ok: false, error: 'malformed' };
    }
    if (guardValue(items, 'join code', JOIN_CODE_LIMITS)) return { ok: false, error: 'malformed' };
    const parsed = extraSchema.safeParse(items);
    if (!parsed.success) return { ok: false, error: 'malformed' };
    extra = parsed.data;
  }
  const [custom, sealTo, name] = extra;

  const hash = body.slice(1 + WORKSHOP_ID_BYTES, FLAGS_AT);
  const questionnaire = questionnaires.find((ref) =>
    questionnaireHash(ref).every((byte, index) => byte === hash[index]),
  );
  if (!questionnaire) return { ok: false, error: 'unknownQuestionnaire' };

  const groups: StakeholderGroup[] = [
    ...DEFAULT_GROUPS.filter((_, index) => (flags & GROUP_BITS & (1 << index)) !== 0).map((group) => ({
      id: group,
    })),
    ...(custom ?? []).map(([groupId, label]) => ({ id: groupId, label })),
  ];
  if (
    groups.length === 0 ||
    groups.length > MAX_GROUPS ||
    !groups.every((group) => groupSchema.safeParse(group).success)
  )
    return { ok: false, error: 'malformed' };

  const sealed = (flags & SEALED) !== 0;
  if (sealTo && !sealed) return { ok: false, error: 'malformed' };
  const join: JoinInfo = {
    id: toBase32(body.slice(1, 1 + WORKSHOP_ID_BYTES)),
    questionnaire: { id: questionnaire.id, version: questionnaire.version },
    groups,
    anonymous: (flags & ANONYMOUS) !== 0,
  };
  if (name) join.name = name;
  if (sealTo) join.sealTo = base64.encode(sealTo);
  else if (sealed) join.keyPending = true;
  return { ok: true, value: join };
}
