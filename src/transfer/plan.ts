/** What an import writes, from the candidates a file offered and what the person chose for each. */
import { newId } from '../assessment/ids.ts';
import { LIMITS } from '../assessment/schema.ts';
import { sameContent, sameJson } from '../assessment/merge.ts';
import type { Answer, Assessment } from '../assessment/types.ts';
import { isLater } from '../validation/time.ts';
import type { ImportCandidate } from './import.ts';

/**
 * `new`: the device has no assessment with this id, so it is added as it is. Where it has one:
 * `copy` (the default) adds it beside, under a new id; `update` brings in the file's newer
 * answers (`newerOfEach`); `replace` puts it in place of the one there. Either way the one
 * there goes to the trash. `skip` leaves it out.
 */
export type ImportChoice = 'new' | 'copy' | 'update' | 'replace' | 'skip';

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

/** The same assessment carried on two devices, both changed since: what the file brings in. */
export interface Update {
  assessment: Assessment;
  answers: Answer[];
  /** Answers the file has that are newer than the device's (or that the device lacks). */
  fromFile: number;
  /** Answers changed on this device later than in the file, which are kept. */
  keptHere: number;
}

/**
 * Each question's later answer, from the file or from this device, and the details (name,
 * targets, weights…) of whichever copy was changed last. Undefined when the two are made with
 * different questionnaire versions, whose answers cannot be set side by side, and for a sharing
 * export: it leaves out restricted comments, evidence and names, which taking its answers would
 * drop from this device's.
 */
export function newerOfEach(candidate: ImportCandidate, existing: Existing): Update | undefined {
  const here = existing.assessment;
  const file = candidate.assessment;
  if (candidate.sharing || !sameJson(here.questionnaire, file.questionnaire)) return undefined;
  const answers: Record<string, Answer> = {};
  for (const answer of Object.values(existing.answers)) if (answer) answers[answer.questionId] = answer;
  let fromFile = 0;
  let keptHere = 0;
  for (const answer of candidate.answers) {
    const kept = answers[answer.questionId];
    if (kept && sameContent(kept, answer)) continue;
    if (kept && !isLater(answer.updatedAt, kept.updatedAt)) keptHere += 1;
    else {
      answers[answer.questionId] = answer;
      fromFile += 1;
    }
  }
  const latest = isLater(file.updatedAt, here.updatedAt) ? file : here;
  return {
    assessment: { ...latest, id: here.id },
    answers: Object.values(answers),
    fromFile,
    keptHere,
  };
}

export function importWrites(
  candidates: readonly ImportCandidate[],
  choices: readonly ImportChoice[],
  copyName: (name: string) => string,
  existing: readonly (Existing | undefined)[] = [],
): ImportWrite[] {
  return candidates.flatMap((candidate, index): ImportWrite[] => {
    const choice = choices[index] ?? 'copy';
    if (choice === 'skip') return [];
    if (choice === 'update') {
      const here = existing[index];
      const update = here && newerOfEach(candidate, here);
      // The screen offers it only where it can be done.
      if (!update)
        throw new Error('Newer answers come only from a full export of the same questionnaire version');
      return [{ assessment: update.assessment, answers: update.answers, replaces: true }];
    }
    // Added as it is: moved to or restored on a device, it keeps its name and the id that ties it to its copies.
    if (choice === 'new' || choice === 'replace')
      return [
        { assessment: candidate.assessment, answers: candidate.answers, replaces: choice === 'replace' },
      ];
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
