import { describe, expect, it } from 'vitest';
import { compareAssessments } from '../../../src/comparison/compare.ts';
import { answers, notApplicable, pillar, question, questionnaire, value } from '../builders.ts';

const full = questionnaire(
  [
    pillar(
      'strategy',
      [question({ id: 'exists', type: 'yesPartlyNo' }), question({ id: 'level', type: 'maturity' })],
      { target: 80 },
    ),
    pillar(
      'skills',
      [question({ id: 'people', type: 'number' }), question({ id: 'courses', type: 'yesNo' })],
      { target: 50 },
    ),
  ],
  { id: 'full', version: '1.0.0' },
);
// A later version: "courses" became a maturity question, "level" was dropped, "budget" added.
const later = questionnaire(
  [
    pillar(
      'strategy',
      [question({ id: 'exists', type: 'yesPartlyNo' }), question({ id: 'budget', type: 'yesNo' })],
      { target: 80 },
    ),
    pillar(
      'skills',
      [question({ id: 'people', type: 'number' }), question({ id: 'courses', type: 'maturity' })],
      { target: 50 },
    ),
  ],
  { id: 'full', version: '2.0.0' },
);

describe('comparing assessments', () => {
  it('puts pillar scores, gaps to target and per-question changes side by side', () => {
    const comparison = compareAssessments([
      {
        id: 'a',
        name: '2025',
        questionnaire: full,
        answers: answers({ exists: value('no'), level: value(2), people: value(50), courses: value('no') }),
      },
      {
        id: 'b',
        name: '2026',
        questionnaire: full,
        answers: answers({
          exists: value('yes'),
          level: value(5),
          people: value(200),
          courses: notApplicable,
        }),
      },
    ]);
    expect(comparison.mixedQuestionnaires).toBe(false);
    const [strategy, skills] = comparison.pillars;
    expect(strategy).toMatchObject({
      pillarId: 'strategy',
      scores: [20, 100],
      targets: [80, 80],
      gaps: [60, 0],
      change: 80,
    });
    expect(skills).toMatchObject({ scores: [12.5, 100], gaps: [37.5, 0], change: 87.5 });
    expect(comparison.overall).toEqual([16.25, 100]);
    expect(comparison.overallChange).toBe(83.75);
    expect(comparison.questions.map((entry) => [entry.questionId, entry.scores, entry.change])).toEqual([
      ['exists', [0, 100], 100],
      ['level', [40, 100], 60],
      ['people', [25, 100], 75],
      ['courses', [0, null], null],
    ]);
    expect(comparison.unmatched).toEqual([]);
    expect(comparison.questions.every((entry) => entry.changed)).toBe(true);
  });

  it('matches questions across versions by id and lists those that cannot be compared', () => {
    const comparison = compareAssessments([
      {
        id: 'a',
        name: 'v1',
        questionnaire: full,
        answers: answers({ exists: value('partly'), courses: value('yes') }),
      },
      {
        id: 'b',
        name: 'v2',
        questionnaire: later,
        answers: answers({ exists: value('yes'), courses: value(3) }),
      },
    ]);
    expect(comparison.mixedQuestionnaires).toBe(true);
    expect(comparison.questions.map((entry) => entry.questionId)).toEqual(['exists', 'people']);
    expect(
      comparison.unmatched.map(({ questionId, reason, presentIn }) => ({ questionId, reason, presentIn })),
    ).toEqual([
      { questionId: 'level', reason: 'missing', presentIn: [0] },
      { questionId: 'courses', reason: 'differentType', presentIn: [0, 1] },
      { questionId: 'budget', reason: 'missing', presentIn: [1] },
    ]);
  });

  it('uses each assessment’s own targets and weights where it has them', () => {
    const comparison = compareAssessments([
      {
        id: 'a',
        name: 'own',
        questionnaire: full,
        answers: answers({ exists: value('yes'), level: value(0) }),
        targets: { strategy: 40 },
      },
      {
        id: 'b',
        name: 'weighted',
        questionnaire: full,
        answers: answers({ exists: value('yes'), level: value(0) }),
        weights: { questions: { level: 0 } },
      },
    ]);
    expect(comparison.pillars[0]).toMatchObject({ scores: [50, 100], targets: [40, 80], gaps: [0, 0] });
    // A pillar without a target in the questionnaire or the assessment aims at 100.
    const untargeted = questionnaire([pillar('only', [question({ id: 'x', type: 'yesNo' })])]);
    const [only] = compareAssessments([
      { id: 'c', name: 'c', questionnaire: untargeted, answers: answers({ x: value('no') }) },
      { id: 'd', name: 'd', questionnaire: untargeted, answers: answers({ x: value('yes') }) },
    ]).pillars;
    expect(only?.gaps).toEqual([100, 0]);
  });

  it('compares three or more, with the change from the first to the last', () => {
    const make = (level: number) => ({
      id: `x${level}`,
      name: `${level}`,
      questionnaire: full,
      answers: answers({ level: value(level) }),
    });
    const comparison = compareAssessments([make(1), make(3), make(4)]);
    const level = comparison.questions.find((entry) => entry.questionId === 'level');
    expect(level?.scores).toEqual([20, 60, 80]);
    expect(level?.change).toBe(60);
    expect(comparison.questions.find((entry) => entry.questionId === 'exists')?.changed).toBe(false);
  });
});
