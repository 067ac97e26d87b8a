/**
 * Records kept in IndexedDB that have no schema of their own elsewhere. A leaf: `db.ts`
 * describes its stores with them and the modules that read and write those stores import
 * `db.ts`, so the types cannot live in those modules without an import circle.
 */
import type { Answer } from '../assessment/types.ts';
import type { QuestionnaireSummary } from '../questionnaire/catalog.ts';
import type { Questionnaire } from '../questionnaire/schema.ts';
import type { ConsensusDraft } from '../workshop/consensus.ts';
import type { Submission } from '../workshop/importer.ts';
import type { WorkshopSetup } from '../workshop/setup.ts';

export interface StoredWorkshop {
  id: string;
  setup: WorkshopSetup;
  /** The key that opens sealed answers; never leaves this device. */
  secretKey?: string;
  consensus?: ConsensusDraft;
  /** The assessment made from the consensus, once made. */
  consensusAssessmentId?: string;
  createdAt: string;
  updatedAt: string;
}

export type StoredSubmission = Submission;

/** A change to an answer written ahead of the answer itself (see `journal.ts`). */
export interface JournalEntry {
  assessmentId: string;
  /** The window that made the change (one entry per window and question). */
  tab: string;
  /** The answer as this window last changed it. */
  answer: Answer;
  /** The stored answer it was based on (for the merge, if someone else changed it meanwhile). */
  base: Answer | undefined;
}

/** A questionnaire added on this device from a file. */
export interface AddedQuestionnaire {
  /** The questionnaire's id: one version of each is kept, the one added last. */
  id: string;
  questionnaire: Questionnaire;
  /** Computed when it was added, so the first screen lists it without loading the validator. */
  summary: QuestionnaireSummary;
  /** The name of the file it came from, as the person chose it. */
  fileName: string;
  addedAt: string;
}
