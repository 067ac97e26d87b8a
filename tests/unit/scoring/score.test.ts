import { describe, expect, it } from 'vitest';
import { scoreAssessment, WeightError } from '../../../src/scoring/index.ts';
import { answers, dontKnow, notApplicable, pillar, question, questionnaire, value } from '../builders.ts';

const single = (type: Parameters<typeof question>[0]['type'], extra = {}) =>
  questionnaire([pillar('p', [question({ id: 'q', type, ...extra })])]);

const scoreOf = (q: ReturnType<typeof single>, v: Parameters<typeof value>[0]) =>
  scoreAssessment(q, answers({ q: value(v) })).questions.q?.score;

describe('exclusive options', () => {
  it('accept "none of these" only alone, wherever answers are checked', async () => {
    const { valueScore } = await import('../../../src/scoring/valueScore.ts');
    const multiple = question({ id: 'q', type: 'multipleChoice' });
    expect(valueScore(multiple, ['none'])).toBe(0);
    expect(valueScore(multiple, ['none', 'a'])).toBeUndefined();
    expect(valueScore(multiple, ['a', 'none'])).toBeUndefined();
    expect(valueScore(multiple, ['a', 'a'])).toBe(0.5);
  });
});

describe('question scores by answer type', () => {
  it('scores yes/no and yes/partly/no with the fixed scale', () => {
    expect(scoreOf(single('yesNo'), 'yes')).toBe(1);
    expect(scoreOf(single('yesNo'), 'no')).toBe(0);
    expect(scoreOf(single('yesPartlyNo'), 'partly')).toBe(0.5);
  });

  it('scores a maturity level n as n/5', () => {
    expect(scoreOf(single('maturity'), 0)).toBe(0);
    expect(scoreOf(single('maturity'), 2)).toBeCloseTo(0.4);
    expect(scoreOf(single('maturity'), 5)).toBe(1);
  });

  it('scores single choice by the option chosen', () => {
    expect(scoreOf(single('singleChoice'), 'mid')).toBe(0.5);
  });

  it('sums multiple choices and caps the sum at 1', () => {
    expect(scoreOf(single('multipleChoice'), ['a'])).toBe(0.5);
    expect(scoreOf(single('multipleChoice'), ['a', 'b'])).toBeCloseTo(0.9);
    expect(scoreOf(single('multipleChoice'), ['a', 'b', 'c'])).toBe(1);
    expect(scoreOf(single('multipleChoice'), [])).toBe(0);
    expect(scoreOf(single('multipleChoice'), ['none'])).toBe(0);
  });

  it('maps numbers with a linear rule, clamped, in either direction', () => {
    expect(scoreOf(single('number'), 50)).toBe(0.25);
    expect(scoreOf(single('number'), 400)).toBe(1);
    const faster = single('number', { scoring: { kind: 'linear', scoreZeroAt: 72, scoreFullAt: 4 } });
    expect(scoreOf(faster, 4)).toBe(1);
    expect(scoreOf(faster, 38)).toBe(0.5);
    expect(scoreOf(faster, 100)).toBe(0);
  });

  it('maps figures with a step rule: the last step reached, 0 below the first', () => {
    const steps = single('percentage', {
      scoring: {
        kind: 'steps',
        steps: [
          { from: 10, score: 0.25 },
          { from: 20, score: 0.5 },
          { from: 50, score: 1 },
        ],
      },
    });
    expect(scoreOf(steps, 5)).toBe(0);
    expect(scoreOf(steps, 10)).toBe(0.25);
    expect(scoreOf(steps, 49.9)).toBe(0.5);
    expect(scoreOf(steps, 50)).toBe(1);
  });

  it('treats a value the question cannot take as unanswered', () => {
    const q = single('singleChoice');
    const result = scoreAssessment(q, answers({ q: value('removed-option') }));
    expect(result.questions.q).toMatchObject({ status: 'unanswered', score: 0 });
    expect(scoreAssessment(single('percentage'), answers({ q: value(120) })).questions.q?.status).toBe(
      'unanswered',
    );
    expect(scoreAssessment(single('maturity'), answers({ q: value(2.5) })).questions.q?.status).toBe(
      'unanswered',
    );
  });
});

describe('what counts towards a pillar', () => {
  const two = questionnaire([
    pillar('p', [question({ id: 'a', type: 'yesNo' }), question({ id: 'b', type: 'yesNo' })]),
  ]);

  it('averages the counted questions', () => {
    const result = scoreAssessment(two, answers({ a: value('yes'), b: value('no') }));
    expect(result.pillars[0]?.score).toBe(50);
    expect(result.overall).toBe(50);
    expect(result.coverage).toBe(1);
  });

  it('leaves "not applicable" out of the denominator', () => {
    const result = scoreAssessment(two, answers({ a: value('yes'), b: notApplicable }));
    expect(result.pillars[0]).toMatchObject({ score: 100, counted: 1, answered: 1, coverage: 1 });
    expect(result.questions.b).toMatchObject({ status: 'notApplicable', score: null, share: null });
  });

  it('counts "don\'t know" as 0 and lowers coverage', () => {
    const result = scoreAssessment(two, answers({ a: value('yes'), b: dontKnow }));
    expect(result.pillars[0]).toMatchObject({ score: 50, counted: 2, answered: 1, coverage: 0.5 });
    expect(result.questions.b).toMatchObject({ status: 'dontKnow', score: 0 });
  });

  it('counts an unanswered question as 0 and lowers coverage', () => {
    const result = scoreAssessment(two, answers({ a: value('yes') }));
    expect(result.pillars[0]).toMatchObject({ score: 50, coverage: 0.5 });
    expect(result.questions.b?.status).toBe('unanswered');
  });

  it('never scores free text', () => {
    const q = questionnaire([
      pillar('p', [question({ id: 'a', type: 'yesNo' }), question({ id: 't', type: 'text' })]),
    ]);
    const result = scoreAssessment(q, answers({ a: value('yes'), t: value('notes') }));
    expect(result.questions.t).toMatchObject({ status: 'unscored', score: null });
    expect(result.pillars[0]?.score).toBe(100);
  });

  it('counts a follow-up hidden by a settled gate as 0, and hides its dependants too', () => {
    const q = questionnaire([
      pillar('p', [
        question({ id: 'exists', type: 'yesNo' }),
        question({ id: 'level', type: 'maturity', showIf: { question: 'exists', equals: 'yes' } }),
        question({ id: 'detail', type: 'yesNo', showIf: { question: 'level', atLeast: 3 } }),
        question({
          id: 'plan',
          type: 'yesNo',
          showIf: { question: 'exists', equals: 'no' },
          whenHidden: 'full',
        }),
      ]),
    ]);
    // A stale answer to "level" from before "exists" changed to "no" must not count.
    const result = scoreAssessment(
      q,
      answers({ exists: value('no'), level: value(5), detail: value('yes'), plan: value('yes') }),
    );
    expect(result.questions.level).toMatchObject({ status: 'notAsked', score: 0 });
    expect(result.questions.detail).toMatchObject({ status: 'notAsked', score: 0 });
    expect(result.questions.plan?.status).toBe('answered');
    expect(result.pillars[0]).toMatchObject({ score: 25, counted: 4, settled: 4, coverage: 1 });

    const shown = scoreAssessment(q, answers({ exists: value('yes'), level: value(4) }));
    expect(shown.questions.detail?.status).toBe('unanswered');
    // The CIRT exists, so the plans to create one are fulfilled.
    expect(shown.questions.plan).toMatchObject({ status: 'credited', score: 1 });
  });

  it('gives a pillar with nothing to score a null score, and leaves it out of the overall', () => {
    const q = questionnaire([
      pillar('scored', [question({ id: 'a', type: 'yesNo' })]),
      pillar('empty', [question({ id: 'b', type: 'yesNo' })]),
    ]);
    const result = scoreAssessment(q, answers({ a: value('yes'), b: notApplicable }));
    expect(result.pillars[1]).toMatchObject({ score: null, share: null, coverage: null, counted: 0 });
    expect(result.overall).toBe(100);
    expect(result.pillars[0]?.share).toBe(1);
  });

  it('gives no overall score when no pillar could be scored', () => {
    const result = scoreAssessment(single('yesNo'), answers({ q: notApplicable }));
    expect(result.overall).toBeNull();
    expect(result.coverage).toBeNull();
  });
});

describe('weights', () => {
  const q = questionnaire([
    pillar('a', [question({ id: 'a1', type: 'yesNo' }), question({ id: 'a2', type: 'yesNo', weight: 3 })]),
    pillar('b', [question({ id: 'b1', type: 'yesNo' })], { weight: 3 }),
  ]);
  const given = answers({ a1: value('yes'), a2: value('no'), b1: value('yes') });

  it('uses the questionnaire defaults, normalised to shares', () => {
    const result = scoreAssessment(q, given);
    expect(result.questions.a1?.share).toBe(0.25);
    expect(result.questions.a2?.share).toBe(0.75);
    expect(result.pillars[0]?.score).toBe(25);
    expect(result.pillars[1]?.share).toBe(0.75);
    expect(result.overall).toBeCloseTo(0.25 * 25 + 0.75 * 100);
  });

  it('lets chosen weights override the defaults', () => {
    const result = scoreAssessment(q, given, { pillars: { b: 1 }, questions: { a2: 1 } });
    expect(result.pillars[0]?.score).toBe(50);
    expect(result.overall).toBe(75);
  });

  it('keeps a zero-weight pillar visible but out of the overall', () => {
    const result = scoreAssessment(q, given, { pillars: { b: 0 } });
    expect(result.pillars[1]).toMatchObject({ score: 100, share: 0 });
    expect(result.overall).toBe(25);
  });

  it('refuses all-zero pillar weights with a clear message, never NaN', () => {
    expect(() => scoreAssessment(q, given, { pillars: { a: 0, b: 0 } })).toThrow(WeightError);
    expect(() => scoreAssessment(q, given, { pillars: { a: 0, b: 0 } })).toThrow(/at least one pillar/);
  });

  it('refuses negative and non-numeric weights, naming the item', () => {
    expect(() => scoreAssessment(q, given, { questions: { a1: -1 } })).toThrow(/question "a1".*found -1/);
    expect(() => scoreAssessment(q, given, { pillars: { b: Number.NaN } })).toThrow(/pillar "b"/);
  });

  it('refuses a weighted pillar whose questions all weigh zero', () => {
    expect(() => scoreAssessment(q, given, { questions: { a1: 0, a2: 0 } })).toThrow(/pillar "a"/);
    expect(
      scoreAssessment(q, given, { questions: { a1: 0, a2: 0 }, pillars: { a: 0 } }).pillars[0]?.score,
    ).toBe(null);
  });

  it('gives finite numbers for any mix of answers', () => {
    const statuses = [value('yes'), value('no'), notApplicable, dontKnow, undefined];
    for (const a1 of statuses)
      for (const a2 of statuses)
        for (const b1 of statuses) {
          const given = Object.fromEntries(
            Object.entries({ a1, a2, b1 }).filter(
              (entry): entry is [string, NonNullable<typeof a1>] => !!entry[1],
            ),
          );
          const result = scoreAssessment(q, answers(given));
          for (const figure of [result.overall, result.coverage, ...result.pillars.map((p) => p.score)]) {
            expect(figure === null || Number.isFinite(figure)).toBe(true);
          }
        }
  });
});
