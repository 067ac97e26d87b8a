/** Questionnaires added on this device from a file, each kept with its catalog summary. */
import type { AddedQuestionnaire } from './records.ts';
import { database, plain } from './db.ts';

export type { AddedQuestionnaire };

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
