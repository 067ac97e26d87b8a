/**
 * A number as a person types it, in any of the interface languages: a comma or a point as the
 * decimal separator, spaces (also the narrow and non-breaking ones that number formats insert)
 * between thousands, Arabic-Indic or Persian digits, the Arabic decimal separator and a minus
 * sign of either kind. `undefined` when it is not a number: an empty box, a lone sign, two
 * separators, letters.
 */
export function parseTypedNumber(typed: string): number | undefined {
  const latin = typed
    .trim()
    .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .replace(/[\s\u00a0\u202f\u066c\u200e\u200f\u061c]/g, '')
    .replace(/[\u066b,]/, '.')
    .replace(/^[\u2212\u2012\u2013]/, '-');
  return /^[-+]?(?:\d+\.?\d*|\.\d+)$/.test(latin) ? Number(latin) : undefined;
}
