/**
 * Keeps the app's windows and tabs on one device from overwriting each other's answers. Each
 * window remembers every answer as it last read or wrote it (its base); a save writes only if
 * the stored answer is still that base (`saveAnswerIfUnchanged`), and otherwise merges the two
 * field by field, holding the same field changed differently on both sides as a conflict for a
 * person. Windows tell each other what they wrote over a BroadcastChannel (ids only) and read
 * it again themselves, except where a change of their own is waiting to be written.
 *
 * Framework-free: the answers, conflicts and merges shown live with the caller (the assessment
 * store), which hands them over as `ShownAnswers`.
 */
import { newId } from '../assessment/ids.ts';
import { mergeAnswers, type AnswerField } from '../assessment/merge.ts';
import type { Answer, Assessment } from '../assessment/types.ts';
import type { SyncConflict } from '../sync/core.ts';
import { getAssessment, loadAnswer, loadAnswers } from './assessments.ts';
import { saveAnswerIfUnchanged } from './saving.ts';
import { openChannel, type ChangeMessage } from './channel.ts';
import { plain } from './db.ts';
import { createJournal } from './journal.ts';
import { loadSyncConflicts } from './syncConflicts.ts';

/** The same answer changed here and in another window (or on another device), in the same field: a person chooses. */
export interface Conflict {
  mine: Answer;
  theirs: Answer | undefined;
  fields: AnswerField[];
  /** Set when the other version came from another device, through the server of record. */
  fromDevice?: { base?: Answer };
}

export const deviceConflict = (found: SyncConflict): Conflict => ({
  mine: found.mine,
  theirs: found.theirs,
  fields: found.fields,
  fromDevice: found.base ? { base: found.base } : {},
});

/** What a window shows, held by its caller: the sync reads and changes it in place. */
export interface ShownAnswers {
  /** The assessment shown, if any. */
  assessmentId(): string | undefined;
  answers(): Record<string, Answer>;
  /** Questions changed in two windows at once, waiting for a person's choice. */
  conflicts(): Record<string, Conflict>;
  /** Questions where another window's change was merged with this one's (to tell the person). */
  merged(): string[];
  /** Whether a change of this window's is waiting to be written (its write will merge). */
  isPending(questionId: string): boolean;
  /** Asks for another write (typing kept changing the answer while it was merged). */
  writeLater(questionId: string): void;
  /** Another window changed the assessment's own record, or deleted it (undefined). */
  assessmentChanged(found: Assessment | undefined): void;
}

/** How many times a write merges and tries again before it waits for the next change. */
const ATTEMPTS = 3;

/** This window's id, kept across reloads of the tab (sessionStorage belongs to the tab). */
export function tabId(): string {
  try {
    const existing = sessionStorage.getItem('baseline.tab');
    if (existing) return existing;
    const id = newId();
    sessionStorage.setItem('baseline.tab', id);
    return id;
  } catch {
    return newId();
  }
}

/** The sync of one window; `shown` is what it shows, `tab` its id in the journal. */
export function createWindowSync(shown: ShownAnswers, tab: string = tabId()) {
  /** Each answer as this window last read or wrote it: what a save checks the stored one against. */
  const bases = new Map<string, Answer | undefined>();
  /** Counts this window's changes and writes per question, so a read that raced one is dropped. */
  const revisions = new Map<string, number>();
  /** Questions being written right now: what another window stored is not shown over them. */
  const writing = new Set<string>();
  const touch = (questionId: string) => revisions.set(questionId, (revisions.get(questionId) ?? 0) + 1);
  const journal = createJournal(tab);
  const channel = openChannel((message) => void receive(message));
  /**
   * What is said about the assessment being opened, held until its answers are shown (`read`):
   * a change another window saves after the opening read them would otherwise be lost between
   * that read and the showing.
   */
  let opening: { assessmentId: string; messages: ChangeMessage[] } | undefined;

  /**
   * Saves one answer unless another window changed it since this one read it. Then the two are
   * merged field by field; only the same field changed differently on both sides is held back
   * as a conflict for the person to settle. Nothing is overwritten unseen.
   */
  async function write(questionId: string): Promise<void> {
    writing.add(questionId);
    try {
      await writeChecked(questionId);
    } finally {
      writing.delete(questionId);
    }
  }

  async function writeChecked(questionId: string): Promise<void> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const id = shown.assessmentId();
      const mine = shown.answers()[questionId];
      if (!id || !mine || shown.conflicts()[questionId]) return;
      const base = bases.get(questionId);
      const outcome = await saveAnswerIfUnchanged(id, mine, base, journal.tab);
      if (outcome.saved) {
        touch(questionId);
        bases.set(questionId, plain(mine));
        channel.post({ kind: 'answers', assessmentId: id, questionIds: [questionId] });
        return;
      }
      const merge = mergeAnswers(base, plain(mine), outcome.current, new Date());
      if (merge.kind === 'conflict') {
        shown.conflicts()[questionId] = { mine: plain(mine), theirs: outcome.current, fields: merge.fields };
        return;
      }
      // Typed on meanwhile: merge again from the same base with the newer text.
      if (shown.answers()[questionId] !== mine) continue;
      bases.set(questionId, outcome.current);
      touch(questionId);
      shown.answers()[questionId] = merge.answer;
      const merged = shown.merged();
      if (!merged.includes(questionId)) merged.push(questionId);
    }
    shown.writeLater(questionId);
  }

  /** What another window (or sync) said it wrote: read again and shown. */
  async function receive(message: ChangeMessage): Promise<void> {
    if (!('assessmentId' in message)) return;
    if (opening?.assessmentId === message.assessmentId) {
      opening.messages.push(message);
      return;
    }
    const id = shown.assessmentId();
    if (!id || message.assessmentId !== id) return;
    const seen = new Map(revisions);
    if (message.kind === 'conflicts') {
      await reloadDeviceConflicts(id);
      return;
    }
    if (message.kind === 'assessment') {
      const found = await getAssessment(id);
      shown.assessmentChanged(found);
      if (!found) return;
      // Replaced by an import, perhaps: read every answer again.
      const stored = await loadAnswers(id);
      const questionIds = new Set([...Object.keys(stored), ...Object.keys(shown.answers())]);
      refreshAnswers(id, [...questionIds], stored, seen);
      return;
    }
    const stored: Record<string, Answer> = {};
    for (const questionId of message.questionIds) {
      const answer = await loadAnswer(id, questionId);
      if (answer) stored[questionId] = answer;
    }
    refreshAnswers(id, message.questionIds, stored, seen);
  }

  /** Conflicts with other devices, as sync left them: added, changed, or settled by a newer version. */
  async function reloadDeviceConflicts(id: string): Promise<void> {
    const found = new Map((await loadSyncConflicts(id)).map((entry) => [entry.questionId, entry]));
    if (shown.assessmentId() !== id) return;
    const conflicts = shown.conflicts();
    for (const [questionId, conflict] of Object.entries(conflicts))
      if (conflict.fromDevice && !found.has(questionId)) delete conflicts[questionId];
    for (const [questionId, entry] of found) conflicts[questionId] = deviceConflict(entry);
  }

  /** Shows what another window stored, except where this window has a change of its own waiting. */
  function refreshAnswers(
    id: string,
    questionIds: string[],
    stored: Record<string, Answer>,
    seen: ReadonlyMap<string, number>,
  ): void {
    if (shown.assessmentId() !== id) return;
    const answers = shown.answers();
    for (const questionId of questionIds) {
      // A change typed (or written) here meanwhile wins: its save merges with what was stored.
      if (shown.isPending(questionId) || writing.has(questionId) || shown.conflicts()[questionId]) continue;
      if ((revisions.get(questionId) ?? 0) !== (seen.get(questionId) ?? 0)) continue;
      const answer = stored[questionId];
      bases.set(questionId, answer);
      if (answer) answers[questionId] = answer;
      else delete answers[questionId];
    }
  }

  return {
    /** The write-ahead journal of this window (see src/storage/journal.ts). */
    journal,
    write,
    receive,
    /** A change made here: counted, so a read of another window's racing it is dropped, and journaled. */
    changed(answer: Answer): void {
      touch(answer.questionId);
      const assessmentId = shown.assessmentId();
      if (assessmentId) journal.record({ assessmentId, answer, base: bases.get(answer.questionId) });
    },
    /** The assessment `assessmentId` is being opened: what is said about it waits for `read`. */
    opening(assessmentId: string): void {
      opening = { assessmentId, messages: [] };
    },
    /**
     * The answers as read when the assessment opened, now shown: every save is checked against
     * them, and what other windows said while it opened is read again.
     */
    read(answers: Record<string, Answer>): void {
      bases.clear();
      for (const [questionId, answer] of Object.entries(answers)) bases.set(questionId, answer);
      // Another assessment opened meanwhile: what is held waits for that one's answers.
      if (!opening || opening.assessmentId !== shown.assessmentId()) return;
      const held = opening.messages;
      opening = undefined;
      for (const message of held) void receive(message);
    },
    /** Takes `answer` as what this window last saw stored (a journal entry's base, a settled conflict). */
    rebase(questionId: string, answer: Answer | undefined): void {
      bases.set(questionId, answer);
    },
    /** Tells the other windows what this one wrote. */
    post: (message: ChangeMessage) => channel.post(message),
    close: () => channel.close(),
  };
}

export type WindowSync = ReturnType<typeof createWindowSync>;
