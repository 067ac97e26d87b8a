import { describe, expect, it } from 'vitest';
import type { Answers, Response } from '../../../src/assessment/types.ts';
import { scoreAssessment, type AssessmentResult } from '../../../src/scoring/index.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBuiltInQuestionnaire, loadClauseIds, ROOT } from '../../../scripts/lib/questionnaires.ts';
import { validateQuestionnaireText } from '../../../src/questionnaire/validate.ts';
import { answers, dontKnow, notApplicable, pillar, question, questionnaire, value } from '../builders.ts';

const gated = questionnaire([
  pillar('p', [
    question({ id: 'exists', type: 'yesPartlyNo' }),
    question({ id: 'detail', type: 'maturity', showIf: { question: 'exists', in: ['yes', 'partly'] } }),
    question({ id: 'other', type: 'yesNo' }),
  ]),
]);

describe('follow-ups hidden by a condition', () => {
  it('count 0 and are settled once the gate says the capacity is absent', () => {
    const result = scoreAssessment(gated, answers({ exists: value('no'), other: value('yes') }));
    expect(result.questions.detail).toMatchObject({ status: 'notAsked', score: 0, share: 1 / 3 });
    expect(result.pillars[0]).toMatchObject({ counted: 3, answered: 2, settled: 3, coverage: 1 });
    expect(result.pillars[0]?.score).toBeCloseTo(100 / 3);
  });

  it('count 0 but stay open while the gate is unanswered or "don’t know"', () => {
    for (const gate of [{}, { exists: dontKnow }] as Record<string, Response>[]) {
      const result = scoreAssessment(gated, answers({ ...gate, other: value('yes') }));
      expect(result.questions.detail).toMatchObject({ status: 'pending', score: 0 });
      expect(result.pillars[0]).toMatchObject({ counted: 3, settled: 1 });
      expect(result.pillars[0]?.coverage).toBeCloseTo(1 / 3);
    }
  });

  it('leave the score when every gate is "not applicable": the topic does not apply', () => {
    const result = scoreAssessment(gated, answers({ exists: notApplicable, other: value('yes') }));
    expect(result.questions.detail).toMatchObject({ status: 'hidden', score: null });
    expect(result.pillars[0]).toMatchObject({ score: 100, counted: 1 });
  });

  it('are credited in full with "whenHidden": "full" once the gate goes beyond them, and only then', () => {
    const plans = questionnaire([
      pillar('p', [
        question({ id: 'exists', type: 'yesPartlyNo' }),
        question({
          id: 'plans',
          type: 'singleChoice',
          showIf: { question: 'exists', in: ['no'] },
          whenHidden: 'full',
        }),
      ]),
    ]);
    const score = (given: Answers) => scoreAssessment(plans, given);
    expect(score(answers({ exists: value('partly') })).questions.plans).toMatchObject({
      status: 'credited',
      score: 1,
    });
    expect(score(answers({ exists: value('partly') })).pillars[0]?.score).toBe(75);
    expect(score(answers({})).questions.plans).toMatchObject({ status: 'pending', score: 0 });
    expect(score(answers({ exists: value('no'), plans: value('mid') })).pillars[0]?.score).toBe(25);
  });

  it('leave the score with "whenHidden": "notApplicable"', () => {
    const context = questionnaire([
      pillar('p', [
        question({ id: 'kind', type: 'singleChoice', options: [0, 1].map(contextOption) }),
        question({
          id: 'detail',
          type: 'yesNo',
          showIf: { question: 'kind', equals: 'option-1' },
          whenHidden: 'notApplicable',
        }),
        question({ id: 'other', type: 'yesNo' }),
      ]),
    ]);
    const result = scoreAssessment(context, answers({ kind: value('option-0'), other: value('yes') }));
    expect(result.questions.detail).toMatchObject({ status: 'hidden', score: null });
    expect(result.pillars[0]).toMatchObject({ counted: 2, score: 50 });
  });

  it('are settled when another gate already decides the condition, open while it may still hold', () => {
    const two = questionnaire([
      pillar('p', [
        question({ id: 'a', type: 'yesNo' }),
        question({ id: 'b', type: 'yesNo' }),
        question({
          id: 'both',
          type: 'yesNo',
          showIf: {
            all: [
              { question: 'a', equals: 'yes' },
              { question: 'b', equals: 'yes' },
            ],
          },
        }),
        question({
          id: 'either',
          type: 'yesNo',
          showIf: {
            any: [
              { question: 'a', equals: 'yes' },
              { question: 'b', equals: 'yes' },
            ],
          },
        }),
      ]),
    ]);
    const result = scoreAssessment(two, answers({ a: value('no') }));
    expect(result.questions.both?.status).toBe('notAsked');
    expect(result.questions.either?.status).toBe('pending');
  });

  it('measure coverage by weight: the part of the score still open', () => {
    const result = scoreAssessment(gated, answers({ exists: value('yes'), other: value('yes') }), {
      questions: { detail: 3 },
    });
    // detail (weight 3 of 5) is still unanswered: 60 % of the score is open.
    expect(result.pillars[0]?.coverage).toBeCloseTo(0.4);
    expect(result.pillars[0]?.score).toBeCloseTo(40);
  });
});

/**
 * Resolution 130 as issue 15 measured it: version 1.0.0 with its `whenHidden` (frozen in
 * tests/fixtures, as it was on main at e17596a, because 2.0.0 replaced its questions).
 */
function resolution130v1() {
  const file = 'tests/fixtures/resolution-130-1.0.0.json';
  const parsed = validateQuestionnaireText(readFileSync(join(ROOT, file), 'utf8'), {
    file,
    knownClauses: loadClauseIds(),
  });
  if (!parsed.ok) throw new Error(parsed.error.map((problem) => problem.message).join('\n'));
  return parsed.value;
}

/**
 * The example of issue 15, on Resolution 130 1.0.0 with equal weights. The rule this replaced left
 * hidden follow-ups out of the denominator (`leavingHiddenOut` recomputes it): a country with
 * no strategy and no CIRT then scored above one with a draft strategy and an informal CIRT, and
 * answering "yes" to an unanswered `cirt.exists` lowered the CIRT pillar.
 */
describe('the worked example: better answers, higher scores', () => {
  const resolution = resolution130v1();
  const score = (given: Answers) => scoreAssessment(resolution, given);
  const pillarScore = (result: AssessmentResult, id: string) =>
    result.pillars.find((entry) => entry.pillarId === id)?.score;
  const leavingHiddenOut = (result: AssessmentResult, id: string) => {
    const questions = result.pillars
      .find((entry) => entry.pillarId === id)!
      .questions.filter(
        (entry) => entry.score !== null && !['notAsked', 'pending', 'credited'].includes(entry.status),
      );
    return (
      (100 * questions.reduce((sum, entry) => sum + entry.weight * entry.score!, 0)) /
      questions.reduce((sum, entry) => sum + entry.weight, 0)
    );
  };

  const strategyRest = {
    'strategy.lead-agency': value('partly'),
    'strategy.coordination': value(2),
    'strategy.risk-assessment': value(2),
    'strategy.critical-infrastructure': value(3),
    'strategy.security-by-design': value(1),
    'strategy.legal-basis': value('yes'),
    'strategy.legal-coverage': value(['cybercrime', 'data-protection']),
    'strategy.international-legal': value('partly'),
    'strategy.gci-participation': value('answered'),
  };
  const cirtRest = {
    'cirt.sectoral': value(2),
    'cirt.reporting': value('partly'),
    'cirt.exercises': value(2),
    'cirt.international': value(3),
    'cirt.points-of-contact': value('partly'),
  };
  const nothing = score(
    answers({
      ...strategyRest,
      ...cirtRest,
      'strategy.exists': value('no'),
      'cirt.exists': value('no'),
      'cirt.plans': value('none'),
    }),
  );
  const draft = score(
    answers({
      ...strategyRest,
      ...cirtRest,
      'strategy.exists': value('partly'),
      'strategy.scope': value(['legal']),
      'strategy.implementation': value(1),
      'strategy.actions-completed': value(10),
      'cirt.exists': value('partly'),
      'cirt.mandate': value(1),
      'cirt.services': value(['handling']),
      'cirt.operations': value(1),
      'cirt.response-time': value(72),
      'cirt.statistics': value('no'),
    }),
  );

  it('reproduces the figures the issue measured with the old rule', () => {
    expect(leavingHiddenOut(nothing, 'strategy').toFixed(1)).toBe('45.0');
    expect(leavingHiddenOut(draft, 'strategy').toFixed(1)).toBe('40.8');
    expect(leavingHiddenOut(nothing, 'cirt').toFixed(1)).toBe('34.3');
    expect(leavingHiddenOut(draft, 'cirt').toFixed(1)).toBe('32.3');
  });

  it('scores the draft strategy and the informal CIRT above none at all', () => {
    expect(pillarScore(nothing, 'strategy')?.toFixed(1)).toBe('34.6');
    expect(pillarScore(draft, 'strategy')?.toFixed(1)).toBe('40.8');
    expect(pillarScore(nothing, 'cirt')?.toFixed(1)).toBe('20.0');
    expect(pillarScore(draft, 'cirt')?.toFixed(1)).toBe('37.9');
    expect(draft.overall!).toBeGreaterThan(nothing.overall!);
  });

  it('raises the CIRT pillar when an unanswered cirt.exists is answered "yes"', () => {
    const given = {
      'cirt.sectoral': value(1),
      'cirt.reporting': value('yes'),
      'cirt.exercises': value(1),
      'cirt.international': value(2),
      'cirt.mandate': value(1),
      'cirt.response-time': value(68),
    };
    const open = score(answers(given));
    const yes = score(answers({ ...given, 'cirt.exists': value('yes') }));
    expect(leavingHiddenOut(open, 'cirt').toFixed(1)).toBe('30.0');
    expect(leavingHiddenOut(yes, 'cirt').toFixed(1)).toBe('27.8');
    expect(pillarScore(open, 'cirt')?.toFixed(1)).toBe('15.0');
    expect(pillarScore(yes, 'cirt')?.toFixed(1)).toBe('33.8');
  });
});

/** The same example on 2.0.0, whose gates ask for preparation where there is no strategy. */
describe('the worked example on Resolution 130 2.0.0', () => {
  const resolution = loadBuiltInQuestionnaire('resolution-130');
  const pillarScore = (given: Answers, id: string) =>
    scoreAssessment(resolution, given).pillars.find((entry) => entry.pillarId === id)?.score ?? 0;
  const rest = {
    'strategy.lead-agency': value('partly'),
    'strategy.coordination': value(2),
    'cirt.reporting': value('partly'),
    'cirt.international': value(2),
  };
  const nothing = answers({
    ...rest,
    'strategy.exists': value('no'),
    'strategy.preparation': value('none'),
    'cirt.exists': value('no'),
    'cirt.plans': value('none'),
  });
  const draft = answers({
    ...rest,
    'strategy.exists': value('partly'),
    'strategy.action-plan': value(0),
    'cirt.exists': value('partly'),
    'cirt.mandate': value(0),
  });
  const furthestPlans = answers({
    ...rest,
    'strategy.exists': value('no'),
    'strategy.preparation': value('consultation'),
    'cirt.exists': value('no'),
    'cirt.plans': value('funded'),
  });

  it('scores a draft strategy and an informal CIRT above none at all', () => {
    expect(pillarScore(draft, 'strategy')).toBeGreaterThan(pillarScore(nothing, 'strategy'));
    expect(pillarScore(draft, 'cirt')).toBeGreaterThan(pillarScore(nothing, 'cirt'));
  });

  it('scores the furthest preparation above none, and a draft strategy and informal CIRT above both', () => {
    for (const id of ['strategy', 'cirt']) {
      expect(pillarScore(furthestPlans, id)).toBeGreaterThan(pillarScore(nothing, id));
      expect(pillarScore(draft, id)).toBeGreaterThanOrEqual(pillarScore(furthestPlans, id));
    }
  });
});

function contextOption(n: number) {
  return { id: `option-${n}`, label: { en: `option ${n}`, ru: `option ${n}` }, score: 0 };
}
