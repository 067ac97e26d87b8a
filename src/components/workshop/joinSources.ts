/** Reading a workshop's join information from a set-up file a participant brings. */
import { misplacedKind, type FileKind } from '../../transfer/fileKind.ts';
import { parseJsonText, parseWithSchema } from '../../validation/parse.ts';
import type { Problem } from '../../validation/problems.ts';
import { joinInfoOf, workshopSetupSchema, type JoinInfo } from '../../workshop/setup.ts';

/** A set-up file is a few kilobytes; anything much larger is something else. */
const MAX_SETUP_FILE_BYTES = 100_000;

export type SetupRead =
  | { ok: true; value: JoinInfo }
  /** `misplaced`: another of Baseline's files, which belongs elsewhere. */
  | { ok: false; problems: Problem[]; misplaced?: FileKind };

export async function joinFromSetupFile(file: File): Promise<SetupRead> {
  if (file.size > MAX_SETUP_FILE_BYTES) return { ok: false, problems: [] };
  const text = await file.text();
  const misplaced = misplacedKind(text, ['workshopSetup']);
  if (misplaced) return { ok: false, problems: [], misplaced };
  const json = parseJsonText(text, file.name);
  const parsed = json.ok ? parseWithSchema(workshopSetupSchema, json.value, file.name) : json;
  return parsed.ok ? { ok: true, value: joinInfoOf(parsed.value) } : parsed;
}
