import { describe, expect, it } from 'vitest';
import type { Answers } from '../../../src/assessment/types.ts';
import {
  compareAssessments as compare,
  groupUnmatched,
  type Compared,
} from '../../../src/comparison/compare.ts';
import { profile } from '../analysis/profile.ts';
import { answers, notApplicable, pillar, question, questionnaire, value } from '../builders.ts';

/** An assessment to compare, with equal weights unless it says otherwise. */
function item(
  id: string,
  on: Compared['questionnaire'],
  given: Answers,
  extra: Partial<Compared> = {},
): Compared {
  return {
    id,
    name: id,
    date: '2026-01-01',
    questionnaire: on,
    answers: given,
    profile: profile(),
    ...extra,
  };
}

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
    const comparison = compare([
      item(
        '2025',
        full,
        answers({ exists: value('no'), level: value(2), people: value(50), courses: value('no') }),
        { date: '2025-03-01' },
      ),
      item(
        '2026',
        full,
        answers({ exists: value('yes'), level: value(5), people: value(200), courses: notApplicable }),
        { date: '2026-03-01' },
      ),
    ]);
    expect(comparison.dates).toEqual(['2025-03-01', '2026-03-01']);
    expect(comparison.mixedQuestionnaires).toBe(false);
    const [strategy, skills] = comparison.pillars;
    expect(strategy).toMatchObject({
      pillarId: 'strategy',
      scores: [20, 100],
      targets: [80, 80],
      gaps: [60, 0],
      change: 80,
    });
    // Whole points, as shown: 12.5 is shown as 13, and the gap and the change follow from that.
    expect(skills).toMatchObject({ scores: [13, 100], gaps: [37, 0], change: 87 });
    expect(comparison.overall).toEqual([16, 100]);
    expect(comparison.overallChange).toBe(84);
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
    const comparison = compare([
      item('v1', full, answers({ exists: value('partly'), courses: value('yes') })),
      item('v2', later, answers({ exists: value('yes'), courses: value(3) })),
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

  it('groups the questions that cannot be compared by why, each group once, in the order they come', () => {
    const base = { text: { en: 'Q' }, defaultLanguage: 'en' };
    const groups = groupUnmatched([
      { ...base, questionId: 'a', reason: 'missing', presentIn: [0] },
      { ...base, questionId: 'b', reason: 'differentType', presentIn: [0, 1] },
      { ...base, questionId: 'c', reason: 'missing', presentIn: [1] },
      { ...base, questionId: 'd', reason: 'missing', presentIn: [0] },
    ]);
    expect(
      groups.map(({ reason, presentIn, entries }) => ({
        reason,
        presentIn,
        ids: entries.map((entry) => entry.questionId),
      })),
    ).toEqual([
      { reason: 'missing', presentIn: [0], ids: ['a', 'd'] },
      { reason: 'differentType', presentIn: [0, 1], ids: ['b'] },
      { reason: 'missing', presentIn: [1], ids: ['c'] },
    ]);
  });

  it('uses each assessment’s own targets and weights where it has them', () => {
    const given = answers({ exists: value('yes'), level: value(0) });
    const comparison = compare([
      item('own', full, given, { targets: { strategy: 40 } }),
      item('weighted', full, given, { profile: profile({ questions: { level: 0 } }) }),
    ]);
    expect(comparison.pillars[0]).toMatchObject({ scores: [50, 100], targets: [40, 80], gaps: [0, 0] });
    // A pillar without a target in the questionnaire or the assessment aims at 100.
    const untargeted = questionnaire([pillar('only', [question({ id: 'x', type: 'yesNo' })])]);
    const [only] = compare([
      item('c', untargeted, answers({ x: value('no') })),
      item('d', untargeted, answers({ x: value('yes') })),
    ]).pillars;
    expect(only?.gaps).toEqual([100, 0]);
  });

  it('compares three or more, with the change from the first to the last', () => {
    const make = (level: number) => item(`x${level}`, full, answers({ level: value(level) }));
    const comparison = compare([make(1), make(3), make(4)]);
    const level = comparison.questions.find((entry) => entry.questionId === 'level');
    expect(level?.scores).toEqual([20, 60, 80]);
    expect(level?.change).toBe(60);
    expect(comparison.questions.find((entry) => entry.questionId === 'exists')?.changed).toBe(false);
  });

  it('computes changes from the figures as shown, so 17 and 15 differ by 2', () => {
    const figures = questionnaire([
      pillar('p', [
        question({ id: 'n', type: 'number', scoring: { kind: 'linear', scoreZeroAt: 0, scoreFullAt: 1000 } }),
      ]),
    ]);
    // 17.4 and 14.6 are shown as 17 and 15; their unrounded difference, −2.8, would show as −3.
    const comparison = compare([
      item('then', figures, answers({ n: value(174) })),
      item('now', figures, answers({ n: value(146) })),
    ]);
    expect(comparison.pillars[0]).toMatchObject({ scores: [17, 15], change: -2 });
    expect(comparison.overallChange).toBe(-2);
  });

  it('says how each assessment counts a question an earlier answer left unasked', () => {
    const gated = questionnaire([
      pillar('strategy', [
        question({ id: 'exists', type: 'yesPartlyNo' }),
        question({ id: 'review', type: 'yesNo', showIf: { question: 'exists', in: ['yes', 'partly'] } }),
      ]),
    ]);
    const { questions } = compare([
      item('before', gated, answers({ exists: value('no') })),
      item('after', gated, answers({ exists: value('yes'), review: value('yes') })),
    ]);
    const review = questions.find((entry) => entry.questionId === 'review')!;
    expect(review.responses).toEqual([undefined, value('yes')]);
    expect(review.statuses).toEqual(['notAsked', 'answered']);
    expect(review.scores).toEqual([0, 100]);
  });

  it('marks provisional scores, and an assessment with no answer has none', () => {
    const comparison = compare([
      item('empty', full, {}),
      item('some', full, answers({ exists: value('yes') })),
    ]);
    expect(comparison.states).toEqual(['empty', 'provisional']);
    expect(comparison.overall[0]).toBeNull();
    expect(comparison.pillars[0]).toMatchObject({ scores: [null, 50], provisional: [false, true] });
  });
});
