import { defineStore } from 'pinia';
import { computed, ref, shallowRef, toRaw, watch } from 'vue';
import { withComment, withCommentAccess, withEvidence, withResponse } from '../assessment/answers.ts';
import { settleConflict } from '../assessment/merge.ts';
import { pillarProgress, totalProgress } from '../assessment/progress.ts';
import type { Answer, Assessment, Evidence, EvidenceAccess, Response } from '../assessment/types.ts';
import { needsUpgrade, upgradeAssessment } from '../assessment/upgrade.ts';
import { visibleQuestionIds } from '../questionnaire/conditions.ts';
import type { Questionnaire } from '../questionnaire/schema.ts';
import {
  adoptJournal,
  getAssessment,
  loadAnswers,
  plain,
  rewriteAssessment,
  storageErrorKind,
  type JournalEntry,
} from '../storage/index.ts';
// Not through storage/index.ts: what it exports is part of the first screen's script.
import { applyPendingChanges, changeAssessmentAhead } from '../storage/assessmentChanges.ts';
import { dropSyncConflict, loadSyncConflicts } from '../storage/syncConflicts.ts';
import { createWindowSync, deviceConflict, type Conflict } from '../storage/windowSync.ts';
import { createAutosave } from './autosave.ts';
import { useQuestionnairesStore } from './questionnaires.ts';
import type { LoadState } from './loadState.ts';
import { startOpening } from './opening.ts';

/** Typing in a text box is saved when it pauses this long; choices are saved at once. */
const TYPING_PAUSE_MS = 400;
/** A change is drawn once the journal has written it, and at the latest this long after it. */
const DRAW_AT_LATEST_MS = 50;

export type { Conflict } from '../storage/windowSync.ts';

/** The assessment being answered or viewed: its answers, what is shown, progress and scores. */
export const useAssessmentStore = defineStore('assessment', () => {
  const questionnaires = useQuestionnairesStore();

  const assessment = ref<Assessment>();
  const questionnaire = shallowRef<Questionnaire>();
  const answers = ref<Record<string, Answer>>({});
  const loadState = ref<LoadState>('idle');
  /** Questions changed in two windows at once, waiting for a person's choice. */
  const conflicts = ref<Record<string, Conflict>>({});
  /** Questions where another window's change was merged with this one's (to tell the person). */
  const merged = ref<string[]>([]);

  // Answers are written unless another window changed them, and merged or held otherwise.
  const windows = createWindowSync({
    assessmentId: () => assessment.value?.id,
    answers: () => answers.value,
    conflicts: () => conflicts.value,
    merged: () => merged.value,
    isPending: (questionId) => autosave.isPending(questionId),
    writeLater: (questionId) => autosave.schedule(questionId),
    assessmentChanged(found) {
      if (found) assessment.value = found;
      else loadState.value = 'missing';
    },
  });
  const journal = windows.journal;
  const autosave = createAutosave(windows.write, TYPING_PAUSE_MS);

  async function open(id: string): Promise<void> {
    const opening = { state: loadState, openId: assessment.value?.id, flush: autosave.flush };
    let found = await startOpening(id, readAssessment, opening);
    if (!found) return;
    const [loadedQuestionnaire, storedAnswers, withDevices] = await Promise.all([
      questionnaires.load(found.questionnaire.id),
      loadAnswers(id),
      loadSyncConflicts(id),
    ]);
    let loadedAnswers = storedAnswers;
    if (loadedQuestionnaire && needsUpgrade(found, loadedQuestionnaire)) {
      found = (await carryOver(id, loadedQuestionnaire)) ?? found;
      loadedAnswers = await loadAnswers(id);
    }
    const journaled = await adoptJournal(id, journal.tab, loadedAnswers);
    assessment.value = found;
    questionnaire.value = loadedQuestionnaire;
    answers.value = loadedAnswers;
    conflicts.value = Object.fromEntries(
      withDevices.map((entry) => [entry.questionId, deviceConflict(entry)]),
    );
    merged.value = [];
    windows.read(loadedAnswers);
    replayJournal(journaled);
    loadState.value = loadedQuestionnaire ? 'ready' : 'unknownQuestionnaire';
  }

  /**
   * The stored assessment, with the changes to its own fields that a reload or a crash left
   * unapplied (`changeAssessment`) applied first, and other windows told. From here until its
   * answers are shown, what other windows say about it is held (`windows.opening`).
   */
  async function readAssessment(id: string): Promise<Assessment | undefined> {
    windows.opening(id);
    const applied = await applyPendingChanges(id);
    if (!applied) return getAssessment(id);
    windows.post({ kind: 'assessment', assessmentId: id });
    return applied;
  }

  /**
   * Moves an assessment made with an earlier version of its questionnaire to the version built
   * into the app, carrying its answers over (see src/assessment/upgrade.ts). Changes the journal
   * holds, made in the earlier version before a reload or a crash, are carried with them: taken
   * from the journal (`adoptJournal`, which also reads an older version's localStorage journal),
   * then carried and dropped from it in the transaction that rewrites the assessment.
   */
  async function carryOver(id: string, current: Questionnaire): Promise<Assessment | undefined> {
    await adoptJournal(id, journal.tab, await loadAnswers(id));
    const upgraded = await rewriteAssessment(id, (stored, storedAnswers) =>
      needsUpgrade(stored, current) ? upgradeAssessment(stored, storedAnswers, current, now()) : undefined,
    );
    if (upgraded) windows.post({ kind: 'assessment', assessmentId: id });
    return upgraded ?? (await getAssessment(id));
  }

  /**
   * Changes a reload or a crash interrupted before their answer was saved are saved now. The
   * journal gives only entries newer than what is stored (an older one was overtaken, and is
   * no conflict); one whose base another window changed meanwhile is merged, or asked about.
   */
  function replayJournal(entries: JournalEntry[]): void {
    for (const entry of entries) {
      const questionId = entry.answer.questionId;
      answers.value[questionId] = entry.answer;
      windows.rebase(questionId, entry.base);
      autosave.schedule(questionId, true);
    }
  }

  function update(questionId: string, next: Answer, immediate: boolean): void {
    answers.value[questionId] = next;
    windows.changed(next);
    autosave.schedule(questionId, immediate);
  }

  const now = () => new Date();

  function setResponse(questionId: string, response: Response | undefined, { typing = false } = {}): void {
    update(questionId, withResponse(answers.value[questionId], questionId, response, now()), !typing);
  }

  function setComment(questionId: string, comment: string): void {
    update(questionId, withComment(answers.value[questionId], questionId, comment, now()), false);
  }

  function setCommentAccess(questionId: string, access: EvidenceAccess): void {
    update(questionId, withCommentAccess(answers.value[questionId], questionId, access, now()), true);
  }

  function setEvidence(questionId: string, evidence: Evidence[], { typing = false } = {}): void {
    update(questionId, withEvidence(answers.value[questionId], questionId, evidence, now()), !typing);
  }

  /** Settles a conflict: keep this window's answer, or take the other window's. */
  function resolveConflict(questionId: string, keep: 'mine' | 'theirs'): void {
    const conflict = conflicts.value[questionId];
    if (!conflict) return;
    delete conflicts.value[questionId];
    const id = assessment.value?.id;
    if (conflict.fromDevice && conflict.theirs) {
      // Stored here is this device's version; the choice is saved over it, part by part, and
      // the conflict is let go once saved (sync then sends the result).
      const mine = plain(answers.value[questionId] ?? conflict.mine);
      update(questionId, settleConflict(conflict.fromDevice.base, mine, conflict.theirs, keep, now()), true);
      void autosave.flush().then(() => (id ? dropSyncConflict(id, questionId) : undefined));
      return;
    }
    windows.rebase(questionId, conflict.theirs);
    if (keep === 'mine') {
      const latest = answers.value[questionId] ?? conflict.mine;
      update(questionId, { ...plain(latest), updatedAt: now().toISOString() }, true);
      return;
    }
    if (conflict.theirs) answers.value[questionId] = conflict.theirs;
    else delete answers.value[questionId];
    if (id) void journal.forget(id, questionId);
  }

  function dismissMerged(): void {
    merged.value = [];
  }

  /** The person has read what the carry-over to a new version did: the notice is put away. */
  function dismissCarryOver(): Promise<void> {
    return changeAssessment((stored) =>
      stored.carriedOver ? { ...stored, carriedOver: { ...stored.carriedOver, dismissed: true } } : stored,
    );
  }

  /**
   * Changes the assessment's own fields (name, targets, weight profile…). The change is applied
   * to the stored record in one transaction, so a field another window changed meanwhile is kept,
   * and other windows are told to read it again. What it sets is written ahead in the same task,
   * so a reload before that transaction has written it does not lose it (`assessmentChanges.ts`).
   */
  async function changeAssessment(update: (assessment: Assessment) => Assessment): Promise<void> {
    const current = assessment.value;
    if (!current) return;
    // Shown at once; the stored record is changed by the same function. (Memory is not replaced
    // by the stored result: a newer change may already be showing.)
    const next = update(current);
    assessment.value = next;
    await changeAssessmentAhead(journal.tab, current, next, update);
    windows.post({ kind: 'assessment', assessmentId: current.id });
  }

  /** Changes the assessment's name, organisation, date or who prepared it. */
  function updateDetails(
    details: Pick<Assessment, 'name' | 'preparedBy' | 'organisation' | 'assessedOn'>,
  ): Promise<void> {
    const preparedBy = details.preparedBy?.trim();
    const organisation = details.organisation?.trim();
    return changeAssessment((stored) => {
      const next: Assessment = { ...stored, name: details.name.trim(), updatedAt: now().toISOString() };
      if (preparedBy) next.preparedBy = preparedBy;
      else delete next.preparedBy;
      if (organisation) next.organisation = organisation;
      else delete next.organisation;
      if (details.assessedOn) next.assessedOn = details.assessedOn;
      else delete next.assessedOn;
      return next;
    });
  }

  /** The questions the answers show (conditions read only the answers they name). */
  const visible = computed(() =>
    questionnaire.value ? visibleQuestionIds(questionnaire.value, answers.value) : new Set<string>(),
  );
  const progress = computed(() =>
    questionnaire.value ? totalProgress(questionnaire.value, answers.value) : { responded: 0, shown: 0 },
  );

  /**
   * The answers as the answering screen draws them: `answers`, copied once the journal has
   * written the change (and never more than `DRAW_AT_LATEST_MS` later). Write-ahead: a change
   * goes to the disk first and is drawn a few milliseconds later, because drawing it (the
   * questions it reveals, the progress, the card) is the costliest work after a click, and the
   * journal's write would otherwise wait behind it. The control clicked or typed in shows the
   * change at once by itself; the copy is taken when drawn, so it is never older than the page.
   */
  const drawnAnswers = shallowRef<Readonly<Record<string, Answer>>>({});
  let drawing: ReturnType<typeof setTimeout> | undefined;
  function drawSoon(): void {
    if (drawing !== undefined) return;
    const timer = setTimeout(draw, DRAW_AT_LATEST_MS);
    drawing = timer;
    void (journal.written() ?? Promise.resolve()).then(() => {
      if (drawing === timer) draw();
    });
  }
  function draw(): void {
    clearTimeout(drawing);
    drawing = undefined;
    drawnAnswers.value = { ...toRaw(answers.value) };
  }
  // Before the page redraws, after the task that changed the answers has journaled them.
  watch(answers, drawSoon, { deep: 1 });

  /** The questions drawn: replaced only when they are other questions (nothing to redraw). */
  const drawnVisible = computed<ReadonlySet<string>>((previous) => {
    if (!questionnaire.value) return new Set<string>();
    const next = visibleQuestionIds(questionnaire.value, drawnAnswers.value);
    return previous && sameMembers(next, previous) ? previous : next;
  });
  const drawnProgress = computed(() =>
    questionnaire.value ? totalProgress(questionnaire.value, drawnAnswers.value) : { responded: 0, shown: 0 },
  );
  const drawnProgressByPillar = computed(() =>
    questionnaire.value ? pillarProgress(questionnaire.value, drawnAnswers.value) : [],
  );

  /** A full disk reads differently from other failures: the person can act on it. */
  const saveErrorKind = computed(() => storageErrorKind(autosave.error.value));

  return {
    assessment,
    questionnaire,
    answers,
    loadState,
    conflicts,
    merged,
    open,
    setResponse,
    setComment,
    setCommentAccess,
    setEvidence,
    resolveConflict,
    dismissMerged,
    dismissCarryOver,
    updateDetails,
    changeAssessment,
    visible,
    progress,
    drawnAnswers,
    drawnVisible,
    drawnProgress,
    drawnProgressByPillar,
    saveState: autosave.state,
    saveError: autosave.error,
    saveErrorKind,
    flush: autosave.flush,
    retrySave: autosave.retry,
  };
});

function sameMembers(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((id) => b.has(id));
}
