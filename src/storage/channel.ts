/**
 * Tells the app's other windows and tabs (same browser, same device) what this one has
 * written, so they show it without a reload. Messages carry ids only, never answers: each
 * window reads the data itself from IndexedDB. Where BroadcastChannel is missing, windows
 * still never overwrite each other (see `saveAnswerIfUnchanged`); they just refresh later.
 */
export type ChangeMessage = (
  | { kind: 'answers'; assessmentId: string; questionIds: string[] }
  | { kind: 'assessment'; assessmentId: string }
  | { kind: 'list' }
  | { kind: 'conflicts'; assessmentId: string }
  | { kind: 'questionnaires' }
) & {
  /** Written by sync from the server of record (so sync does not take it for a change to send). */
  fromSync?: true;
};

const NAME = 'baseline.changes';

export function openChannel(onMessage: (message: ChangeMessage) => void) {
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(NAME);
  if (channel) channel.onmessage = (event: MessageEvent<ChangeMessage>) => onMessage(event.data);
  // In Node (the unit tests) an open channel would keep the process alive.
  (channel as { unref?: () => void } | undefined)?.unref?.();
  return {
    post(message: ChangeMessage): void {
      channel?.postMessage(message);
    },
    close(): void {
      channel?.close();
    },
  };
}

/** Posts one message without listening (for code that only writes). */
export function announce(message: ChangeMessage): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(NAME);
  channel.postMessage(message);
  channel.close();
}
