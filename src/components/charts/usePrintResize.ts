import type { Chart } from 'chart.js';
import { onBeforeUnmount, onMounted } from 'vue';

/**
 * A chart is drawn for the width of its box on screen, which may be a phone's, and a canvas
 * printed at another size is only stretched. So as printing begins (also "Save as PDF") the
 * box is given a width meant for a page and the chart is drawn again for it; the print styles
 * of the chart shrink it if the page is narrower. When printing ends the box and the chart
 * go back to the screen's layout.
 */
export function usePrintResize(
  chart: () => Chart | undefined,
  box: () => HTMLElement | null | undefined,
  printWidth: number,
): void {
  // Chart.js puts off a resize until a running animation ends, and the page would be printed
  // before that; so the animation is cut short.
  const redraw = () => {
    chart()?.stop();
    chart()?.resize();
  };
  const forPrint = () => {
    const element = box();
    if (!element) return;
    element.style.inlineSize = `${printWidth}px`;
    element.style.maxInlineSize = 'none';
    redraw();
  };
  const forScreen = () => {
    const element = box();
    if (!element) return;
    element.style.removeProperty('inline-size');
    element.style.removeProperty('max-inline-size');
    redraw();
  };
  onMounted(() => {
    window.addEventListener('beforeprint', forPrint);
    window.addEventListener('afterprint', forScreen);
  });
  onBeforeUnmount(() => {
    window.removeEventListener('beforeprint', forPrint);
    window.removeEventListener('afterprint', forScreen);
  });
}
