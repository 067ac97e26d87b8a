/**
 * What the room server does with a `Range` header (RFC 9110, section 14), decided before sirv
 * sends a file. sirv reads the header loosely (`bytes=100-50` made it open a stream backwards and
 * drop the connection; `bytes=-5` and `bytes=0-0` gave other bytes than asked), so the server
 * decides here and hands sirv only a range it reads right.
 *
 * - No header, or a unit other than bytes: the whole file.
 * - One satisfiable range: that part (206).
 * - Several ranges: the whole file (a server may ignore Range; the app never asks for several).
 * - A header that is not a byte range, a range whose end comes before its start, or no range
 *   that overlaps the file: 416, with the file's size.
 */
export type RangeDecision =
  { kind: 'whole' } | { kind: 'part'; start: number; end: number } | { kind: 'unsatisfiable' };

const SPEC = /^(?:(\d+)-(\d*)|-(\d+))$/;

export function decideRange(header: string | undefined, size: number): RangeDecision {
  if (header === undefined) return { kind: 'whole' };
  const equals = header.indexOf('=');
  if (equals < 0) return { kind: 'unsatisfiable' };
  if (header.slice(0, equals).trim().toLowerCase() !== 'bytes') return { kind: 'whole' };
  const specs = header
    .slice(equals + 1)
    .split(',')
    .map((spec) => spec.trim());
  const parts: { start: number; end: number }[] = [];
  for (const spec of specs) {
    const match = SPEC.exec(spec);
    if (!match) return { kind: 'unsatisfiable' };
    const [, first, last, suffix] = match;
    if (suffix !== undefined) {
      const length = Number(suffix);
      if (length > 0 && size > 0) parts.push({ start: Math.max(0, size - length), end: size - 1 });
      continue;
    }
    const start = Number(first);
    const end = last === '' ? Infinity : Number(last);
    if (end < start) return { kind: 'unsatisfiable' };
    if (start < size) parts.push({ start, end: Math.min(end, size - 1) });
  }
  if (parts.length === 0) return { kind: 'unsatisfiable' };
  return specs.length === 1 ? { kind: 'part', ...parts[0]! } : { kind: 'whole' };
}

/**
 * The `Range` header to hand sirv for a decision, in the one form it reads right
 * (`bytes=<start>-<end>`, both given; a start at the size makes it answer 416 with the size), or
 * `undefined` to send the whole file. A part that ends at byte 0 cannot be written so (sirv takes
 * an end of 0 for "to the end"): the whole file goes instead.
 */
export function rangeForSirv(decision: RangeDecision, size: number): string | undefined {
  if (decision.kind === 'unsatisfiable') return `bytes=${size}-${size}`;
  if (decision.kind === 'whole' || decision.end === 0) return undefined;
  return `bytes=${decision.start}-${decision.end}`;
}
