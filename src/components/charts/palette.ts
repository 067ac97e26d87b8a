/**
 * The colours of chart series, one place for every chart. Chart.js paints on a canvas, which
 * cannot read `var(--…)`; the first two are the hues of `--color-primary` and `--color-accent`
 * (src/styles/main.css), the rest follow for comparisons of several assessments.
 */
export const SERIES_COLORS = ['#0b4f6c', '#a8431b', '#1d6b3a', '#6b2c91', '#8a6d00', '#b0005a'] as const;

/** A score, a median: the primary hue. */
export const PRIMARY_SERIES = SERIES_COLORS[0];
/** A target, a gap, what falls short: the accent hue. */
export const ACCENT_SERIES = SERIES_COLORS[1];
/** Counts per band on the statistics screen. */
export const BAND_SERIES = '#3d6b35';
