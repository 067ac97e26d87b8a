/**
 * How a question stands for a set of answers: shown, or hidden by its condition in one of the
 * ways that decide how it counts. The questions shown are exactly those of the answering screen
 * (`visibleQuestionIds`); this module only says what a hidden one means for the score.
 *
 * - `notAsked`: the gate questions are answered and the condition does not hold, so the
 *   capacity the follow-up asks about is absent. It counts with score 0, and it is settled:
 *   nothing is left to answer (`whenHidden: "zero"`, the default).
 * - `credited`: the follow-up is asked only while a capacity is absent, and the answer to its
 *   gate already goes beyond what it asks (a national CIRT exists, so the plans to create one
 *   are fulfilled). It counts with score 1 and is settled (`whenHidden: "full"`).
 * - `pending`: a gate question is still open (unanswered or "don't know", or itself waiting
 *   on its own gate), and the condition may yet hold. It counts with score 0 and is not
 *   settled, so coverage and "still to answer" stay honest.
 * - `outOfScope`: it does not count at all: every gate was answered "not applicable" (or is
 *   itself out of scope), or the follow-up says `whenHidden: "notApplicable"`.
 *
 * Counting hidden follow-ups, instead of leaving them out of the denominator, is what makes the
 * score monotone: a better answer to a gate can only move its follow-ups from 0 to their own
 * score (or from their score to full credit), never the other way. `checkFollowUps` in
 * `soundness.ts` refuses questionnaires whose conditions would break this.
 */
import type { AnswerValue, Answers } from '../assessment/types.ts';
import { combineTruths, conditionQuestions, holds, visibleQuestionIds } from '../questionnaire/conditions.ts';
import type { Condition, Questionnaire } from '../questionnaire/schema.ts';

export type Asked = 'shown' | 'notAsked' | 'credited' | 'pending' | 'outOfScope';

/** A condition's truth while some of its gate questions are still open: `undefined` is "not yet known". */
type Truth = boolean | undefined;
type Leaf = Extract<Condition, { question: string }>;

/** How each question stands for these answers, by question id. */
export function askedStates(questionnaire: Questionnaire, answers: Answers): Map<string, Asked> {
  const visible = visibleQuestionIds(questionnaire, answers);
  const states = new Map<string, Asked>();
  // Document order, without building located copies: the workshop merge asks this of every
  // participant.
  for (const pillar of questionnaire.pillars) {
    for (const question of pillar.questions) {
      if (!question.showIf || visible.has(question.id)) {
        states.set(question.id, 'shown');
        continue;
      }
      const condition = question.showIf;
      const gate = (id: string) => gateOf(id, answers, states);
      let state: Asked;
      if (conditionQuestions(condition).every((id) => gate(id).outOfScope)) state = 'outOfScope';
      else if (question.whenHidden === 'notApplicable') state = 'outOfScope';
      else if (evaluate(condition, (leaf) => settledTruth(leaf, gate(leaf.question))) === undefined)
        state = 'pending';
      else if (
        question.whenHidden === 'full' &&
        evaluate(condition, (leaf) => answeredTruth(leaf, gate(leaf.question))) === false
      )
        state = 'credited';
      else state = 'notAsked';
      states.set(question.id, state);
    }
  }
  return states;
}

/**
 * Kleene's three-valued logic, as `holds` reads conditions: a part that is not yet known decides
 * nothing on its own, and its `not` is not known either.
 */
export function evaluate(condition: Condition, leaf: (part: Leaf) => Truth): Truth {
  if ('all' in condition) return combineTruths(condition.all, (part) => evaluate(part, leaf), false);
  if ('any' in condition) return combineTruths(condition.any, (part) => evaluate(part, leaf), true);
  if ('not' in condition) {
    const inner = evaluate(condition.not, leaf);
    return inner === undefined ? undefined : !inner;
  }
  return leaf(condition);
}

interface Gate {
  /** The gate's value, while it is shown and answered with one. */
  value?: AnswerValue;
  /** Shown and unanswered or "don't know", or hidden while its own gate is open. */
  open: boolean;
  /** Answered "not applicable", or out of scope itself. */
  outOfScope: boolean;
}

function gateOf(id: string, answers: Answers, states: ReadonlyMap<string, Asked>): Gate {
  const state = states.get(id);
  if (state !== 'shown') return { open: state === 'pending', outOfScope: state === 'outOfScope' };
  const response = answers[id]?.response;
  if (response?.kind === 'value') return { value: response.value, open: false, outOfScope: false };
  return { open: response?.kind !== 'notApplicable', outOfScope: response?.kind === 'notApplicable' };
}

/** Known once the gate is settled: answered, "not applicable", or hidden for good. */
function settledTruth(leaf: Leaf, gate: Gate): Truth {
  if (gate.open) return undefined;
  return gate.value !== undefined && holds(leaf, () => gate.value);
}

/** Known only from a value the gate was actually given. */
function answeredTruth(leaf: Leaf, gate: Gate): Truth {
  return gate.value === undefined ? undefined : holds(leaf, () => gate.value);
}
