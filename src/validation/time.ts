/**
 * Times in files are ISO 8601 texts with an offset (`2026-03-01T10:30:00+01:00`). Compared as
 * text, `10:30+01:00` (09:30 UTC) would pass for later than `10:00Z`; every "newer wins" rule
 * compares the instants they name instead.
 */

/** Milliseconds since 1970 of a timestamp; a text that is not a time counts as the earliest. */
export function instantOf(timestamp: string | undefined): number {
  const parsed = timestamp === undefined ? Number.NaN : Date.parse(timestamp);
  return Number.isNaN(parsed) ? Number.NEGATIVE_INFINITY : parsed;
}

/** Negative, zero or positive as `a` is earlier than, the same instant as, or later than `b`. */
export function compareInstants(a: string | undefined, b: string | undefined): number {
  const x = instantOf(a);
  const y = instantOf(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether `a` names a later instant than `b`. */
export const isLater = (a: string | undefined, b: string | undefined): boolean => compareInstants(a, b) > 0;

/** The later of two timestamps (the first when they name the same instant). */
export const laterOf = (a: string, b: string): string => (isLater(b, a) ? b : a);

/**
 * A day as YYYY-MM-DD in local time (ISO 8601): the day it was where the person is, not in
 * Greenwich; read the same in every language and sorted by date, and made without the
 * platform's locale data, whose first use costs a browser tens of milliseconds (the home screen
 * suggests a name with it before anything else is shown).
 */
export function localCalendarDate(date: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}
