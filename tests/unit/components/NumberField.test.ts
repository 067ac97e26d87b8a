// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import NumberField from '../../../src/components/NumberField.vue';
import type { Locale } from '../../../src/i18n/index.ts';
import { testI18n } from '../i18n.ts';

function mountField(value: number, locale: Locale = 'en') {
  return mount(NumberField, {
    props: {
      id: 'w',
      label: 'Weight',
      value,
      min: 0,
      max: 100,
      invalidMessage: 'Enter a number from 0 to 100.',
    },
    global: { plugins: [testI18n(locale)] },
  });
}

describe('NumberField', () => {
  it('keeps what is typed, applies it when it is a number in range, and marks it invalid otherwise', async () => {
    const wrapper = mountField(1);
    const input = wrapper.get('input');
    await input.setValue('');
    expect(input.element.value).toBe('');
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[role="alert"]').text()).toBe('Enter a number from 0 to 100.');
    await input.setValue('-2');
    expect(input.element.value).toBe('-2');
    expect(wrapper.emitted('change')).toBeUndefined();
    await input.setValue('3');
    expect(wrapper.emitted('change')).toEqual([[3]]);
    expect(input.attributes('aria-invalid')).toBe('false');
  });

  it('keeps "3." while the person types, shows the echo of what was typed as it is, and tidies it on leaving', async () => {
    const wrapper = mountField(1);
    const input = wrapper.get('input');
    await input.setValue('3.');
    await wrapper.setProps({ value: 3 });
    expect(input.element.value).toBe('3.');
    await input.trigger('blur');
    expect(input.element.value).toBe('3');
  });

  it('shows a value that comes from elsewhere, and reads Arabic-Indic digits as typed', async () => {
    const wrapper = mountField(1);
    await wrapper.setProps({ value: 2.5 });
    expect(wrapper.get('input').element.value).toBe('2.5');
    const arabic = mountField(1.5, 'ar');
    await arabic.get('input').setValue('٧٥');
    expect(arabic.emitted('change')).toEqual([[75]]);
  });
});
