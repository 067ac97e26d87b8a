/** What an import writes, from the candidates a file offered and what the person chose for each. */
import { newId } from '../assessment/ids.ts';
import { LIMITS } from '../assessment/schema.ts';
import { sameContent, sameJson } from '../assessment/merge.ts';
import type { Answer, Assessment } from '../assessment/types.ts';
import type { ImportCandidate } from './import.ts';

/**
 * `new`: the device has no assessment with this id, so it is added as it is. Where it has one:
 * `copy` (the default) adds it beside, under a new id; `replace` puts it in place of the one
 * there (which goes to the trash). `skip` leaves it out.
 */
export type ImportChoice = 'new' | 'copy' | 'replace' | 'skip';

export interface ImportWrite {
  assessment: Assessment;
  answers: Answer[];
  /** The assessment with this id on the device goes to the trash first. */
  replaces: boolean;
}

export interface Existing {
  assessment: Assessment;
  answers: Readonly<Partial<Record<string, Answer>>>;
}

/** The choice offered first: a copy, or nothing when the device already has exactly this. */
export function defaultChoice(candidate: ImportCandidate, existing: Existing | undefined): ImportChoice {
  if (!existing) return 'new';
  return isIdentical(candidate, existing) ? 'skip' : 'copy';
}

/** Whether the device already holds exactly what the file holds (the same assessment, the same answers). */
export function isIdentical(candidate: ImportCandidate, existing: Existing): boolean {
  if (!sameJson(candidate.assessment, existing.assessment)) return false;
  const stored = Object.values(existing.answers).filter((answer): answer is Answer => answer !== undefined);
  return (
    stored.length === candidate.answers.length &&
    candidate.answers.every((answer) => {
      const other = existing.answers[answer.questionId];
      return other !== undefined && sameContent(answer, other);
    })
  );
}

export function importWrites(
  candidates: readonly ImportCandidate[],
  choices: readonly ImportChoice[],
  copyName: (name: string) => string,
): ImportWrite[] {
  return candidates.flatMap((candidate, index): ImportWrite[] => {
    const choice = choices[index] ?? 'copy';
    if (choice === 'skip') return [];
    // Added as it is: moved to or restored on a device, it keeps its name and the id that ties it to its copies.
    if (choice === 'new' || choice === 'replace')
      return [{ assessment: candidate.assessment, answers: candidate.answers, replaces: choice === 'replace' }];
    return [
      {
        assessment: {
          ...candidate.assessment,
          id: newId(),
          name: copyName(candidate.assessment.name).slice(0, LIMITS.name),
        },
        answers: candidate.answers,
        replaces: false,
      },
    ];
  });
}
