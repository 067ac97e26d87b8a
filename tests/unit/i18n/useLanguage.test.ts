// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { defineComponent, h, nextTick, ref } from 'vue';
import { describe, expect, it } from 'vitest';
import { useLanguage } from '../../../src/i18n/useLanguage.ts';
import { CONTENT_REVISION } from '../../../src/i18n/useLocalized.ts';
import { testI18n } from '../i18n.ts';

/** Draws what a screen would: a message, a score, a date and a questionnaire text. */
const Probe = defineComponent(() => {
  const { t, locale, format, localized } = useLanguage();
  return () => {
    const title = localized({ en: 'Strategy', fr: 'Stratégie' }, 'en');
    return h('p', [
      h('span', { class: 'locale' }, locale.value),
      h('span', { class: 'message' }, t('home.title')),
      h('span', { class: 'figure' }, format.decimal(1234.5)),
      h('span', { class: 'text', lang: title.language, dir: title.dir }, title.text),
    ]);
  };
});

describe('useLanguage', () => {
  it('speaks the interface language in messages, figures and content, and follows a change of it', async () => {
    const i18n = testI18n('en');
    const wrapper = mount(Probe, { global: { plugins: [i18n], provide: { [CONTENT_REVISION]: ref(0) } } });
    expect(wrapper.get('.locale').text()).toBe('en');
    expect(wrapper.get('.figure').text()).toBe('1,234.5');
    expect(wrapper.get('.text').text()).toBe('Strategy');
    const english = wrapper.get('.message').text();

    i18n.global.setLocaleMessage('fr', testI18n('fr').global.getLocaleMessage('fr'));
    i18n.global.locale.value = 'fr';
    await nextTick();
    expect(wrapper.get('.locale').text()).toBe('fr');
    // French groups thousands with a narrow no-break space and uses a decimal comma.
    expect(wrapper.get('.figure').text()).toBe('1\u202f234,5');
    expect(wrapper.get('.text').text()).toBe('Stratégie');
    expect(wrapper.get('.text').attributes('lang')).toBe('fr');
    expect(wrapper.get('.message').text()).not.toBe(english);
  });

  it("falls back to the content's own language, with its lang and direction, where it has no text in the interface language", () => {
    const wrapper = mount(Probe, { global: { plugins: [testI18n('ar')] } });
    expect(wrapper.get('.text').text()).toBe('Strategy');
    expect(wrapper.get('.text').attributes('lang')).toBe('en');
    expect(wrapper.get('.text').attributes('dir')).toBe('ltr');
    expect(wrapper.get('.locale').text()).toBe('ar');
  });
});
