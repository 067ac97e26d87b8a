/** Questionnaires added on this device from a file, each kept with its catalog summary. */
import type { AddedQuestionnaire } from './records.ts';
import { wholeRecords } from './db.ts';

export type { AddedQuestionnaire };

const added = wholeRecords('addedQuestionnaires');

export const listAddedQuestionnaires = added.list;
/** Keeps a questionnaire, replacing the version of it kept so far. */
export const putAddedQuestionnaire = added.put;
export const deleteAddedQuestionnaire = added.remove;
