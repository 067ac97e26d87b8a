import { describe, expect, it } from 'vitest';
import { checkWeights, scoreAssessment, WeightError } from '../../../src/scoring/index.ts';
import { valueScore } from '../../../src/scoring/valueScore.ts';
import { answers, pillar, question, questionnaire, value } from '../builders.ts';

const levels = (count: number) =>
  Array.from({ length: count }, (_, level) => ({ en: `level ${level}`, ru: `уровень ${level}` }));

describe('maturity scales of any length', () => {
  it('score level n of L levels as n/(L−1): five stages, 0.25 apart', () => {
    const five = question({ id: 'q', type: 'maturity', levels: levels(5) });
    expect([0, 1, 2, 3, 4].map((level) => valueScore(five, level))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(valueScore(five, 5)).toBeUndefined();
  });

  it('keep six levels scoring n/5, and take two or eleven', () => {
    expect(valueScore(question({ id: 'q', type: 'maturity' }), 2)).toBeCloseTo(0.4);
    expect(valueScore(question({ id: 'q', type: 'maturity', levels: levels(2) }), 1)).toBe(1);
    expect(valueScore(question({ id: 'q', type: 'maturity', levels: levels(11) }), 7)).toBeCloseTo(0.7);
  });
});

describe('questions collected for context ("scored": false)', () => {
  const context = [
    question({ id: 'staff', type: 'number', scored: false, scoring: undefined, integer: true, min: 0 }),
    question({ id: 'share', type: 'percentage', scored: false, scoring: undefined }),
    question({
      id: 'sector',
      type: 'singleChoice',
      scored: false,
      options: [
        { id: 'public', label: { en: 'Public' } },
        { id: 'private', label: { en: 'Private' } },
      ],
    }),
    question({
      id: 'tools',
      type: 'multipleChoice',
      scored: false,
      options: [
        { id: 'siem', label: { en: 'SIEM' } },
        { id: 'edr', label: { en: 'EDR' } },
      ],
    }),
  ];
  const q = questionnaire([pillar('p', [question({ id: 'exists', type: 'yesNo' }), ...context])]);

  it('are valid answers with no score', () => {
    expect(context.map((c, i) => valueScore(c, [12, 40, 'public', ['siem', 'edr']][i]!))).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(valueScore(context[0]!, 2.5)).toBeUndefined();
    expect(valueScore(context[2]!, 'other')).toBeUndefined();
  });

  it('stay outside the pillar score and the coverage, answered or not', () => {
    const answered = scoreAssessment(
      q,
      answers({ exists: value('yes'), staff: value(12), share: value(40), sector: value('public') }),
    );
    expect(answered.pillars[0]).toMatchObject({ score: 100, counted: 1, answered: 1, coverage: 1 });
    expect(answered.questions.staff).toMatchObject({ status: 'unscored', score: null, share: null });
    expect(answered.questions.tools).toMatchObject({ status: 'unscored', score: null });
    expect(scoreAssessment(q, answers({ exists: value('no') })).coverage).toBe(1);
  });

  it('do not save a pillar whose scored questions all weigh 0', () => {
    expect(() => checkWeights(q, { questions: { exists: 0 } })).toThrow(WeightError);
  });
});
