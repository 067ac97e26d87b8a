// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { Answer, Response } from '../../../src/assessment/types.ts';
import QuestionCard from '../../../src/components/questions/QuestionCard.vue';
import { testI18n } from '../i18n.ts';
import type { Locale } from '../../../src/i18n/index.ts';
import type { Question } from '../../../src/questionnaire/schema.ts';
import { question } from '../builders.ts';

function mountCard(q: Question, answer?: Answer, locale: Locale = 'en') {
  return mount(QuestionCard, {
    props: { question: q, answer, number: 1, count: 3, defaultLanguage: 'en', citations: new Map() },
    global: { plugins: [testI18n(locale)] },
  });
}

const given = (response: Response): Answer => ({
  questionId: 'q',
  response,
  updatedAt: '2026-01-01T00:00:00Z',
});
const emitted = (wrapper: ReturnType<typeof mountCard>) =>
  wrapper.emitted('response')?.map((args) => args[0]);

describe('QuestionCard', () => {
  it('names the answer group after the question, for screen readers', () => {
    const wrapper = mountCard(question({ id: 'q', type: 'yesPartlyNo' }));
    const heading = wrapper.get('h2');
    expect(wrapper.get('fieldset').attributes('aria-labelledby')).toBe(heading.attributes('id'));
    expect(
      wrapper.findAll('input[type=radio]').map((input) => input.element.parentElement?.textContent?.trim()),
    ).toEqual(['Yes', 'Partly', 'No']);
  });

  it('emits a value when a choice is made, and shows the stored one as chosen', async () => {
    const wrapper = mountCard(question({ id: 'q', type: 'maturity' }), given({ kind: 'value', value: 2 }));
    const radios = wrapper.findAll('input[type=radio]');
    expect((radios[2]?.element as HTMLInputElement).checked).toBe(true);
    expect(radios[4]?.element.parentElement?.textContent).toContain('level 4');
    await radios[4]?.trigger('change');
    expect(emitted(wrapper)).toEqual([{ kind: 'value', value: 4 }]);
  });

  it('toggles "not applicable" and "don\'t know" apart from "not yet answered"', async () => {
    const wrapper = mountCard(question({ id: 'q', type: 'yesNo' }), given({ kind: 'notApplicable' }));
    const buttons = wrapper.findAll('[role=group] button');
    expect(buttons.map((b) => [b.text(), b.attributes('aria-pressed')])).toEqual([
      ['Not applicable', 'true'],
      ['Don’t know', 'false'],
      ['Clear answer', undefined],
    ]);
    await buttons[1]?.trigger('click');
    await buttons[0]?.trigger('click');
    expect(emitted(wrapper)).toEqual([{ kind: 'dontKnow' }, undefined]);
  });

  it('keeps an exclusive option and the others apart in multiple choice', async () => {
    const wrapper = mountCard(
      question({ id: 'q', type: 'multipleChoice' }),
      given({ kind: 'value', value: ['a', 'b'] }),
    );
    const none = wrapper.findAll('input[type=checkbox]')[3];
    (none?.element as HTMLInputElement).checked = true;
    await none?.trigger('change');
    expect(emitted(wrapper)).toEqual([{ kind: 'value', value: ['none'] }]);
  });

  it('accepts a decimal comma in figures and refuses values out of range with a message', async () => {
    const wrapper = mountCard(question({ id: 'q', type: 'percentage' }));
    const input = wrapper.get('input');
    await input.setValue('12,5');
    expect(emitted(wrapper)).toEqual([{ kind: 'value', value: 12.5 }]);
    await input.setValue('140');
    expect(wrapper.get('[role=alert]').text()).toBe('Enter a number from 0 to 100.');
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(emitted(wrapper)).toHaveLength(1);
  });

  it('shows a stored figure as the reader writes numbers, and tidies what is typed on leaving the box', async () => {
    const figure = question({ id: 'q', type: 'percentage' });
    expect(mountCard(figure, given({ kind: 'value', value: 12.5 }), 'fr').get('input').element.value).toBe(
      '12,5',
    );
    expect(mountCard(figure, given({ kind: 'value', value: 12.5 }), 'en').get('input').element.value).toBe(
      '12.5',
    );
    const wrapper = mountCard(figure, undefined, 'fr');
    const input = wrapper.get('input');
    await input.setValue('7,50');
    expect(emitted(wrapper)).toEqual([{ kind: 'value', value: 7.5 }]);
    await input.trigger('blur');
    expect(input.element.value).toBe('7,5');
  });

  it('keeps an entry being corrected when the figure is cleared elsewhere, and empties the box otherwise', async () => {
    const figure = question({ id: 'q', type: 'percentage' });
    const wrapper = mountCard(figure, given({ kind: 'value', value: 40 }));
    const input = wrapper.get('input');
    await input.setValue('4o');
    await wrapper.setProps({ answer: given({ kind: 'notApplicable' }) });
    expect(input.element.value).toBe('4o');
    const other = mountCard(figure, given({ kind: 'value', value: 40 }));
    await other.setProps({ answer: given({ kind: 'notApplicable' }) });
    expect(other.get('input').element.value).toBe('');
  });

  it('shows what a figure counts, its rule worked out from the scoring, and why the thresholds are there', () => {
    const basisSource = 'nis2';
    const citations = new Map([
      [
        basisSource,
        {
          id: basisSource,
          document: { id: basisSource, title: { en: 'NIS 2 Directive' }, defaultLanguage: 'en' },
        },
      ],
    ]);
    const wrapper = mount(QuestionCard, {
      props: {
        question: question({
          id: 'q',
          type: 'number',
          unit: { en: 'hours' },
          min: 0,
          definition: { en: 'Significant incidents of the last 12 months, median.' },
          scoring: {
            kind: 'linear',
            scoreZeroAt: 72,
            scoreFullAt: 24,
            basis: {
              text: { en: 'The EU asks for a first response within 24 hours.' },
              sources: [basisSource],
            },
          },
        }),
        answer: undefined,
        number: 1,
        count: 3,
        defaultLanguage: 'en',
        citations,
      },
      global: { plugins: [testI18n('en')] },
    });
    const text = wrapper.text().replace(/\s+/g, ' ');
    expect(text).toContain('What counts: Significant incidents of the last 12 months, median.');
    const rule = wrapper.get('[data-testid=figure-rule]').text().replace(/\s+/g, ' ');
    expect(rule).toContain(
      'How the figure scores: no score at 72 hours, full score at 24 hours, a straight line between',
    );
    expect(rule).toContain('Why these thresholds: The EU asks for a first response within 24 hours.');
    expect(rule).toContain('NIS 2 Directive');
  });

  it('lists the ranges of a steps rule, in the interface language', () => {
    const steps = question({
      id: 'q',
      type: 'percentage',
      scoring: {
        kind: 'steps',
        steps: [
          { from: 0, score: 0 },
          { from: 0.1, score: 0.25 },
          { from: 1, score: 0.75 },
          { from: 2, score: 1 },
        ],
      },
    });
    const rule = (locale: Locale) =>
      mountCard(steps, undefined, locale).get('[data-testid=figure-rule] bdi').text().replace(/\s/g, ' ');
    expect(rule('en')).toBe(
      'below 0.1%: no score · 0.1% or more: 25 of 100 · 1% or more: 75 of 100 · 2% or more: full score',
    );
    expect(rule('ru').split(' · ')[1]).toBe('0,1 % и более: 25 из 100');
  });

  it('says a figure collected for context is not scored', () => {
    const wrapper = mountCard(question({ id: 'q', type: 'number', scored: false, scoring: undefined }));
    expect(wrapper.text()).toContain('For context: not scored');
    expect(wrapper.find('[data-testid=figure-rule]').exists()).toBe(false);
  });

  it('speaks the interface language', () => {
    const wrapper = mountCard(question({ id: 'q', type: 'yesNo' }), undefined, 'ru');
    expect(wrapper.text()).toContain('Неприменимо');
    expect(wrapper.text()).toContain('Ответа пока нет');
  });

  it('shows English question text inside an Arabic page left to right, tagged and marked as untranslated', () => {
    const wrapper = mountCard(question({ id: 'q', type: 'yesNo' }), undefined, 'ar');
    const heading = wrapper.get('h2');
    const text = heading.get('[lang="en"]');
    expect(text.attributes('dir')).toBe('ltr');
    expect(text.text()).toBe('q');
    expect(wrapper.text()).toContain('لا ينطبق');
    expect(wrapper.find('.hint').text()).toContain('لم يُترجم بعد');
  });
  it('says what a figure counts, how it scores and why, before it is answered', () => {
    const wrapper = mountCard(
      question({
        id: 'q',
        type: 'percentage',
        definition: { en: 'Share of agencies with a named contact' },
        scoring: {
          kind: 'steps',
          steps: [
            { from: 10, score: 0.5 },
            { from: 50, score: 1 },
          ],
          basis: { text: { en: 'The regional plan asks for half by 2027' } },
        },
      }),
    );
    const text = wrapper.text().replace(/\s+/g, ' ');
    expect(text).toContain('What counts: Share of agencies with a named contact');
    expect(text).toContain(
      'How the figure scores: below 10%: no score · 10% or more: 50 of 100 · 50% or more: full score',
    );
    expect(text).toContain('Why these thresholds: The regional plan asks for half by 2027');
    expect(text).not.toContain('For context');
  });

  it('marks a figure collected for context as not scored, with no scoring rule', () => {
    const wrapper = mountCard(
      question({ id: 'q', type: 'number', scored: false, scoring: undefined, unit: { en: 'people' } }),
    );
    expect(wrapper.text()).toContain('For context: not scored');
    expect(wrapper.text()).not.toContain('How the figure scores');
    expect(mountCard(question({ id: 'q', type: 'text' })).text()).not.toContain('For context');
  });
});
