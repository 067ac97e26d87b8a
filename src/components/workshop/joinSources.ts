/** Reading a workshop's join information from a set-up file a participant brings. */
import { misplacedKind, type FileKind } from '../../transfer/fileKind.ts';
import type { Problem } from '../../validation/problems.ts';
import { joinInfoOf, MAX_SETUP_FILE_BYTES, readSetup, type JoinInfo } from '../../workshop/setup.ts';

export type SetupRead =
  | { ok: true; value: JoinInfo }
  /** `misplaced`: another of Baseline's files, which belongs elsewhere. */
  | { ok: false; problems: Problem[]; misplaced?: FileKind };

export async function joinFromSetupFile(file: File): Promise<SetupRead> {
  if (file.size > MAX_SETUP_FILE_BYTES) return { ok: false, problems: [] };
  const text = await file.text();
  const misplaced = misplacedKind(text, ['workshopSetup']);
  if (misplaced) return { ok: false, problems: [], misplaced };
  const parsed = readSetup(text, file.name);
  return parsed.ok ? { ok: true, value: joinInfoOf(parsed.value) } : parsed;
}
