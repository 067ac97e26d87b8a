/** Questionnaires added on this device from a file, each kept with its catalog summary. */
import type { QuestionnaireSummary } from '../questionnaire/catalog.ts';
import type { Questionnaire } from '../questionnaire/schema.ts';
import { database, plain } from './db.ts';

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

export async function listAddedQuestionnaires(): Promise<AddedQuestionnaire[]> {
  return (await database()).getAll('addedQuestionnaires');
}

/** Keeps a questionnaire, replacing the version of it kept so far. */
export async function putAddedQuestionnaire(record: AddedQuestionnaire): Promise<void> {
  await (await database()).put('addedQuestionnaires', plain(record));
}

export async function deleteAddedQuestionnaire(id: string): Promise<void> {
  await (await database()).delete('addedQuestionnaires', id);
}
