/**
 * What adding a validated questionnaire to this device would do, decided before anything is
 * written: a questionnaire of its own, a new version of one added before (answers follow by
 * question id, as between built-in versions), the very file added before, an older version
 * than the one kept, or a file that claims the id of a built-in questionnaire.
 */
import canonicalize from 'canonicalize';
import { compareVersions } from './versions.ts';
import type { Questionnaire } from './schema.ts';

export type Addition =
  | { kind: 'new' }
  | { kind: 'newVersion'; current: string }
  | { kind: 'sameFile' }
  | { kind: 'sameVersionChanged' }
  | { kind: 'older'; current: string }
  | { kind: 'builtIn' };

/** Whether the addition can be made (with the person's confirmation); the others only explain. */
export const canAdd = (addition: Addition) => addition.kind === 'new' || addition.kind === 'newVersion';

export function additionOf(
  candidate: Questionnaire,
  known: { builtIn: boolean; current?: Questionnaire },
): Addition {
  if (known.builtIn) return { kind: 'builtIn' };
  const current = known.current;
  if (!current) return { kind: 'new' };
  const order = compareVersions(candidate.version, current.version);
  if (order > 0) return { kind: 'newVersion', current: current.version };
  if (order < 0) return { kind: 'older', current: current.version };
  return canonicalize(candidate) === canonicalize(current)
    ? { kind: 'sameFile' }
    : { kind: 'sameVersionChanged' };
}
