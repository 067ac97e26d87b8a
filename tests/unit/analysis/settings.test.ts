import { describe, expect, it } from 'vitest';
import { analyseAssessment, assessmentSettings } from '../../../src/analysis/index.ts';
import { answers, pillar, question, questionnaire, value } from '../builders.ts';
import { profile } from './profile.ts';

const q = questionnaire([
  pillar('a', [question({ id: 'a1', type: 'yesNo' })], { target: 60 }),
  pillar('b', [question({ id: 'b1', type: 'yesNo' })]),
]);
const builtIn = [
  profile({ id: 'other', appliesTo: ['elsewhere'] }),
  profile({ id: 'first', appliesTo: ['test'], pillars: { a: 3 } }),
];
const given = answers({ a1: value('yes'), b1: value('no') });

describe('the weights and targets an assessment’s figures use', () => {
  it('are the app’s default profile for the questionnaire until the assessment has its own', () => {
    expect(assessmentSettings({}, q, builtIn)).toMatchObject({
      profile: { id: 'first' },
      targets: {},
      groupBy: 'pillar',
    });
    const own = profile({ id: 'own', pillars: { b: 2 }, groupBy: 'gciPillar' });
    expect(assessmentSettings({ weightProfile: own, targets: { a: 90 } }, q, builtIn)).toEqual({
      profile: own,
      targets: { a: 90 },
      groupBy: 'gciPillar',
    });
  });

  it('give the same analysis wherever it is computed', () => {
    const analysis = analyseAssessment({ targets: { b: 50 } }, q, given, builtIn);
    expect(analysis.profileId).toBe('first');
    expect(analysis.overall.score).toBeCloseTo(75);
    expect(analysis.groups.map((group) => group.target)).toEqual([60, 50]);
    expect(analyseAssessment({}, q, given, builtIn, 'gciPillar').groupBy).toBe('gciPillar');
  });
});
