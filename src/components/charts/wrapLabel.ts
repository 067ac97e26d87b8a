import { isolate, type TextDirection } from '../../language/index.ts';

/** A label for a chart, with the direction of its language when that is known. */
export interface ChartLabel {
  text: string;
  /** Declared direction; without it the label takes the direction of its first letter, like `<bdi>`. */
  dir?: TextDirection;
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
