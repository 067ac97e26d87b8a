import { describe, expect, it } from 'vitest';
import { actionPlan, analyse } from '../../../src/analysis/index.ts';
import { answers, dontKnow, notApplicable, pillar, question, questionnaire, value } from '../builders.ts';
import { profile } from './profile.ts';

const action = (en: string) => ({ en, ru: `${en} (ru)` });

const q = questionnaire([
  pillar(
    'strategy',
    [
      question({
        id: 's1',
        type: 'yesPartlyNo',
        sources: ['R130/instructs-bdt/national-strategies'],
        action: action('Adopt'),
      }),
      question({
        id: 's2',
        type: 'yesNo',
        sources: ['R130/recognizing/risk-assessment'],
        action: action('Assess'),
      }),
      question({ id: 's3', type: 'yesNo', sources: ['R130/recognizing/legal-measures'] }),
      question({
        id: 's4',
        type: 'yesNo',
        sources: ['R130/recognizing/legal-measures'],
        action: action('Never'),
      }),
    ],
    { target: 75, sources: ['R130/considering/national-strategies'] },
  ),
  pillar(
    'cirt',
    [
      question({
        id: 'c1',
        type: 'yesNo',
        sources: ['R130/recognizing/national-cirts'],
        action: action('Create'),
      }),
    ],
    { target: 75, sources: ['R130/recognizing/national-cirts'] },
  ),
  pillar('smes', [question({ id: 'm1', type: 'yesNo', action: action('Help SMEs') })], { target: 50 }),
]);

// strategy: s1 partly (50), s2 don't know (0), s3 no (0), s4 yes (100): score 37.5, gap 37.5.
// cirt: no (0): gap 75. smes: yes: target met.
const given = answers({
  s1: value('partly'),
  s2: dontKnow,
  s3: value('no'),
  s4: value('yes'),
  c1: value('no'),
  m1: value('yes'),
});

describe('the action plan', () => {
  it('lists the ranked gaps, largest priority first, with their figures', () => {
    const plan = actionPlan(analyse(q, given, { profile: profile() }), q);
    expect(plan.map((item) => [item.rank, item.groupId])).toEqual([
      [1, 'cirt'],
      [2, 'strategy'],
    ]);
    expect(plan[1]).toMatchObject({ score: 37.5, target: 75, gap: 37.5 });
    expect(plan[1]?.priority).toBeCloseTo(37.5 / 3);
  });

  it('names the gaps found, largest shortfall first, and keeps what is still to answer apart', () => {
    const strategy = actionPlan(analyse(q, given, { profile: profile() }), q)[1];
    expect(strategy?.steps.map((entry) => [entry.questionId, entry.status, entry.points])).toEqual([
      ['s3', 'answered', 0],
      ['s1', 'answered', 50],
    ]);
    expect(strategy?.steps[0]?.shortfall).toBeCloseTo(0.25 * 75);
    expect(strategy?.steps[1]?.shortfall).toBeCloseTo(0.25 * 25);
    expect(strategy?.open.map((entry) => [entry.questionId, entry.status])).toEqual([['s2', 'dontKnow']]);
    // A quarter of the pillar is still open: provisional, and could reach 37.5 + 25.
    expect(strategy).toMatchObject({ provisional: true, coverage: 0.75, ceiling: 62.5 });
  });

  it('carries the suggested next step from the questionnaire, and none where it gives none', () => {
    const strategy = actionPlan(analyse(q, given, { profile: profile() }), q)[1];
    expect(strategy?.steps[0]?.action).toBeUndefined();
    expect(strategy?.steps[1]?.action).toEqual(action('Adopt'));
    expect(strategy?.steps[0]?.text).toEqual({ en: 's3', ru: 's3 (ru)' });
  });

  it('cites the pillar’s clauses and those of its gaps found, each once', () => {
    const strategy = actionPlan(analyse(q, given, { profile: profile() }), q)[1];
    expect(strategy?.clauses).toEqual([
      'R130/considering/national-strategies',
      'R130/recognizing/legal-measures',
      'R130/instructs-bdt/national-strategies',
    ]);
    const cirt = actionPlan(analyse(q, given, { profile: profile() }), q)[0];
    expect(cirt?.clauses).toEqual(['R130/recognizing/national-cirts']);
  });

  it('counts a follow-up not asked because the capacity is absent as a gap, one waiting on its gate as still to answer', () => {
    const gated = questionnaire([
      pillar('p', [
        question({ id: 'exists', type: 'yesNo' }),
        question({ id: 'detail', type: 'yesNo', showIf: { question: 'exists', equals: 'yes' } }),
        question({ id: 'other', type: 'yesNo' }),
      ]),
    ]);
    const absent = actionPlan(
      analyse(gated, answers({ exists: value('no') }), { profile: profile() }),
      gated,
    )[0];
    expect(absent?.steps.map((entry) => [entry.questionId, entry.status])).toEqual([
      ['exists', 'answered'],
      ['detail', 'notAsked'],
    ]);
    expect(absent?.open.map((entry) => entry.questionId)).toEqual(['other']);
    const open = actionPlan(
      analyse(gated, answers({ other: value('no') }), { profile: profile() }),
      gated,
    )[0];
    expect(open?.open.map((entry) => [entry.questionId, entry.status])).toEqual([
      ['exists', 'unanswered'],
      ['detail', 'pending'],
    ]);
  });

  it('leaves out met targets, zero-weight and unassessed pillars, and not-applicable questions', () => {
    const plan = actionPlan(
      analyse(
        q,
        { ...given, ...answers({ s2: notApplicable }) },
        { profile: profile({ pillars: { cirt: 0 } }) },
      ),
      q,
    );
    expect(plan.map((item) => item.groupId)).toEqual(['strategy']);
    expect(plan[0]?.steps.map((entry) => entry.questionId)).toEqual(['s3', 's1']);
    expect(plan[0]?.open).toEqual([]);
  });

  it('is empty when every target is met', () => {
    const all = answers({
      s1: value('yes'),
      s2: value('yes'),
      s3: value('yes'),
      s4: value('yes'),
      c1: value('yes'),
      m1: value('yes'),
    });
    expect(actionPlan(analyse(q, all, { profile: profile() }), q)).toEqual([]);
  });

  it('works on the five GCI pillars too, citing the clauses of the missing questions', () => {
    const plan = actionPlan(analyse(q, given, { profile: profile(), groupBy: 'gciPillar' }), q);
    expect(plan.map((item) => item.groupId)).toEqual(['technical']);
    expect(plan[0]?.clauses).toContain('R130/recognizing/national-cirts');
  });
});
