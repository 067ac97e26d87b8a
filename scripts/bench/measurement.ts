/** What one benchmark file in `measurements/` exports as its default. */
export interface Figure {
  /** What was measured, e.g. "merge 500 participants × 120 questions". */
  label: string;
  value: number;
  /** "ms", "bytes", "KB gzip" … */
  unit: string;
}

export interface Measurement {
  /** Shown as the first column; figures of one measurement are grouped under it. */
  name: string;
  /** How many times to measure; the table shows the median. Figures that never vary (sizes) can use 1. */
  runs?: number;
  /** Runs once before measuring (warm-up, building inputs). */
  setup?: () => void | Promise<void>;
  /** Measures once and returns the figures of this run. */
  measure: () => Figure[] | Promise<Figure[]>;
  /** Runs once after the last run (closing servers, browsers). */
  teardown?: () => void | Promise<void>;
  /** Figures computed from the medians of this measurement's figures (by label), e.g. ratios. */
  derive?: (medians: ReadonlyMap<string, number>) => Figure[];
}

/** Milliseconds that `work` takes. */
export async function time(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** `numerator / denominator` from the medians, as a figure; absent when either is missing. */
export function ratio(
  medians: ReadonlyMap<string, number>,
  label: string,
  numerator: string,
  denominator: string,
): Figure[] {
  const top = medians.get(numerator);
  const bottom = medians.get(denominator);
  return top === undefined || bottom === undefined || bottom === 0
    ? []
    : [{ label, value: top / bottom, unit: '×' }];
}
