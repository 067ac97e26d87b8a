import { Chart, type ChartConfiguration, type ChartType } from 'chart.js';
import { onBeforeUnmount, onMounted, watch, type WatchSource } from 'vue';
import { usePrintResize } from './usePrintResize.ts';
import { useChartText } from './useChartText.ts';

/** The colours a chart draws its text and lines in: the page's CSS tokens. */
export interface ChartTheme {
  text: string;
  muted: string;
  border: string;
}

/** What the tokens in `main.css` hold, for a chart drawn where no style can be read. */
const FALLBACK: ChartTheme = { text: '#1b2430', muted: '#4a5568', border: '#c9d1da' };

/** The tokens as they stand where the chart is drawn (a darker theme on a container included). */
export function chartTheme(element: Element): ChartTheme {
  const style = getComputedStyle(element);
  const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: token('--color-text', FALLBACK.text),
    muted: token('--color-muted', FALLBACK.muted),
    border: token('--color-border', FALLBACK.border),
  };
}

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

type Data = (number | null)[];

/**
 * A Chart.js chart's life in a component: drawn when mounted, in the theme's colours and the
 * interface language (drawn again when the language changes, which may read the other way),
 * its data updated in place when `data` changes, redrawn for paper when printing, and destroyed
 * with the component.
 */
export function useChart<T extends ChartType>(options: {
  canvas: () => HTMLCanvasElement | null | undefined;
  configure: (
    theme: ChartTheme,
    animation: false | { duration: number },
  ) => ChartConfiguration<T, Data, string[]>;
  data: WatchSource;
  update: (chart: Chart<T, Data, string[]>) => void;
  printWidth: () => number;
}) {
  let chart: Chart<T, Data, string[]> | undefined;
  const text = useChartText();

  function build(): void {
    const canvas = options.canvas();
    if (!canvas) return;
    chart?.destroy();
    chart = new Chart<T, Data, string[]>(
      canvas,
      options.configure(chartTheme(canvas), reducedMotion() ? false : { duration: 300 }),
    );
  }

  onMounted(build);
  watch(
    options.data,
    () => {
      if (!chart) return;
      options.update(chart);
      chart.update();
    },
    { deep: true },
  );
  watch(text.locale, build);
  usePrintResize(
    () => chart as Chart | undefined,
    () => options.canvas()?.parentElement,
    options.printWidth(),
  );
  onBeforeUnmount(() => chart?.destroy());
  return text;
}
