/**
 * A participant's answers as handed back to the facilitator, format v1: the same JSON object
 * travels as a file, as a sequence of QR codes (see `chunks.ts`) and over the room's network.
 *
 * The clear part says which workshop, questionnaire and participant it is; the content (group,
 * name, answers) is either plain or sealed to the facilitator's key (see `seal.ts`). A checksum
 * over the canonical JSON of everything else catches a damaged or edited file.
 */
import { z } from '../validation/zod.ts';
import { expected } from '../validation/expected.ts';
import { questionnaireRefSchema, timestampSchema } from '../validation/fields.ts';
import type { Answer, Answers } from '../assessment/types.ts';
import { answersSchema, MAX_ANSWERS } from './answersSchema.ts';
import { readJson, type InputLimits } from '../validation/guard.ts';
import type { Problem } from '../validation/problems.ts';
import { canonicalJson, checksumOf, compressText, decompressText } from './encoding.ts';
import { open, seal, SEAL_SCHEME, SealError } from './seal.ts';
import { workshopIdSchema, type JoinInfo } from './setup.ts';

export const PAYLOAD_FORMAT = 'baseline-workshop-answers';
export const PAYLOAD_FORMAT_VERSION = 1;
/** Larger files are refused before they are read: a full questionnaire with long comments is far below. */
export const MAX_PAYLOAD_BYTES = 2_000_000;

/**
 * What the structural guard holds answers to (`src/validation/guard.ts`), by file, QR codes or
 * the room's network, and the sealed content once opened. A sealed payload is one long text.
 */
export const ANSWERS_LIMITS: InputLimits = {
  bytes: MAX_PAYLOAD_BYTES,
  depth: 10,
  members: 2 * MAX_ANSWERS,
  items: 1_000,
  values: 200_000,
  text: MAX_PAYLOAD_BYTES,
};

export const participantIdSchema = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    expected('expected.participantId'),
  );

/** Whose answers, in which workshop: the key of a participant's answers wherever they are acknowledged or kept. */
export const participantKeyFields = { workshopId: workshopIdSchema, participantId: participantIdSchema };

export const contentSchema = z.strictObject({
  group: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(120).optional(),
  answers: answersSchema,
});
export type PayloadContent = z.infer<typeof contentSchema>;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, expected('expected.base64'));

/** Content sealed to the facilitator's key (see `seal.ts`). */
export const sealedContentSchema = z.strictObject({
  kind: z.literal('sealed'),
  scheme: z.literal(SEAL_SCHEME),
  ephemeralKey: base64,
  nonce: base64,
  ciphertext: base64,
});

/** Content in the clear (`kind: 'plain'`) or sealed to the facilitator's key: a participant's choice. */
export const plainOrSealed = <Shape extends z.core.$ZodLooseShape>(
  content: z.ZodObject<Shape, z.core.$strict>,
) =>
  z.discriminatedUnion('kind', [content.extend({ kind: z.literal('plain') }).strict(), sealedContentSchema]);

export const payloadSchema = z
  .strictObject({
    format: z.literal(PAYLOAD_FORMAT),
    formatVersion: z.literal(PAYLOAD_FORMAT_VERSION),
    workshopId: workshopIdSchema,
    questionnaire: questionnaireRefSchema,
    participantId: participantIdSchema,
    /** When the participant last changed an answer: of two payloads from one participant, the later one wins. */
    updatedAt: timestampSchema,
    /** When this payload was made. */
    createdAt: timestampSchema,
    content: plainOrSealed(contentSchema),
    checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/, expected('expected.checksum')),
  })
  .meta({
    title: 'Baseline workshop answers, format v1',
    description: 'One participant’s answers handed back to the facilitator of a workshop.',
  });
export type Payload = z.infer<typeof payloadSchema>;

export interface PayloadInput {
  join: JoinInfo;
  participantId: string;
  group: string;
  name?: string;
  answers: Answers;
  updatedAt: string;
}

type Unchecked = Omit<Payload, 'checksum'>;

/** The clear fields the seal's tag covers. */
function associatedData(
  payload: Pick<
    Payload,
    'format' | 'formatVersion' | 'workshopId' | 'questionnaire' | 'participantId' | 'updatedAt'
  >,
): Uint8Array {
  const { format, formatVersion, workshopId, questionnaire, participantId, updatedAt } = payload;
  return new TextEncoder().encode(
    canonicalJson({ format, formatVersion, workshopId, questionnaire, participantId, updatedAt }),
  );
}

function definedAnswers(answers: Answers): Record<string, Answer> {
  return Object.fromEntries(
    Object.entries(answers).flatMap(([id, answer]) => (answer ? [[id, answer]] : [])),
  );
}

/** A sealed workshop's answers are never handed back in the clear: the key must come first. */
export class KeyPendingError extends Error {
  constructor() {
    super('This workshop seals answers and this device does not have its key yet');
    this.name = 'KeyPendingError';
  }
}

/**
 * Makes the payload a participant hands back; sealed when the workshop carries the facilitator's key.
 * @throws KeyPendingError when the workshop seals answers and the key has not arrived.
 */
export function makePayload(input: PayloadInput, now: Date): Payload {
  if (input.join.keyPending && !input.join.sealTo) throw new KeyPendingError();
  const clear = {
    format: PAYLOAD_FORMAT,
    formatVersion: PAYLOAD_FORMAT_VERSION,
    workshopId: input.join.id,
    questionnaire: { ...input.join.questionnaire },
    participantId: input.participantId,
    updatedAt: input.updatedAt,
    createdAt: now.toISOString(),
  } as const;
  const content: PayloadContent = { group: input.group, answers: definedAnswers(input.answers) };
  if (input.name && !input.join.anonymous) content.name = input.name;

  const unchecked: Unchecked = {
    ...clear,
    content: input.join.sealTo
      ? {
          kind: 'sealed',
          ...seal(compressText(canonicalJson(content)), input.join.sealTo, associatedData(clear)),
        }
      : { kind: 'plain', ...content },
  };
  return { ...unchecked, checksum: checksumOf(unchecked) };
}

export function checksumMatches(payload: Payload): boolean {
  const { checksum, ...rest } = payload;
  return checksumOf(rest) === checksum;
}

/**
 * The group, name and answers of a payload: as they are when plain; when sealed, the JSON that
 * the facilitator's key opens, through the structural guard, still to be checked against
 * `contentSchema`. Problems are located in the opened content (`$` is its top).
 * @throws SealError when the key does not open it.
 */
export function openContent(
  payload: Payload,
  secretKey: string | undefined,
  file: string,
): { ok: true; value: unknown } | { ok: false; error: Problem[] } {
  const { content } = payload;
  if (content.kind === 'plain') {
    return { ok: true, value: { group: content.group, name: content.name, answers: content.answers } };
  }
  if (!secretKey) throw new SealError('the answers are sealed, and this device has no key to open them');
  const text = decompressText(open(content, secretKey, associatedData(payload)), MAX_PAYLOAD_BYTES);
  return readJson(text, file, ANSWERS_LIMITS);
}

/** The text of a payload file: JSON, indented so that a person can read what it says. */
export function payloadFileText(payload: Payload): string {
  return `${JSON.stringify(payload, null, 2)}\n`;
}
