/**
 * The one reader of a file a person brings (an assessment or backup, a questionnaire, a weight
 * profile, a workshop's set-up or a participant's answers): every path reads through it, so every
 * path refuses the same hostile files the same way, before anything else looks at them.
 */
import { decodeUtf8, fileTooLarge, readJson, type GuardOptions, type InputLimits } from './guard.ts';
import { problem, type Parsed } from './problems.ts';

/** A file a person chose: a browser `File`, or anything with its name and text (tests, scripts). */
export interface ChosenFile {
  readonly name: string;
  /** Bytes, when known before reading: a file over the limit is refused without being read. */
  readonly size?: number;
  text(): Promise<string>;
  /** When present, the bytes are read and decoded strictly, so a picture is not read as text. */
  arrayBuffer?(): Promise<ArrayBuffer>;
}

/** A file that passed the guard: its text, and the JSON value in it, not yet checked by any schema. */
export interface ReadFile {
  text: string;
  value: unknown;
}

/**
 * Size (before a byte is read, when the size is known), UTF-8, the parser and the structure
 * limits of `guard.ts`, in that order; every refusal is a located problem naming the file.
 */
export async function readChosenFile(
  file: ChosenFile,
  limits: InputLimits,
  options: GuardOptions = {},
): Promise<Parsed<ReadFile>> {
  if (file.size !== undefined && file.size > limits.bytes) {
    const refusal = options.tooLarge?.(file.size) ?? fileTooLarge(file.name, file.size, limits.bytes);
    return { ok: false, error: [refusal] };
  }
  const text = file.arrayBuffer ? decodeUtf8(new Uint8Array(await file.arrayBuffer())) : await file.text();
  if (text === undefined) return { ok: false, error: [problem(file.name, '$', 'file.notText')] };
  const read = readJson(text, file.name, limits, options);
  return read.ok ? { ok: true, value: { text, value: read.value } } : read;
}
