/**
 * A join notice, format v1: what a participant's app tells the room server when it joins a
 * workshop, so that the facilitator's room screen can list who joined and who has not handed
 * back yet. It says which workshop and participant, when, and (as `content`) the stakeholder
 * group and the name when the workshop asks for names. When the workshop seals answers, the
 * content is sealed to the facilitator's key like the answers are, so nothing personal crosses
 * the room's network in clear; the server stores what it cannot read.
 */
import { z } from '../validation/zod.ts';
import { identifier, timestampSchema } from '../validation/fields.ts';
import { canonicalJson, compressText, decompressText } from '../workshop/encoding.ts';
import type { Participation } from '../workshop/participation.ts';
import { participantIdSchema, plainOrSealed } from '../workshop/payload.ts';
import { open, seal } from '../workshop/seal.ts';
import { SETUP_LIMITS, workshopIdSchema } from '../workshop/setup.ts';
import { readJson } from '../validation/guard.ts';
import type { InputLimits } from '../validation/guard.ts';

export const MAX_JOIN_NOTICE_BYTES = 16_000;

/**
 * What the structural guard (`src/validation/guard.ts`) holds a join notice to, sealed content
 * included: a set-up's nesting and widths, far fewer values.
 */
export const JOIN_NOTICE_LIMITS: InputLimits = {
  ...SETUP_LIMITS,
  bytes: MAX_JOIN_NOTICE_BYTES,
  values: 500,
  text: MAX_JOIN_NOTICE_BYTES,
};

export const JOIN_NOTICE_FORMAT = 'baseline-workshop-join';
export const JOIN_NOTICE_FORMAT_VERSION = 1;

const groupId = identifier.max(100);

export const joinContentSchema = z.strictObject({
  group: groupId,
  name: z.string().trim().min(1).max(120).optional(),
});
export type JoinContent = z.infer<typeof joinContentSchema>;

export const joinNoticeSchema = z
  .strictObject({
    format: z.literal(JOIN_NOTICE_FORMAT),
    formatVersion: z.literal(JOIN_NOTICE_FORMAT_VERSION),
    workshopId: workshopIdSchema,
    participantId: participantIdSchema,
    joinedAt: timestampSchema,
    content: plainOrSealed(joinContentSchema),
  })
  .meta({
    title: 'Baseline workshop join notice, format v1',
    description: 'Sent to the room server when a participant joins a workshop.',
  });
export type JoinNotice = z.infer<typeof joinNoticeSchema>;

/** The clear fields the seal's tag covers, so sealed content cannot be moved onto another notice. */
function associatedData(
  notice: Pick<JoinNotice, 'format' | 'formatVersion' | 'workshopId' | 'participantId' | 'joinedAt'>,
) {
  const { format, formatVersion, workshopId, participantId, joinedAt } = notice;
  return new TextEncoder().encode(
    canonicalJson({ format, formatVersion, workshopId, participantId, joinedAt }),
  );
}

export function makeJoinNotice(participation: Participation): JoinNotice {
  const clear = {
    format: JOIN_NOTICE_FORMAT,
    formatVersion: JOIN_NOTICE_FORMAT_VERSION,
    workshopId: participation.join.id,
    participantId: participation.participantId,
    joinedAt: participation.joinedAt,
  } as const;
  const content: JoinContent = { group: participation.group };
  if (participation.name && !participation.join.anonymous) content.name = participation.name;
  const { sealTo } = participation.join;
  return {
    ...clear,
    content: sealTo
      ? { kind: 'sealed', ...seal(compressText(canonicalJson(content)), sealTo, associatedData(clear)) }
      : { kind: 'plain', ...content },
  };
}

/**
 * The group and name a notice carries, opened with the facilitator's key when sealed; `undefined`
 * when the key does not open it or what it holds is not a group and a name.
 */
export function openJoinNotice(notice: JoinNotice, secretKey: string | undefined): JoinContent | undefined {
  const { content } = notice;
  if (content.kind === 'plain') {
    const { kind: _kind, ...rest } = content;
    return rest;
  }
  if (!secretKey) return undefined;
  try {
    const text = decompressText(open(content, secretKey, associatedData(notice)), MAX_JOIN_NOTICE_BYTES);
    const opened = readJson(text, 'join notice', JOIN_NOTICE_LIMITS);
    const parsed = opened.ok ? joinContentSchema.safeParse(opened.value) : undefined;
    return parsed?.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
