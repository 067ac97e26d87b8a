/** Reading a workshop's join information from a set-up file a participant brings. */
import { misplacedKind, type FileKind } from '../../transfer/fileKind.ts';
import type { Problem } from '../../validation/problems.ts';
import { joinInfoOf, type JoinInfo } from '../../workshop/setup.ts';
import { readChosenFile } from '../../validation/readFile.ts';
import { checkSetupFile, SETUP_WITH_QUESTIONNAIRE_LIMITS } from '../../workshop/setupFile.ts';

export type SetupRead =
  /** `questionnaire`: the added questionnaire the file carries, not yet validated. */
  | { ok: true; value: JoinInfo; questionnaire?: unknown }
  /** `misplaced`: another of Baseline's files, which belongs elsewhere. */
  | { ok: false; error: Problem[]; misplaced?: FileKind };

export async function joinFromSetupFile(file: File): Promise<SetupRead> {
  const read = await readChosenFile(file, SETUP_WITH_QUESTIONNAIRE_LIMITS);
  if (!read.ok) return read;
  const misplaced = misplacedKind(read.value.value, ['workshopSetup']);
  if (misplaced) return { ok: false, error: [], misplaced };
  const parsed = checkSetupFile(read.value.value, file.name);
  if (!parsed.ok) return parsed;
  const { setup, questionnaire } = parsed.value;
  return { ok: true, value: joinInfoOf(setup), ...(questionnaire === undefined ? {} : { questionnaire }) };
}
