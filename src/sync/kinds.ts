/** The kinds of record that travel to the server of record (see protocol.ts). */
export const RECORD_KINDS = ['assessment', 'answer', 'workshop', 'submission'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
