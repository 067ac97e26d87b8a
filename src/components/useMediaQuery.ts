import { onBeforeUnmount, ref, type Ref } from 'vue';

/** Whether a media query holds, kept up to date (for layouts CSS alone cannot switch, such as a menu that folds away). */
export function useMediaQuery(query: string): Ref<boolean> {
  const list = window.matchMedia(query);
  const matches = ref(list.matches);
  const update = (event: MediaQueryListEvent) => (matches.value = event.matches);
  list.addEventListener('change', update);
  onBeforeUnmount(() => list.removeEventListener('change', update));
  return matches;
}
