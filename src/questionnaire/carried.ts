/**
 * A questionnaire a workshop carried to this device (in its set-up file, or from the room
 * server), checked by the validator of `npm run validate` before anything keeps or runs it, and
 * what keeping it would do (`adding.ts`). Loaded only when a workshop brings one.
 */
import type { Problem } from '../validation/problems.ts';
import { additionOf, canAdd, type Addition } from './adding.ts';
import type { Questionnaire } from './schema.ts';
import { validateQuestionnaire } from './validate.ts';

export type CarriedCheck =
  /** Valid; `addition` says whether it is new here, a new version, or the very file kept already. */
  | { ok: true; questionnaire: Questionnaire; addition: Addition }
  /** Not valid: the validator's located problems. */
  | { ok: false; error: Problem[] }
  /** Valid, but not to be kept: an older or a different file of an id kept here, or a built-in id. */
  | { ok: false; error: []; addition: Addition };

export async function checkCarried(
  value: unknown,
  file: string,
  knownClauses: ReadonlySet<string>,
  known: (id: string) => Promise<{ builtIn: boolean; current?: Questionnaire }>,
): Promise<CarriedCheck> {
  const parsed = validateQuestionnaire(value, { file, knownClauses });
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const questionnaire = parsed.value;
  const addition = additionOf(questionnaire, await known(questionnaire.id));
  if (addition.kind === 'sameFile' || canAdd(addition)) return { ok: true, questionnaire, addition };
  return { ok: false, error: [], addition };
}
