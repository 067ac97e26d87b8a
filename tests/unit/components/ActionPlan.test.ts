// @vitest-environment happy-dom
/**
 * The action plan lists the sources behind each item, and says nothing of sources where there
 * are none (a GCI pillar cites nothing of its own; with no gap found yet, nothing at all).
 */
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { analyse, actionPlan } from '../../../src/analysis/index.ts';
import ActionPlan from '../../../src/components/analysis/ActionPlan.vue';
import { shownAs } from '../../../src/i18n/useLocalized.ts';
import { citationIndex } from '../../../src/questionnaire/citations.ts';
import { profile } from '../analysis/profile.ts';
import { answers, pillar, question, questionnaire, value } from '../builders.ts';
import { testI18n } from '../i18n.ts';

const q = questionnaire([
  pillar('strategy', [question({ id: 'exists', type: 'yesNo', gciPillar: 'legal' })], { target: 80 }),
  pillar('cirt', [question({ id: 'cirt', type: 'yesNo', gciPillar: 'technical' })], { target: 80 }),
]);
// "exists" is a gap found (No); "cirt" is still to answer.
const given = answers({ exists: value('no') });
const titles = Object.fromEntries(
  ['strategy', 'cirt', 'legal', 'technical'].map((id) => [id, shownAs(id, 'en')]),
);

function planText(groupBy: 'pillar' | 'gciPillar') {
  const plan = actionPlan(analyse(q, given, { profile: profile(), groupBy }), q);
  const wrapper = mount(ActionPlan, {
    props: { plan, titles, defaultLanguage: 'en', citations: citationIndex(new Map(), q) },
    global: { plugins: [testI18n('en')] },
  });
  return wrapper.findAll('li.plan__item').map((item) => ({
    title: item.get('h3').text(),
    sources: item.find('.plan__clauses').exists() ? item.get('.plan__clauses summary').text() : null,
  }));
}

describe('the action plan’s sources', () => {
  it('are listed for each pillar, which cites its own', () => {
    expect(planText('pillar').map((item) => item.sources)).toEqual([
      'Sources that call for it (1)',
      'Sources that call for it (1)',
    ]);
  });

  it('are not announced for a GCI pillar with nothing found yet, where there are none', () => {
    expect(planText('gciPillar')).toEqual([
      { title: '1. legal', sources: 'Sources that call for it (1)' },
      { title: '2. technical', sources: null },
    ]);
  });
});
