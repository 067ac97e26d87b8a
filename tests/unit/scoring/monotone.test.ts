/**
 * The scoring rule is monotone: giving any question an answer that scores higher, every other
 * answer unchanged, never lowers any pillar's score or the overall score. Checked on every
 * shipped questionnaire under every shipped weight profile (and the questionnaire's own
 * weights), in both groupings, with generated answers. The generator is seeded: a failure
 * prints the seed and the counterexample (set MONOTONE_SEED to try other seeds).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerValue, Answers, Response } from '../../../src/assessment/types.ts';
import { profileWeights, questionnaireProfile } from '../../../src/profiles/resolve.ts';
import type { WeightProfile } from '../../../src/profiles/schema.ts';
import type { Question, Questionnaire } from '../../../src/questionnaire/schema.ts';
import { isScored, numericRange } from '../../../src/questionnaire/answerTypes.ts';
import { questionsInOrder } from '../../../src/questionnaire/walk.ts';
import { conditionQuestions } from '../../../src/questionnaire/conditions.ts';
import { GROUPINGS } from '../../../src/scoring/groups.ts';
import { scoreAssessment } from '../../../src/scoring/score.ts';
import { valueScore } from '../../../src/scoring/valueScore.ts';
import { checkBuiltInProfiles, loadValidQuestionnaires } from '../../../scripts/lib/profiles.ts';

const SEED = Number(process.env.MONOTONE_SEED ?? 20261126);
const AT = '2026-01-01T00:00:00.000Z';
const EPSILON = 1e-9;

const questionnaires = [...loadValidQuestionnaires().values()];
const profiles = checkBuiltInProfiles().flatMap(({ result }) => (result.ok ? [result.value] : []));

/** A value the question accepts (figures anywhere in their range, and around the rule's breaks). */
function valueArbitrary(question: Question): fc.Arbitrary<AnswerValue> {
  switch (question.type) {
    case 'yesNo':
      return fc.constantFrom('yes', 'no');
    case 'yesPartlyNo':
      return fc.constantFrom('yes', 'partly', 'no');
    case 'maturity':
      return fc.integer({ min: 0, max: question.levels.length - 1 });
    case 'singleChoice':
      return fc.constantFrom(...question.options.map((option) => option.id));
    case 'multipleChoice': {
      const exclusive = question.options.filter((option) => option.exclusive).map((option) => option.id);
      const others = question.options.filter((option) => !option.exclusive).map((option) => option.id);
      return fc.oneof(
        fc.subarray(others),
        ...(exclusive.length ? [fc.constantFrom(...exclusive).map((id) => [id])] : []),
      );
    }
    case 'number':
    case 'percentage': {
      const { min, max, integer } = numericRange(question);
      const rule = question.scoring;
      const breaks = !rule
        ? [0, 100]
        : rule.kind === 'linear'
          ? [rule.scoreZeroAt, rule.scoreFullAt]
          : rule.steps.map((step) => step.from);
      const low = min ?? Math.min(...breaks) - 10;
      const high = max ?? Math.max(...breaks) + 10;
      const figure = integer
        ? fc.integer({ min: Math.ceil(low), max: Math.floor(high) })
        : fc.double({ min: low, max: high, noNaN: true });
      return fc.oneof(figure, fc.constantFrom(...breaks.filter((b) => b >= low && b <= high)));
    }
    case 'text':
      return fc.string({ maxLength: 5 });
  }
}

/** No response, "don't know", "not applicable", or a value. */
function responseArbitrary(question: Question, notApplicable: boolean): fc.Arbitrary<Response | undefined> {
  return fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 2 },
    { arbitrary: fc.constant<Response>({ kind: 'dontKnow' }), weight: 1 },
    ...(notApplicable ? [{ arbitrary: fc.constant<Response>({ kind: 'notApplicable' }), weight: 1 }] : []),
    { arbitrary: valueArbitrary(question).map((value): Response => ({ kind: 'value', value })), weight: 5 },
  );
}

function answersArbitrary(questionnaire: Questionnaire): fc.Arbitrary<Answers> {
  const questions = questionsInOrder(questionnaire).map(({ question }) => question);
  return fc.tuple(...questions.map((question) => responseArbitrary(question, true))).map((responses) =>
    withResponses(
      {},
      questions.map((question, i) => [question.id, responses[i]]),
    ),
  );
}

function withResponses(answers: Answers, entries: [string, Response | undefined][]): Answers {
  const next: Record<string, Answers[string]> = { ...answers };
  for (const [questionId, response] of entries) {
    if (response) next[questionId] = { questionId, response, updatedAt: AT };
    else delete next[questionId];
  }
  return next;
}

/** The score a response earns on its own: 0 for none and "don't know", as scoring counts them. */
function responseScore(question: Question, response: Response | undefined): number | undefined {
  if (!response || response.kind === 'dontKnow') return 0;
  if (response.kind === 'notApplicable') return undefined;
  const score = valueScore(question, response.value);
  return typeof score === 'number' ? score : undefined;
}

/** Questions other questions depend on are drawn as often as all the others together. */
function changedQuestion(questionnaire: Questionnaire): fc.Arbitrary<Question> {
  const scored = questionsInOrder(questionnaire)
    .map(({ question }) => question)
    .filter(isScored);
  const gateIds = new Set(
    scored.flatMap((question) => (question.showIf ? conditionQuestions(question.showIf) : [])),
  );
  const gates = scored.filter((question) => gateIds.has(question.id));
  return gates.length
    ? fc.oneof(fc.constantFrom(...gates), fc.constantFrom(...scored))
    : fc.constantFrom(...scored);
}

function weightSets(questionnaire: Questionnaire): { name: string; profile: WeightProfile }[] {
  return [
    ...profiles
      .filter((profile) => profile.appliesTo.includes(questionnaire.id))
      .map((profile) => ({ name: profile.id, profile })),
    { name: 'the questionnaire’s own weights', profile: questionnaireProfile(questionnaire) },
  ];
}

describe('a better answer never lowers a score', () => {
  it('finds the shipped questionnaires and profiles', () => {
    expect(questionnaires.map((q) => q.id).sort()).toEqual(
      expect.arrayContaining(['resolution-130', 'resolution-130-quick', 'sample']),
    );
    expect(profiles.length).toBeGreaterThanOrEqual(3);
  });

  for (const questionnaire of questionnaires)
    for (const { name, profile } of weightSets(questionnaire))
      for (const groupBy of GROUPINGS)
        it(`${questionnaire.id}, ${name}, by ${groupBy}`, () => {
          const weights = profileWeights(profile, groupBy);
          const property = fc.property(
            answersArbitrary(questionnaire),
            changedQuestion(questionnaire).chain((question) =>
              fc.tuple(
                fc.constant(question),
                responseArbitrary(question, false),
                responseArbitrary(question, false),
              ),
            ),
            (answers, [question, first, second]) => {
              const [a, b] = [responseScore(question, first), responseScore(question, second)];
              if (a === undefined || b === undefined || a === b) return;
              const [lower, higher] = a < b ? [first, second] : [second, first];
              const before = scoreAssessment(
                questionnaire,
                withResponses(answers, [[question.id, lower]]),
                weights,
                { groupBy },
              );
              const after = scoreAssessment(
                questionnaire,
                withResponses(answers, [[question.id, higher]]),
                weights,
                { groupBy },
              );
              before.pillars.forEach((pillar, i) => {
                const later = after.pillars[i]?.score ?? null;
                if (pillar.score !== null && later !== null && later < pillar.score - EPSILON)
                  throw new Error(
                    `${question.id}: ${JSON.stringify(lower)} → ${JSON.stringify(higher)} lowers ${pillar.pillarId} from ${pillar.score} to ${later}`,
                  );
              });
              if (
                before.overall !== null &&
                after.overall !== null &&
                after.overall < before.overall - EPSILON
              )
                throw new Error(
                  `${question.id}: ${JSON.stringify(lower)} → ${JSON.stringify(higher)} lowers the overall score from ${before.overall} to ${after.overall}`,
                );
            },
          );
          fc.assert(property, { seed: SEED, numRuns: 300 });
        });
});
