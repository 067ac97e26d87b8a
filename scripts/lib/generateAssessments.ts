/**
 * Generated assessments for the statistics tests and bench: every scored question answered with
 * one of the answers its type offers (`answerSamples`), the better answers more often for a
 * stronger organisation, from a seeded generator so a run can be repeated.
 */
import type { PoolClient } from 'pg';
import type { Answers, Assessment } from '../../src/assessment/types.ts';
import type { Questionnaire } from '../../src/questionnaire/schema.ts';
import { answerSamples } from '../../src/scoring/answerSamples.ts';

/** mulberry32: a small seeded generator, good enough to spread test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Answers to every question that has answers to offer. `strength` (0 to 1): how often the best
 * answer is chosen rather than any. `dontKnow` (0 to 1): how often "don't know" is answered.
 */
export function generateAnswers(
  questionnaire: Questionnaire,
  random: () => number,
  { strength = 0.5, dontKnow = 0, updatedAt = '2026-01-01T00:00:00.000Z' } = {},
): Answers {
  const answers: Record<string, Answers[string]> = {};
  for (const pillar of questionnaire.pillars)
    for (const question of pillar.questions) {
      const samples = answerSamples(question).filter((sample) => sample.score !== null);
      if (samples.length === 0) continue;
      if (random() < dontKnow) {
        answers[question.id] = { questionId: question.id, response: { kind: 'dontKnow' }, updatedAt };
        continue;
      }
      const best = samples.reduce((a, b) => ((b.score ?? 0) > (a.score ?? 0) ? b : a));
      const chosen = random() < strength ? best : samples[Math.floor(random() * samples.length)]!;
      answers[question.id] = {
        questionId: question.id,
        response: { kind: 'value', value: chosen.value },
        updatedAt,
      };
    }
  return answers;
}

/** An assessment with its answers, as the server of record keeps them. */
export interface StoredAssessment {
  assessment: Assessment;
  answers: Answers;
}

/**
 * Writes assessments and their answers straight into the record's tables (as the schema's
 * owner: a fixture, not a device's sync), under one organisation and account.
 */
export async function insertAssessments(
  client: Pick<PoolClient, 'query'>,
  organisation: string,
  account: string,
  entries: readonly StoredAssessment[],
): Promise<void> {
  const assessments = entries.map(({ assessment }) => ({
    id: assessment.id,
    questionnaire_id: assessment.questionnaire.id,
    questionnaire_version: assessment.questionnaire.version,
    data: assessment,
  }));
  const answers = entries.flatMap(({ assessment, answers }) =>
    Object.values(answers).map((answer) => ({
      assessment_id: assessment.id,
      question_id: answer!.questionId,
      data: answer,
    })),
  );
  await client.query(
    `INSERT INTO assessments (id, organisation_id, questionnaire_id, questionnaire_version, data, version, created_by, changed_by)
     SELECT r.id, $2, r.questionnaire_id, r.questionnaire_version, r.data,
            (SELECT coalesce(max(version), 0) FROM assessments) + row_number() OVER (), $3, $3
     FROM jsonb_to_recordset($1::jsonb) AS r (id text, questionnaire_id text, questionnaire_version text, data jsonb)`,
    [JSON.stringify(assessments), organisation, account],
  );
  await client.query(
    `INSERT INTO answers (assessment_id, question_id, organisation_id, data, version, changed_by)
     SELECT r.assessment_id, r.question_id, $2, r.data,
            (SELECT coalesce(max(version), 0) FROM answers) + row_number() OVER (), $3
     FROM jsonb_to_recordset($1::jsonb) AS r (assessment_id text, question_id text, data jsonb)`,
    [JSON.stringify(answers), organisation, account],
  );
}
