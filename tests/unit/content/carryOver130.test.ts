/**
 * An assessment made with Resolution 130 version 1.0.0 opens on the current version with every
 * answer carried, mapped onto the questions that replaced it, or listed for the person: none is
 * lost. The 1.0.0 questions come from a frozen outline (tests/fixtures), not from the rules
 * being tested, so a question the rules forget is caught.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer, AnswerValue } from '../../../src/assessment/types.ts';
import { carryAnswers, carryOverFor } from '../../../src/questionnaire/carryOver.ts';
import type { Questionnaire } from '../../../src/questionnaire/schema.ts';
import { questionsInOrder } from '../../../src/questionnaire/walk.ts';
import { valueScore } from '../../../src/scoring/valueScore.ts';
import { loadBuiltInQuestionnaire, ROOT } from '../../../scripts/lib/questionnaires.ts';

interface OutlineQuestion {
  id: string;
  type: string;
  levels?: number;
  options?: string[];
  exclusive?: string[];
}
interface Outline {
  questionnaires: { id: string; version: string; questions: OutlineQuestion[] }[];
}

const outline = JSON.parse(
  readFileSync(join(ROOT, 'tests', 'fixtures', 'resolution-130-1.0.0-outline.json'), 'utf8'),
) as Outline;

const AT = '2025-06-01T00:00:00.000Z';

/** Every answer a 1.0.0 question could have been given (for a figure, a few). */
function possibleValues(question: OutlineQuestion): AnswerValue[] {
  switch (question.type) {
    case 'yesNo':
      return ['yes', 'no'];
    case 'yesPartlyNo':
      return ['yes', 'partly', 'no'];
    case 'maturity':
      return Array.from({ length: question.levels ?? 0 }, (_, level) => level);
    case 'singleChoice':
      return question.options ?? [];
    case 'multipleChoice': {
      const options = question.options ?? [];
      const inclusive = options.filter((option) => !question.exclusive?.includes(option));
      return [...options.map((option) => [option]), inclusive];
    }
    case 'percentage':
      return [0, 37.5, 100];
    case 'number':
      return [0, 12, 250];
    default:
      return ['A free-text answer'];
  }
}

const answerTo = (question: OutlineQuestion, value: AnswerValue, comment: string): Answer => ({
  questionId: question.id,
  response: { kind: 'value', value },
  comment,
  evidence: [{ id: `e-${question.id}`, reference: `Document for ${question.id}`, access: 'restricted' }],
  updatedAt: AT,
});

describe.each(outline.questionnaires)('$id $version on the current version', (old) => {
  const current: Questionnaire = loadBuiltInQuestionnaire(old.id);
  const rules = carryOverFor(current, old.version);
  const currentIds = new Set(questionsInOrder(current).map(({ question }) => question.id));

  it('has rules for this version that name every one of its questions once', () => {
    expect(rules?.questions.map((entry) => entry.id)).toEqual(old.questions.map((question) => question.id));
  });

  it('carries "same" questions only where every earlier answer is still a valid answer', () => {
    const offenders = old.questions.flatMap((question) => {
      const entry = rules?.questions.find((candidate) => candidate.id === question.id);
      if (entry?.carry !== 'same') return [];
      const now = questionsInOrder(current).find(({ question: q }) => q.id === question.id)?.question;
      if (!now || now.type !== question.type) return [`${question.id}: now ${now?.type ?? 'missing'}`];
      return possibleValues(question)
        .filter((value) => valueScore(now, value) === undefined)
        .map((value) => `${question.id}: ${JSON.stringify(value)} no longer accepted`);
    });
    expect(offenders).toEqual([]);
  });

  it('carries, maps or lists every possible answer to every 1.0.0 question, losing no comment', () => {
    const offenders: string[] = [];
    for (const question of old.questions) {
      for (const value of possibleValues(question)) {
        const comment = `comment on ${question.id} = ${JSON.stringify(value)}`;
        const given = answerTo(question, value, comment);
        const { answers, report } = carryAnswers(current, old.version, [given]);
        const carried = report.carried.includes(question.id) || report.check.includes(question.id);
        const mapped = report.mapped.some((entry) => entry.answer === given);
        const listed = report.listed.includes(given);
        if ([carried, mapped, listed].filter(Boolean).length !== 1) {
          offenders.push(
            `${question.id} = ${JSON.stringify(value)}: carried ${carried}, mapped ${mapped}, listed ${listed}`,
          );
        }
        if (
          (carried || mapped) &&
          !answers.every((answer) => answer.comment === comment && answer.evidence?.length === 1)
        ) {
          offenders.push(`${question.id} = ${JSON.stringify(value)}: comment or evidence lost`);
        }
        if (answers.some((answer) => !currentIds.has(answer.questionId))) {
          offenders.push(
            `${question.id} = ${JSON.stringify(value)}: answer for a question that does not exist`,
          );
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('opens a complete 1.0.0 assessment with nothing lost', () => {
    const given = old.questions.map((question, index) => {
      const values = possibleValues(question);
      return answerTo(question, values[index % values.length] ?? 'x', `note ${index}`);
    });
    const { answers, report } = carryAnswers(current, old.version, given);
    const accounted = [
      ...report.carried,
      ...report.check,
      ...report.mapped.map((entry) => entry.answer.questionId),
      ...report.listed.map((answer) => answer.questionId),
    ];
    expect([...accounted].sort()).toEqual(old.questions.map((question) => question.id).sort());
    expect(new Set(answers.map((answer) => answer.questionId)).size).toBe(answers.length);
    for (const answer of answers) {
      const question = questionsInOrder(current).find(
        ({ question: q }) => q.id === answer.questionId,
      )?.question;
      expect(question, answer.questionId).toBeDefined();
      if (question && answer.response?.kind === 'value') {
        expect(valueScore(question, answer.response.value), answer.questionId).not.toBeUndefined();
      }
    }
  });
});
