/**
 * A large synthetic workshop for the merge benchmark: `questions` questions of six types in six
 * pillars, answered by `participants` people spread over the five default stakeholder groups,
 * with some "not applicable", "don't know" and unanswered questions. A fixed seed, so every run
 * merges the same answers. The answers are structured clones, the form IndexedDB gives them in
 * (the merge reads the workshop's received answers from there).
 */
import type { Answers, Response } from '../../../src/assessment/types.ts';
import type { Question, Questionnaire } from '../../../src/questionnaire/schema.ts';
import type { MergeParticipant } from '../../../src/workshop/merge.ts';
import { DEFAULT_GROUPS } from '../../../src/workshop/setup.ts';

const PILLARS = 6;

/** A small deterministic generator (a linear congruential one). */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

const text = (en: string) => ({ en });
const TYPES = ['maturity', 'yesPartlyNo', 'singleChoice', 'percentage', 'multipleChoice', 'yesNo'] as const;

function makeQuestion(index: number): Question {
  const base = {
    id: `q${index}`,
    text: text(`Question ${index}`),
    sources: ['R130/resolves/sme-problems'],
    gciPillar: 'technical' as const,
  };
  const type = TYPES[index % TYPES.length]!;
  const options = ['a', 'b', 'c', 'd'].map((id, i) => ({ id, label: text(id), score: i / 3 }));
  switch (type) {
    case 'maturity':
      return { ...base, type, levels: [0, 1, 2, 3, 4, 5].map((level) => text(`level ${level}`)) };
    case 'singleChoice':
    case 'multipleChoice':
      return { ...base, type, options };
    case 'percentage':
      return { ...base, type, scoring: { kind: 'linear', scoreZeroAt: 0, scoreFullAt: 100 } };
    default:
      return { ...base, type };
  }
}

function makeResponse(question: Question, next: () => number): Response | undefined {
  const roll = next();
  if (roll < 0.05) return undefined;
  if (roll < 0.08) return { kind: 'notApplicable' };
  if (roll < 0.12) return { kind: 'dontKnow' };
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!;
  switch (question.type) {
    case 'maturity':
      return { kind: 'value', value: pick([0, 1, 2, 3, 4, 5]) };
    case 'yesPartlyNo':
      return { kind: 'value', value: pick(['yes', 'partly', 'no']) };
    case 'yesNo':
      return { kind: 'value', value: pick(['yes', 'no']) };
    case 'singleChoice':
      return { kind: 'value', value: pick(question.options.map((option) => option.id)) };
    case 'multipleChoice':
      return { kind: 'value', value: question.options.map((option) => option.id).filter(() => next() < 0.5) };
    case 'text':
      return { kind: 'value', value: pick(['Budget.', 'Staff.', 'Laws.']) };
    case 'number':
      return {
        kind: 'value',
        value: Math.round((question.min ?? 0) + next() * ((question.max ?? 100) - (question.min ?? 0))),
      };
    default:
      return { kind: 'value', value: Math.round(next() * 100) };
  }
}

/**
 * `participantCount` participants answering `questionnaire` at random (the same each time for a
 * seed), spread over the five default groups, as IndexedDB gives them back (a structured clone).
 */
export function answerAtRandom(
  questionnaire: Questionnaire,
  participantCount: number,
  seed = 130,
): MergeParticipant[] {
  const questions = questionnaire.pillars.flatMap((pillar) => pillar.questions);
  const next = random(seed);
  const at = '2026-03-10T10:00:00.000Z';
  const participants = Array.from({ length: participantCount }, (_, index) => {
    const answers: Record<string, NonNullable<Answers[string]>> = {};
    for (const question of questions) {
      const response = makeResponse(question, next);
      if (response) answers[question.id] = { questionId: question.id, response, updatedAt: at };
    }
    return { participantId: `p${index}`, group: DEFAULT_GROUPS[index % DEFAULT_GROUPS.length]!, answers };
  });
  return structuredClone(participants);
}

export interface SyntheticWorkshop {
  questionnaire: Questionnaire;
  groups: readonly string[];
  participants: MergeParticipant[];
}

export function syntheticWorkshop(
  participantCount: number,
  questionCount: number,
  seed = 130,
): SyntheticWorkshop {
  const questions = Array.from({ length: questionCount }, (_, index) => makeQuestion(index));
  const questionnaire: Questionnaire = {
    format: 1,
    id: 'bench',
    version: '1.0.0',
    languages: ['en'],
    defaultLanguage: 'en',
    title: text('Benchmark'),
    pillars: Array.from({ length: PILLARS }, (_, p) => ({
      id: `p${p}`,
      title: text(`Pillar ${p}`),
      sources: ['R130/resolves/sme-problems'],
      questions: questions.filter((_, index) => index % PILLARS === p),
    })),
  };
  return {
    questionnaire,
    groups: DEFAULT_GROUPS,
    participants: answerAtRandom(questionnaire, participantCount, seed),
  };
}
