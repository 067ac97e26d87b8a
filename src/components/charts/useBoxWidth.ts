import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

/** The width of an element's box, kept up to date as the layout changes (a phone turned, a column narrowed). */
export function useBoxWidth(box: () => HTMLElement | null | undefined, initial = 600): Ref<number> {
  const width = ref(initial);
  let observer: ResizeObserver | undefined;
  onMounted(() => {
    const element = box();
    if (!element) return;
    width.value = element.clientWidth || initial;
    observer = new ResizeObserver(([entry]) => {
      if (entry && entry.contentRect.width > 0) width.value = entry.contentRect.width;
    });
    observer.observe(element);
  });
  onBeforeUnmount(() => observer?.disconnect());
  return width;
}
