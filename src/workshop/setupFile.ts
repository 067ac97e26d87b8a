/**
 * The workshop set-up file the facilitator hands out: the set-up itself (`setup.ts`) and, when
 * the workshop uses a questionnaire added on the facilitator's device (not built into the app),
 * that questionnaire in full (`questionnaireFile`), so participants need nothing else.
 *
 * The questionnaire travels as data only: this module checks where it is and that it is the
 * one the set-up names, never that it is valid. The device that receives it checks it with the
 * validator of `npm run validate` before it keeps or runs it (`src/questionnaire/validate.ts`).
 */
import { DEFAULT_LIMITS, guardValue, type InputLimits } from '../validation/guard.ts';
import { parseJsonText, parseWithSchema, type Parsed } from '../validation/parse.ts';
import { problem } from '../validation/problems.ts';
import { SETUP_LIMITS, workshopSetupSchema, type WorkshopSetup } from './setup.ts';

/** A questionnaire file is rarely over a few hundred kilobytes; 5 MB leaves room for long texts in six languages. */
export const MAX_SETUP_WITH_QUESTIONNAIRE_BYTES = 5 * 1024 * 1024;

/** A set-up file that carries a questionnaire is held to a questionnaire file's limits, its set-up part to the set-up's. */
export const SETUP_WITH_QUESTIONNAIRE_LIMITS: InputLimits = {
  ...DEFAULT_LIMITS,
  bytes: MAX_SETUP_WITH_QUESTIONNAIRE_BYTES,
};

/** The member of a set-up file that carries the questionnaire. */
export const CARRIED = 'questionnaireFile';

export interface SetupFile {
  setup: WorkshopSetup;
  /** The questionnaire as the file carries it, not yet validated. */
  questionnaire?: unknown;
}

export function setupFileText(setup: WorkshopSetup, questionnaire?: object): string {
  const file = questionnaire ? { ...setup, [CARRIED]: questionnaire } : setup;
  return `${JSON.stringify(file, null, 2)}\n`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a set-up file (or the room server's request body): the set-up through the structural
 * guard with its own limits and the schema; a carried questionnaire must be an object with the
 * id and version the set-up names.
 */
export function readSetupFile(text: string, file: string): Parsed<SetupFile> {
  const json = parseJsonText(text, file, SETUP_WITH_QUESTIONNAIRE_LIMITS);
  return json.ok ? checkSetupFile(json.value, file) : json;
}

/** The same, for the value the file reader parsed (`src/validation/readFile.ts`). */
export function checkSetupFile(value: unknown, file: string): Parsed<SetupFile> {
  const carries = isRecord(value) && CARRIED in value;
  const { [CARRIED]: questionnaire, ...rest } = carries ? value : {};
  const setupPart = carries ? rest : value;
  const guarded = guardValue(setupPart, file, SETUP_LIMITS);
  if (guarded) return { ok: false, error: [guarded] };
  const setup = parseWithSchema(workshopSetupSchema, setupPart, file);
  if (!setup.ok) return setup;
  if (!carries) return { ok: true, value: { setup: setup.value } };
  const carried = carriedQuestionnaire(questionnaire, setup.value, file, `$.${CARRIED}`);
  return carried.ok ? { ok: true, value: { setup: setup.value, questionnaire: carried.value } } : carried;
}

/** A questionnaire carried for a workshop (in its set-up file, or to the room server): the one its set-up names. */
export function carriedQuestionnaire(
  value: unknown,
  setup: WorkshopSetup,
  file: string,
  path = '$',
): Parsed<Record<string, unknown>> {
  const named = setup.questionnaire;
  if (isRecord(value) && value.id === named.id && value.version === named.version) return { ok: true, value };
  const found = isRecord(value) ? value : {};
  const param = (member: unknown) => (typeof member === 'string' ? member : '?');
  return {
    ok: false,
    error: [
      problem(file, path, 'workshop.carriedQuestionnaire', {
        id: named.id,
        version: named.version,
        carried: param(found.id),
        carriedVersion: param(found.version),
      }),
    ],
  };
}
