/**
 * The one success-or-failure shape: a value, or why there is none. Every step that can refuse
 * returns it instead of throwing, and the caller checks `ok` (`Parsed<T>` in
 * `problems.ts` is this shape for files, whose failure is a list of located
 * problems). A leaf: it imports nothing, so any layer may use it.
 */
export type Result<T, F> = { ok: true; value: T } | { ok: false; error: F };
