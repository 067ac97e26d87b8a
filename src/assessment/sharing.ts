/**
 * What a copy for sharing keeps (a sharing export, its CSV, a report for a partner): an answer's
 * response, its comment unless restricted and its evidence but the restricted items; of the
 * assessment, everything but the fields that name people. One policy for every such copy.
 */
import { PERSONAL_FIELDS } from './schema.ts';
import type { Answer, Answers, Assessment } from './types.ts';

/**
 * An answer as a partner may see it: a restricted comment and restricted evidence are left
 * out. An answer left with nothing to say is left out altogether.
 */
export function forSharing(answer: Answer): Answer | undefined {
  const shared: Answer = { questionId: answer.questionId, updatedAt: answer.updatedAt };
  if (answer.response) shared.response = answer.response;
  if (answer.comment && answer.commentAccess !== 'restricted') shared.comment = answer.comment;
  const evidence = answer.evidence?.filter((item) => item.access !== 'restricted');
  if (evidence?.length) shared.evidence = evidence;
  return shared.response || shared.comment || shared.evidence ? shared : undefined;
}

/** The answers as a partner may see them, in the same order, without those left with nothing. */
export function sharedList(answers: Iterable<Answer | undefined>): Answer[] {
  return [...answers].map((answer) => answer && forSharing(answer)).filter((answer) => answer !== undefined);
}

/** The answers by question as a partner may see them (see `forSharing`). */
export function sharedAnswers(answers: Answers): Answers {
  return Object.fromEntries(sharedList(Object.values(answers)).map((answer) => [answer.questionId, answer]));
}

/**
 * The assessment without the fields that name people (`PERSONAL_FIELDS`, and a workshop
 * participant's name), and with the earlier answers kept by a carry-over shared like answers.
 */
export function withoutPersonalFields(assessment: Assessment): Assessment {
  const copy: Assessment = { ...assessment };
  for (const field of PERSONAL_FIELDS) delete copy[field];
  if (copy.workshop?.name !== undefined) {
    const { name: _, ...workshop } = copy.workshop;
    copy.workshop = workshop;
  }
  if (copy.carriedOver) {
    const { mapped, listed } = copy.carriedOver;
    copy.carriedOver = {
      ...copy.carriedOver,
      mapped: mapped.map((entry) => ({
        ...entry,
        answer: forSharing(entry.answer) ?? questionOnly(entry.answer),
      })),
      listed: sharedList(listed),
    };
  }
  return copy;
}

/** An answer stripped to its question, where a mapped earlier answer had nothing left to share. */
const questionOnly = ({ questionId, updatedAt }: Answer): Answer => ({ questionId, updatedAt });
