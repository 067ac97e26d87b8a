/**
 * Workshop set-up, format v1: what the facilitator decides before the room starts answering,
 * and what every participant's device needs to answer and hand back (see `joinCode.ts` for the
 * short form that can be typed or put in a QR code).
 *
 * The Zod schema is the single source of the format; `questionnaires/schema/workshop-setup.schema.json`
 * is generated from it (`npm run schema`).
 */
import { z } from '../validation/zod.ts';
import { expected } from '../validation/expected.ts';
import { identifier, questionnaireRefSchema, timestampSchema } from '../validation/fields.ts';
import { shortRandomId } from './encoding.ts';
import type { InputLimits } from '../validation/guard.ts';
import { parseJsonText, parseWithSchema, type Parsed } from '../validation/parse.ts';

export const SETUP_FORMAT = 'baseline-workshop';
export const SETUP_FORMAT_VERSION = 1;

/** The stakeholder groups a workshop offers unless the facilitator changes them; names come from the interface language. */
export const DEFAULT_GROUPS = [
  'government',
  'private-sector',
  'academia',
  'civil-society',
  'international-partners',
] as const;
export type DefaultGroup = (typeof DEFAULT_GROUPS)[number];

export const isDefaultGroup = (id: string): id is DefaultGroup =>
  (DEFAULT_GROUPS as readonly string[]).includes(id);

export const MAX_GROUPS = 12;

export const MAX_SETUP_FILE_BYTES = 100_000;

/** What the structural guard (`src/validation/guard.ts`) holds a set-up file to: a few kilobytes. */
export const SETUP_LIMITS: InputLimits = {
  bytes: MAX_SETUP_FILE_BYTES,
  depth: 6,
  members: 50,
  items: 50,
  values: 1_000,
  text: 1_000,
};
export const MAX_NAME_LENGTH = 120;
export const MAX_GROUP_LABEL_LENGTH = 60;

/** 8 random bytes in base32: short enough for a typed code, and never the same twice in practice. */
export const WORKSHOP_ID_BYTES = 8;
export const newWorkshopId = () => shortRandomId(WORKSHOP_ID_BYTES);

export const workshopIdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{13}$/, expected('expected.workshopId'));

export const groupSchema = z
  .strictObject({
    id: identifier,
    /** A custom group's name as the facilitator wrote it; default groups are named by the app in each language. */
    label: z.string().trim().min(1).max(MAX_GROUP_LABEL_LENGTH).optional(),
  })
  .refine((group) => isDefaultGroup(group.id) || group.label !== undefined, {
    message: expected('expected.groupLabel'),
  });
export type StakeholderGroup = z.infer<typeof groupSchema>;

/** An x25519 public key, 32 bytes in base64. */
export const publicKeySchema = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, expected('expected.publicKey'));

export const workshopSetupSchema = z
  .strictObject({
    format: z.literal(SETUP_FORMAT),
    formatVersion: z.literal(SETUP_FORMAT_VERSION),
    id: workshopIdSchema,
    name: z.string().trim().min(1).max(MAX_NAME_LENGTH),
    questionnaire: questionnaireRefSchema,
    weightProfile: identifier.optional().meta({
      description: 'Weight profile the facilitator scores with; the questionnaire’s own when absent',
    }),
    groups: z
      .array(groupSchema)
      .min(1)
      .max(MAX_GROUPS)
      .refine((groups) => new Set(groups.map((g) => g.id)).size === groups.length, {
        message: expected('expected.uniqueGroups'),
      }),
    anonymous: z.boolean().meta({ description: 'Participants give no name' }),
    sealTo: publicKeySchema.optional().meta({
      description: 'Participants’ answers are sealed to this key; only the facilitator can open them',
    }),
    createdAt: timestampSchema,
  })
  .meta({
    title: 'Baseline workshop set-up, format v1',
    description: 'What a facilitator hands to the participants of an assessment workshop.',
  });
export type WorkshopSetup = z.infer<typeof workshopSetupSchema>;

/**
 * What a participant's device keeps of a workshop: everything needed to answer and hand back.
 * The set-up file gives all of it; a typed join code leaves out the name and the sealing key.
 */
export const joinInfoSchema = z.strictObject({
  id: workshopIdSchema,
  name: z.string().max(200).optional(),
  questionnaire: questionnaireRefSchema,
  groups: z.array(groupSchema).min(1).max(MAX_GROUPS),
  anonymous: z.boolean(),
  /** The facilitator's public key, when the workshop seals answers and this device has it. */
  sealTo: publicKeySchema.optional(),
  /**
   * The workshop seals answers but this device does not have the key yet (it joined with the
   * typed code, which leaves it out): the link, the QR code or the set-up file brings it.
   */
  keyPending: z.literal(true).optional().meta({
    description: 'The workshop seals answers and this device has not got the key yet',
  }),
});
export type JoinInfo = z.infer<typeof joinInfoSchema>;

export function joinInfoOf(setup: WorkshopSetup): JoinInfo {
  const info: JoinInfo = {
    id: setup.id,
    name: setup.name,
    questionnaire: { ...setup.questionnaire },
    groups: setup.groups.map((group) => ({ ...group })),
    anonymous: setup.anonymous,
  };
  if (setup.sealTo) info.sealTo = setup.sealTo;
  return info;
}

export interface SetupInput {
  name: string;
  questionnaire: { id: string; version: string };
  weightProfile?: string;
  /** Default groups that are offered, in any order (they are listed in the default order). */
  defaultGroups: readonly string[];
  /** Names of further groups. */
  customGroups: readonly string[];
  anonymous: boolean;
  /** The facilitator's public key, when the workshop seals answers and this device has it. */
  sealTo?: string;
  /**
   * The workshop seals answers but this device does not have the key yet (it joined with the
   * typed code, which leaves it out): the link, the QR code or the set-up file brings it.
   */
  keyPending?: true;
}

/** Builds a set-up from the facilitator's choices; custom groups get ids `custom-1`, `custom-2` … */
export function createSetup(input: SetupInput, now: Date, id = newWorkshopId()): WorkshopSetup {
  const groups: StakeholderGroup[] = [
    ...DEFAULT_GROUPS.filter((group) => input.defaultGroups.includes(group)).map((group) => ({ id: group })),
    ...input.customGroups
      .map((label) => label.trim())
      .filter((label) => label.length > 0)
      .map((label, index) => ({ id: `custom-${index + 1}`, label })),
  ];
  const setup: WorkshopSetup = {
    format: SETUP_FORMAT,
    formatVersion: SETUP_FORMAT_VERSION,
    id,
    name: input.name.trim(),
    questionnaire: { ...input.questionnaire },
    groups,
    anonymous: input.anonymous,
    createdAt: now.toISOString(),
  };
  if (input.weightProfile) setup.weightProfile = input.weightProfile;
  if (input.sealTo) setup.sealTo = input.sealTo;
  return workshopSetupSchema.parse(setup);
}

/** Reads a set-up file (or a request's body) through the structural guard, then the schema. */
export function readSetup(text: string, file: string): Parsed<WorkshopSetup> {
  const json = parseJsonText(text, file, SETUP_LIMITS);
  return json.ok ? parseWithSchema(workshopSetupSchema, json.value, file) : json;
}
