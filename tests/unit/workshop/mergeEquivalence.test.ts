/**
 * The fast merge (`src/workshop/merge.ts`) against the straightforward one it replaced
 * (`mergeReference.ts`): on random workshops, every figure must be the same, down to the last
 * bit of every number and the very answer shown as a median.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Answers, Response } from '../../../src/assessment/types.ts';
import type { Condition, NumericRule, Question, Questionnaire } from '../../../src/questionnaire/schema.ts';
import type { Weights } from '../../../src/scoring/weights.ts';
import { mergeParticipants, type MergeInput } from '../../../src/workshop/merge.ts';
import { pillar, question, questionnaire } from '../builders.ts';
import { mergeReference } from './mergeReference.ts';

const TYPES = [
  'yesNo',
  'yesPartlyNo',
  'maturity',
  'singleChoice',
  'multipleChoice',
  'number',
  'percentage',
  'text',
] as const;

/** Scores that tie often, so that the order among equal scores is exercised. */
const score = fc.constantFrom(0, 0.25, 0.5, 0.5, 1, 1 / 3);
const weight = fc.constantFrom(0, 0.5, 1, 1, 2);

const rule: fc.Arbitrary<NumericRule> = fc.oneof(
  fc.record({
    kind: fc.constant('linear' as const),
    scoreZeroAt: fc.constant(0),
    scoreFullAt: fc.constantFrom(10, 100),
  }),
  fc.record({
    kind: fc.constant('steps' as const),
    steps: fc.constant<{ from: number; score: number }[]>([
      { from: 0, score: 0.2 },
      { from: 5, score: 0.5 },
      { from: 20, score: 1 },
    ]),
  }),
);

const OPTION_IDS = ['a', 'b', 'c', 'd'];
const WHEN_HIDDEN = [undefined, 'full', 'notApplicable', undefined] as const;

function questionArbitrary(id: string) {
  return fc
    .record({
      type: fc.constantFrom(...TYPES),
      weight: fc.option(weight, { nil: undefined }),
      optionScores: fc.array(score, { minLength: 2, maxLength: 4 }),
      scoring: rule,
      integer: fc.boolean(),
    })
    .map(({ type, weight, optionScores, scoring, integer }): Question => {
      const options = optionScores.map((value, index) => ({
        id: OPTION_IDS[index]!,
        label: { en: OPTION_IDS[index]! },
        score: value,
      }));
      const extra: Partial<Question> = weight === undefined ? {} : { weight };
      if (type === 'singleChoice' || type === 'multipleChoice')
        return question({ id, type, options, ...extra });
      if (type === 'number') return question({ id, type, scoring, min: 0, max: 50, integer, ...extra });
      if (type === 'percentage') return question({ id, type, scoring, ...extra });
      return question({ id, type, ...extra });
    });
}

/** A condition on an earlier question, of a kind that can hold for its answers. */
function conditionOn(earlier: Question, pick: number): Condition {
  switch (earlier.type) {
    case 'yesNo':
    case 'yesPartlyNo':
      return pick % 2 === 0
        ? { question: earlier.id, equals: 'yes' }
        : { question: earlier.id, in: ['yes', 'partly'] };
    case 'singleChoice':
      return { question: earlier.id, in: ['a', 'b'] };
    case 'multipleChoice':
      return { question: earlier.id, includes: 'a' };
    case 'text':
      return { question: earlier.id, equals: 'x' };
    default:
      return { question: earlier.id, atLeast: pick % 3 };
  }
}

const questionnaireArbitrary = fc
  .record({
    sizes: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }),
    pillarWeights: fc.array(fc.option(weight, { nil: undefined }), { minLength: 3, maxLength: 3 }),
    conditions: fc.array(fc.nat(), { minLength: 15, maxLength: 15 }),
  })
  .chain(({ sizes, pillarWeights, conditions }) => {
    const total = sizes.reduce((sum, size) => sum + size, 0);
    return fc.array(fc.nat(), { minLength: total, maxLength: total }).chain((seeds) =>
      fc.tuple(...seeds.map((_, index) => questionArbitrary(`q${index}`))).map((questions): Questionnaire => {
        // Some questions are asked only when an earlier one was answered a certain way.
        questions.forEach((entry, index) => {
          const pick = conditions[index % conditions.length]!;
          if (index > 0 && pick % 3 === 0) {
            entry.showIf = conditionOn(questions[pick % index]!, pick);
            // Hidden follow-ups count 0, in full, or not at all (see followUps.ts).
            const whenHidden = WHEN_HIDDEN[pick % WHEN_HIDDEN.length];
            if (whenHidden) entry.whenHidden = whenHidden;
          }
          // Some figures are collected for context and never scored.
          if ((entry.type === 'number' || entry.type === 'percentage') && pick % 5 === 1) {
            delete entry.scoring;
            entry.scored = false;
          }
        });
        let next = 0;
        return questionnaire(
          sizes.map((size, p) => {
            const own = questions.slice(next, (next += size));
            const weightOf = pillarWeights[p];
            return pillar(`p${p}`, own, weightOf === undefined ? {} : { weight: weightOf });
          }),
        );
      }),
    );
  });

/** A response to `question`: valid values, values it refuses, and the other kinds. */
function responseArbitrary(question: Question): fc.Arbitrary<Response | undefined> {
  const valid: fc.Arbitrary<unknown>[] = [];
  switch (question.type) {
    case 'yesNo':
      valid.push(fc.constantFrom('yes', 'no'));
      break;
    case 'yesPartlyNo':
      valid.push(fc.constantFrom('yes', 'partly', 'no'));
      break;
    case 'maturity':
      valid.push(fc.integer({ min: 0, max: 5 }), fc.constant(-0));
      break;
    case 'singleChoice':
      valid.push(fc.constantFrom(...question.options.map((option) => option.id)));
      break;
    case 'multipleChoice': {
      const ids = question.options.map((option) => option.id);
      // Any order, sometimes the same option twice.
      valid.push(fc.array(fc.constantFrom(...ids), { maxLength: 4 }), fc.shuffledSubarray(ids));
      break;
    }
    case 'number':
      valid.push(fc.integer({ min: 0, max: 60 }), fc.constantFrom(2.5, 7.25, -0));
      break;
    case 'percentage':
      valid.push(fc.integer({ min: 0, max: 100 }), fc.constantFrom(12.5, 99.9, -0));
      break;
    case 'text':
      valid.push(fc.constantFrom('Budget', '   ', '', 'x', 'Les équipes'));
      break;
  }
  const refused = fc.constantFrom<unknown>('nope', 7, 101, -3, ['zz'], ['a', 9], true, null, 'yes');
  const value = fc.oneof(...valid, ...valid, ...valid, refused);
  return fc.oneof(
    { weight: 6, arbitrary: value.map((v) => ({ kind: 'value', value: v }) as Response) },
    { weight: 1, arbitrary: fc.constant<Response>({ kind: 'notApplicable' }) },
    { weight: 1, arbitrary: fc.constant<Response>({ kind: 'dontKnow' }) },
    { weight: 2, arbitrary: fc.constant(undefined) },
  );
}

const AT = '2026-01-01T00:00:00.000Z';

function answersArbitrary(q: Questionnaire): fc.Arbitrary<Answers> {
  const questions = q.pillars.flatMap((entry) => entry.questions);
  return fc
    .tuple(
      fc.tuple(...questions.map((entry) => fc.option(responseArbitrary(entry), { nil: null, freq: 4 }))),
      fc.option(responseArbitrary(question({ id: 'elsewhere', type: 'yesNo' })), { nil: undefined }),
      fc.boolean(),
    )
    .map(([responses, stray, reversed]) => {
      const entries: [string, Answer][] = [];
      responses.forEach((response, index) => {
        // null: no record at all; undefined: a record without a response (only a comment).
        if (response === null) return;
        const questionId = questions[index]!.id;
        entries.push([questionId, { questionId, updatedAt: AT, ...(response ? { response } : {}) }]);
      });
      // An answer to a question this questionnaire does not have.
      if (stray) entries.push(['elsewhere', { questionId: 'elsewhere', response: stray, updatedAt: AT }]);
      // Answers as they come back from storage: in any order, as a structured clone.
      return structuredClone(Object.fromEntries(reversed ? entries.reverse() : entries));
    });
}

const weightsArbitrary = (q: Questionnaire): fc.Arbitrary<Weights | undefined> =>
  fc.option(
    fc.record({
      pillars: fc.constant(
        Object.fromEntries(q.pillars.map((entry, index) => [entry.id, index === 0 ? 2 : 1])),
      ),
      questions: fc.dictionary(
        fc.constantFrom(...q.pillars.flatMap((entry) => entry.questions.map((item) => item.id)), 'q0'),
        weight,
      ),
    }),
    { nil: undefined },
  );

const workshopArbitrary: fc.Arbitrary<MergeInput> = questionnaireArbitrary.chain((q) =>
  fc.record({
    questionnaire: fc.constant(q),
    groups: fc.array(fc.constantFrom('government', 'academia', 'civil-society'), { maxLength: 4 }),
    participants: fc.array(
      fc.record({
        participantId: fc.uuid(),
        group: fc.constantFrom('government', 'academia', 'civil-society', 'media'),
        answers: answersArbitrary(q),
      }),
      { maxLength: 30 },
    ),
    weights: weightsArbitrary(q),
  }),
);

/** The result, or the error thrown (weights that cannot give a score are refused either way). */
function outcome(merge: (input: MergeInput) => unknown, input: MergeInput): unknown {
  try {
    return { result: merge(input) };
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : error };
  }
}

// Hundreds of workshops through the slow reference: a generous limit for a loaded machine.
describe('the fast merge', () => {
  it('gives exactly the figures of the straightforward merge on random workshops', () => {
    fc.assert(
      fc.property(workshopArbitrary, (input) => {
        expect(outcome(mergeParticipants, input)).toStrictEqual(outcome(mergeReference, input));
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('gives them for large rooms too, where every answer is given many times', () => {
    fc.assert(
      fc.property(
        workshopArbitrary.filter((input) => input.participants.length > 0),
        fc.integer({ min: 5, max: 12 }),
        (input, copies) => {
          // The same people many times over: long runs of equal answers in every group.
          const participants = Array.from({ length: copies }, () => input.participants).flat();
          const large = { ...input, participants };
          expect(outcome(mergeParticipants, large)).toStrictEqual(outcome(mergeReference, large));
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
