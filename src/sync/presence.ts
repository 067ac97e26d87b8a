/**
 * Whether this app may talk to a server of record at all, known without loading any sync code:
 * the page was served by the server (it marks the page), or this device is linked (a hint kept
 * in localStorage while the link lasts). On any other page the app makes no request.
 */
export const SERVER_META_NAME = 'baseline-server';
export const LINKED_HINT = 'baseline.linked';
/** Sent on window when this device is linked or unlinked, for the parts of the screen that show it. */
export const LINK_EVENT = 'baseline-link-changed';

export function servedByServer(
  doc: Pick<Document, 'querySelector'> | undefined = globalThis.document,
): boolean {
  return Boolean(doc?.querySelector(`meta[name="${SERVER_META_NAME}"]`));
}

export function linkedHint(): boolean {
  try {
    return localStorage.getItem(LINKED_HINT) === '1';
  } catch {
    return false;
  }
}

export function setLinkedHint(linked: boolean): void {
  try {
    if (linked) localStorage.setItem(LINKED_HINT, '1');
    else localStorage.removeItem(LINKED_HINT);
  } catch {
    // No storage for hints (a private window): the app then reads the link from the database.
  }
  globalThis.dispatchEvent?.(new Event(LINK_EVENT));
}
