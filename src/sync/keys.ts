/** Keys of synced records, shared by the sync code and the few reads the rest of the app makes. */
import type { RecordKind } from './kinds.ts';

export interface RecordRef {
  kind: RecordKind;
  id: string;
  part?: string;
}

/** One key per record: `answer|<assessment id>|<question id>`. */
export const recordKey = (ref: RecordRef): string => `${ref.kind}|${ref.id}|${ref.part ?? ''}`;

export function refOf(key: string): RecordRef {
  const [kind, id, part] = key.split('|') as [RecordKind, string, string];
  return part ? { kind, id, part } : { kind, id };
}
