/**
 * Which questions a part of an assessment covers. A part is a whole pillar or one question; the
 * person it is given to answers those questions, and reads (without writing) the answers outside
 * the part that decide whether a question of the part is shown at all (the gates of its
 * conditions, and theirs in turn), so the part looks on their device as it does on the
 * coordinator's.
 */
import type { Condition, Questionnaire } from '../questionnaire/schema.ts';

export const PART_KINDS = ['pillar', 'question'] as const;
export type PartKind = (typeof PART_KINDS)[number];

export interface PartRef {
  kind: PartKind;
  id: string;
}

export interface PartQuestions {
  /** The questions the assignee answers, in questionnaire order. */
  questions: string[];
  /** Questions outside the part whose answers decide what the part shows: read only. */
  gates: string[];
}

/** Every question a condition asks about. */
export function conditionQuestions(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionQuestions);
  if ('any' in condition) return condition.any.flatMap(conditionQuestions);
  if ('not' in condition) return conditionQuestions(condition.not);
  return [condition.question];
}

/** The questions of a part, or undefined when the questionnaire has no such pillar or question. */
export function partQuestions(questionnaire: Questionnaire, part: PartRef): PartQuestions | undefined {
  const all = questionnaire.pillars.flatMap((pillar) =>
    pillar.questions.map((question) => ({ pillar, question })),
  );
  const inPart = all.filter(({ pillar, question }) =>
    part.kind === 'pillar' ? pillar.id === part.id : question.id === part.id,
  );
  if (inPart.length === 0) return undefined;
  const questions = new Set(inPart.map(({ question }) => question.id));
  const conditionOf = new Map(all.map(({ question }) => [question.id, question.showIf]));
  const gates = new Set<string>();
  const pending = [...questions];
  while (pending.length > 0) {
    const condition = conditionOf.get(pending.pop()!);
    for (const gate of condition ? conditionQuestions(condition) : []) {
      if (questions.has(gate) || gates.has(gate)) continue;
      gates.add(gate);
      pending.push(gate);
    }
  }
  const ordered = (ids: Set<string>) => all.map(({ question }) => question.id).filter((id) => ids.has(id));
  return { questions: ordered(questions), gates: ordered(gates) };
}
