import type { TextDirection } from '../../language/index.ts';

/** A label for a chart, with the direction of its language when that is known. */
export interface ChartLabel {
  text: string;
  /** Declared direction; without it the label takes the direction of its first letter, like `<bdi>`. */
  dir?: TextDirection;
}

const ISOLATE = { ltr: '\u2066', rtl: '\u2067', auto: '\u2068' } as const;
const POP_ISOLATE = '\u2069';

/**
 * Text drawn on a canvas, kept whole in a page of the other direction: Unicode isolates do on a
 * canvas what `<bdi dir>` does in HTML, so an English title in an Arabic chart keeps its
 * parentheses and word order.
 */
export function isolate(text: string, dir?: TextDirection): string {
  return `${ISOLATE[dir ?? 'auto']}${text}${POP_ISOLATE}`;
}

/** A label broken into short lines, so long pillar names are not cut off at a chart's edge. */
export function wrapLabel(label: string, width = 18): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + word.length < width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** A chart label as lines, each isolated in its own direction. */
export function chartLines(label: ChartLabel, width?: number): string[] {
  return wrapLabel(label.text, width).map((line) => isolate(line, label.dir));
}
