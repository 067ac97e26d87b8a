/** Merging a large workshop: 500 participants answering 120 questions, in five stakeholder groups. */
import type { Answers, Response } from '../../../src/assessment/types.ts';
import type { Question, Questionnaire } from '../../../src/questionnaire/schema.ts';
import { byDisagreement, mergeAnswers, type MergeParticipant } from '../../../src/workshop/merge.ts';
import { DEFAULT_GROUPS } from '../../../src/workshop/setup.ts';
import { time, type Measurement } from '../measurement.ts';

const PARTICIPANTS = 500;
const QUESTIONS = 120;
const PILLARS = 6;

/** A small deterministic generator, so every run merges the same answers. */
function random(seed: number) {
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
      return { kind: 'value', value: pick(['a', 'b', 'c', 'd']) };
    case 'multipleChoice':
      return { kind: 'value', value: ['a', 'b', 'c', 'd'].filter(() => next() < 0.5) };
    default:
      return { kind: 'value', value: Math.round(next() * 100) };
  }
}

let questionnaire: Questionnaire;
let participants: MergeParticipant[];

const measurement: Measurement = {
  name: 'workshop merge',
  runs: 7,
  setup() {
    const questions = Array.from({ length: QUESTIONS }, (_, index) => makeQuestion(index));
    questionnaire = {
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
    const next = random(130);
    const at = '2026-03-10T10:00:00.000Z';
    participants = Array.from({ length: PARTICIPANTS }, (_, index) => {
      const answers: Record<string, NonNullable<Answers[string]>> = {};
      for (const question of questions) {
        const response = makeResponse(question, next);
        if (response) answers[question.id] = { questionId: question.id, response, updatedAt: at };
      }
      return { participantId: `p${index}`, group: DEFAULT_GROUPS[index % DEFAULT_GROUPS.length]!, answers };
    });
    mergeAnswers({ questionnaire, groups: DEFAULT_GROUPS, participants }); // warm-up
  },
  async measure() {
    let merged: ReturnType<typeof mergeAnswers> | undefined;
    const merge = await time(() => {
      merged = mergeAnswers({ questionnaire, groups: DEFAULT_GROUPS, participants });
    });
    const sort = await time(() => byDisagreement(merged!.questions));
    return [
      {
        label: `merge ${PARTICIPANTS} participants × ${QUESTIONS} questions, 5 groups`,
        value: merge,
        unit: 'ms',
      },
      { label: 'sort the merged questions by disagreement', value: sort, unit: 'ms' },
    ];
  },
};

export default measurement;
