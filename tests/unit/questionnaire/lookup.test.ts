import { describe, expect, it } from 'vitest';
import { findPillar, findQuestion, questionsById } from '../../../src/questionnaire/lookup.ts';
import { pillar, question, questionnaire } from '../builders.ts';

const exists = question({ id: 'cirt.exists', type: 'yesNo' });
const staff = question({ id: 'cirt.staff', type: 'number' });
const plan = question({ id: 'strategy.plan', type: 'maturity' });
const sample = questionnaire([pillar('cirt', [exists, staff]), pillar('strategy', [plan])]);

describe('finding a question or a pillar by its id', () => {
  it('indexes every question of every pillar, in document order', () => {
    const index = questionsById(sample);
    expect([...index.keys()]).toEqual(['cirt.exists', 'cirt.staff', 'strategy.plan']);
    expect(index.get('strategy.plan')).toBe(plan);
    expect(questionsById(undefined).size).toBe(0);
  });

  it('finds one question, in any pillar, or none', () => {
    expect(findQuestion(sample, 'cirt.staff')).toBe(staff);
    expect(findQuestion(sample, 'strategy.plan')).toBe(plan);
    expect(findQuestion(sample, 'strategy')).toBeUndefined();
    expect(findQuestion(undefined, 'cirt.staff')).toBeUndefined();
  });

  it('finds one pillar, or none (a question id is not a pillar id)', () => {
    expect(findPillar(sample, 'strategy')?.questions).toEqual([plan]);
    expect(findPillar(sample, 'cirt.exists')).toBeUndefined();
    expect(findPillar(undefined, 'cirt')).toBeUndefined();
  });
});
