// @vitest-environment happy-dom
/**
 * A gap shown beside its score and target is the difference of those figures as shown, so every
 * line can be checked by the reader: never "score 13, target 75, gap 63", nor an overall
 * "score 6, target 68, gap 61".
 */
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { analyse } from '../../../src/analysis/index.ts';
import { shownGap, shownScore, shownShortfall } from '../../../src/analysis/shown.ts';
import PillarRows from '../../../src/components/analysis/PillarRows.vue';
import { useAnalysisText } from '../../../src/components/analysis/useAnalysisText.ts';
import { shownAs } from '../../../src/i18n/useLocalized.ts';
import { answers, pillar, question, questionnaire, value } from '../builders.ts';
import { testI18n } from '../i18n.ts';
import { profile } from './profile.ts';

const yesPartlyNo = (id: string) => question({ id, type: 'yesPartlyNo' });
const yesNo = (id: string) => question({ id, type: 'yesNo' });

// a: one "partly" of four questions, 12.5 against a target of 75.
// b: no "yes" of three, 0 against 60; overall 6.25 against 67.5.
const q = questionnaire([
  pillar('a', ['a1', 'a2', 'a3', 'a4'].map(yesPartlyNo), { target: 75 }),
  pillar('b', ['b1', 'b2', 'b3'].map(yesNo), { target: 60 }),
]);
const given = answers({
  a1: value('partly'),
  a2: value('no'),
  a3: value('no'),
  a4: value('no'),
  b1: value('no'),
  b2: value('no'),
  b3: value('no'),
});
const analysis = analyse(q, given, { profile: profile() });
const titles = { a: shownAs('Pillar a', 'en'), b: shownAs('Pillar b', 'en') };

describe('gaps as shown', () => {
  it('are the shown target less the shown score, where the exact gap would round to another figure', () => {
    const [a] = analysis.groups;
    expect(a).toMatchObject({ score: 12.5, target: 75, gap: 62.5 });
    expect(shownScore(a!.score!)).toBe(13);
    expect(shownGap(a!)).toBe(62);

    const { overall } = analysis;
    expect(overall.target).toBeCloseTo(67.5, 9);
    expect(overall.score).toBeCloseTo(6.25, 9);
    expect(Math.round(overall.gap!)).toBe(61);
    expect(shownGap(overall)).toBe(68 - 6);
  });

  it('read so in the pillar table of the results and the report', () => {
    const wrapper = mount(
      defineComponent(() => () => h('table', h(PillarRows, { analysis, titles }))),
      { global: { plugins: [testI18n('en')] } },
    );
    const row = wrapper.findAll('tbody tr')[0]!;
    const [score, target, gap] = row.findAll('td.number').map((cell) => cell.text());
    expect([score, target, gap]).toEqual(['13', '75', '62']);
  });

  it('count nothing short of a target met or exceeded, and nothing without both figures', () => {
    expect(shownShortfall({ score: 12.5, target: 75 })).toBe(62);
    expect(shownShortfall({ score: 80.4, target: 75 })).toBe(0);
    expect(shownShortfall({ score: null, target: 75 })).toBeNull();
  });

  it('say "met" once the target is reached, and 0 for a fraction of a point short', () => {
    let text!: ReturnType<typeof useAnalysisText>;
    mount(
      defineComponent(() => {
        text = useAnalysisText();
        return () => h('p');
      }),
      { global: { plugins: [testI18n('en')] } },
    );
    expect(text.gapText({ score: 80, target: 75, gap: -5 })).toBe(testI18n('en').global.t('analysis.met'));
    expect(text.gapText({ score: 74.6, target: 75, gap: 0.4 })).toBe('0');
    expect(text.gapText({ score: null, target: 75, gap: null })).toBe('—');
    expect(text.gapText(undefined)).toBe('—');
  });
});
