import { defineStore } from 'pinia';
import { ref } from 'vue';
import { newId } from '../assessment/ids.ts';
import { totalProgress, type Progress } from '../assessment/progress.ts';
import type { Assessment } from '../assessment/types.ts';
import {
  databaseExists,
  deleteAssessment,
  emptyTrash,
  listAssessments,
  listTrash,
  loadAllAnswers,
  loadAnswers,
  openChannel,
  putAssessment,
  restoreFromTrash,
  TRASH_DAYS,
  type TrashedAssessment,
} from '../storage/index.ts';
import { useQuestionnairesStore } from './questionnaires.ts';
import { localCalendarDate } from '../validation/time.ts';

export interface AssessmentListItem {
  assessment: Assessment;
  /** Undefined when the questionnaire is not built into this version of the app. */
  progress?: Progress;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long a deleted assessment stays in the trash, for the trash list to say. */
export { TRASH_DAYS } from '../storage/index.ts';

/** The saved assessments on this device, for the home screen, and the trash they can be restored from. */
export const useAssessmentsStore = defineStore('assessments', () => {
  const questionnaires = useQuestionnairesStore();
  const items = ref<AssessmentListItem[]>([]);
  const trash = ref<TrashedAssessment[]>([]);
  const loaded = ref(false);

  // Another window created, deleted or imported something: show it here too, even if this
  // window is reading the list right now (that read may have come before the change).
  const channel = openChannel((message) => {
    if ((loaded.value || reading) && message.kind !== 'answers') void refresh();
  });

  /** The read of the list under way, if any. */
  let reading: Promise<void> | undefined;
  /** Whether the list was asked for again during that read. */
  let readAgain = false;

  /**
   * Reads the list again. Asked while a read is under way, it reads once more after that one,
   * and every caller waits for the last read: each sees at least what was stored when it asked.
   */
  function refresh(): Promise<void> {
    if (reading) {
      readAgain = true;
      return reading;
    }
    reading = (async () => {
      try {
        do {
          readAgain = false;
          await readList();
        } while (readAgain);
      } finally {
        reading = undefined;
      }
    })();
    return reading;
  }

  async function readList(): Promise<void> {
    const kept = new Date(Date.now() - TRASH_DAYS * DAY_MS);
    const listing = listAssessments();
    // Each questionnaire is fetched as soon as the list names it, while the answers are read.
    const [assessments, answers, trashed, theirQuestionnaires] = await Promise.all([
      listing,
      loadAllAnswers(),
      listTrash(kept),
      listing.then((list) => Promise.all(list.map((item) => questionnaires.load(item.questionnaire.id)))),
    ]);
    // After the reads, which a write would hold up (the home screen waits for them). Left for
    // the next read if it fails.
    emptyTrash(kept).catch(() => undefined);
    items.value = assessments.map((assessment, index) => {
      const questionnaire = theirQuestionnaires[index];
      const progress = questionnaire
        ? totalProgress(questionnaire, answers.get(assessment.id) ?? {})
        : undefined;
      return { assessment, progress };
    });
    trash.value = trashed;
    loaded.value = true;
  }

  /** The read started before the first screen, until the home screen takes it. */
  let firstRead: Promise<void> | undefined;

  /**
   * The list before the first screen: empty at once on a device that has no database yet (a
   * first visit), so that the screen does not wait for one to be made.
   */
  function firstRefresh(): Promise<void> {
    firstRead = (async () => {
      if (await databaseExists()) await refresh();
      else loaded.value = true;
    })();
    return firstRead;
  }

  /** The list for the home screen as it is shown: the read made before the first screen once, then afresh. */
  function refreshOnShow(): Promise<void> {
    const read = firstRead ?? refresh();
    firstRead = undefined;
    return read;
  }

  /** After this window changed the list: refresh it here, and tell the other windows. */
  async function changed(assessmentId?: string): Promise<void> {
    await refresh();
    channel.post(assessmentId ? { kind: 'assessment', assessmentId } : { kind: 'list' });
  }

  async function create(name: string, questionnaireId: string): Promise<Assessment> {
    const summary = questionnaires.summary(questionnaireId);
    if (!summary) throw new Error(`No questionnaire "${questionnaireId}" on this device`);
    const now = new Date();
    const at = now.toISOString();
    const assessment: Assessment = {
      id: newId(),
      name: name.trim(),
      questionnaire: { id: summary.id, version: summary.version },
      // Today where the person is, written down, so every device and the server read the same day.
      assessedOn: localCalendarDate(now),
      createdAt: at,
      updatedAt: at,
    };
    await putAssessment(assessment);
    await changed();
    return assessment;
  }

  /** Moves an assessment to the trash; resolves to the trash entry, for an undo. */
  async function remove(id: string): Promise<string | undefined> {
    const trashId = await deleteAssessment(id);
    // What its journal held goes too. The journal's code is the answering screens', fetched here
    // rather than carried by the first screen.
    const { dropJournal } = await import('../storage/journal.ts');
    await dropJournal(id);
    await changed(id);
    return trashId;
  }

  /**
   * Puts a trashed assessment back; resolves to its id. `nameBeside` names it when the device
   * has an assessment with its id again (the one that replaced it), to tell the two apart.
   */
  async function restore(
    trashId: string,
    nameBeside?: (assessment: Assessment) => string,
  ): Promise<string | undefined> {
    const id = await restoreFromTrash(trashId, nameBeside);
    await changed(id);
    return id;
  }

  /** One assessment's stored answers, read afresh (for screens that compare several). */
  const answersOf = (id: string) => loadAnswers(id);

  return {
    items,
    trash,
    loaded,
    refresh,
    firstRefresh,
    refreshOnShow,
    changed,
    create,
    remove,
    restore,
    answersOf,
  };
});
