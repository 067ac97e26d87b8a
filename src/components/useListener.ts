import { onBeforeUnmount, onMounted } from 'vue';

/** Listens to an event of the page (the window or the document) while the component is on screen. */
export function useListener(target: Window | Document, type: string, listener: () => void): void {
  onMounted(() => target.addEventListener(type, listener));
  onBeforeUnmount(() => target.removeEventListener(type, listener));
}
