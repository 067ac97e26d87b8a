/** Reading a workshop's join information from what a participant brings: a set-up file or a link. */
import { parseJsonText, parseWithSchema, type Parsed } from '../../validation/parse.ts';
import { joinInfoOf, workshopSetupSchema, type JoinInfo } from '../../workshop/setup.ts';

/** A set-up file is a few kilobytes; anything much larger is something else. */
const MAX_SETUP_FILE_BYTES = 100_000;

/** The join information of a set-up file; `problems` empty when the file is far too large to be one. */
export async function joinFromSetupFile(file: File): Promise<Parsed<JoinInfo>> {
  if (file.size > MAX_SETUP_FILE_BYTES) return { ok: false, problems: [] };
  const json = parseJsonText(await file.text(), file.name);
  const parsed = json.ok ? parseWithSchema(workshopSetupSchema, json.value, file.name) : json;
  return parsed.ok ? { ok: true, value: joinInfoOf(parsed.value) } : parsed;
}
