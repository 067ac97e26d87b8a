// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import TitledSection from '../../../src/components/TitledSection.vue';

describe('TitledSection', () => {
  it('is a region named by its own heading, each with an id of its own', () => {
    const wrapper = mount({
      components: { TitledSection },
      template: `<div>
        <TitledSection class="card" title="Pillars" data-testid="a"><p>body</p></TitledSection>
        <TitledSection title="Questions" />
      </div>`,
    });
    const [first, second] = wrapper.findAll('section');
    const heading = first!.get('h2');
    expect(heading.text()).toBe('Pillars');
    expect(first!.attributes('aria-labelledby')).toBe(heading.attributes('id'));
    expect(first!.classes()).toContain('card');
    expect(first!.attributes('data-testid')).toBe('a');
    expect(first!.get('p').text()).toBe('body');
    expect(second!.get('h2').attributes('id')).not.toBe(heading.attributes('id'));
  });

  it('keeps a given heading id, draws a third-level heading and takes a richer heading from its slot', () => {
    const wrapper = mount(TitledSection, {
      props: { headingId: 'qr-heading', level: 3 },
      slots: { heading: '<bdi>Ministry</bdi> answers' },
    });
    const heading = wrapper.get('h3');
    expect(heading.attributes('id')).toBe('qr-heading');
    expect(wrapper.get('section').attributes('aria-labelledby')).toBe('qr-heading');
    expect(heading.html()).toContain('<bdi>Ministry</bdi>');
    expect(wrapper.find('h2').exists()).toBe(false);
  });
});
