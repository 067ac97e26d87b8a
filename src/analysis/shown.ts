/**
 * Figures as the screens, reports and documents show them: scores and targets in whole points
 * (`useFormat().score`). A difference shown beside the figures it is taken from is the difference
 * of those figures as shown, so a reader can check every line: "score 8, target 69, gap 61",
 * where the exact gap (68.6 − 8.4 = 60.2) would read 60. Priorities, the working and the
 * exports keep the exact figures.
 */

/** A score or target as shown: whole points (0.5 rounds up, as the number formatting does). */
export function shownScore(value: number): number {
  return Math.round(value);
}

/** What a gap is taken from: a score and its target, either missing where there is none. */
export interface GapFigures {
  score: number | null;
  target: number | null;
}

/** The shown target less the shown score; below 0 where the target is exceeded, null without both. */
export function shownGap({ score, target }: GapFigures): number | null {
  return score === null || target === null ? null : shownScore(target) - shownScore(score);
}

/** The shown gap where a target is missed, 0 where it is met or exceeded; null without both figures. */
export function shownShortfall(figures: GapFigures): number | null {
  const gap = shownGap(figures);
  return gap === null ? null : Math.max(0, gap);
}
