// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SourceList from '../../../src/components/SourceList.vue';
import { citationIndex, clauseCitations } from '../../../src/questionnaire/citations.ts';
import type { ClauseRegistry } from '../../../src/questionnaire/clauses.ts';
import { testI18n } from '../i18n.ts';

// The registry as the app reads it (happy-dom cannot run the scripts' file helpers).
const registry = JSON.parse(
  readFileSync(join(process.cwd(), 'questionnaires', 'reference', 'clauses.json'), 'utf8'),
) as ClauseRegistry;
const clauses = clauseCitations(registry);
const index = citationIndex(clauses, {
  defaultLanguage: 'en',
  references: [{ id: 'cyber-act', title: { en: 'Cybersecurity Act No. 12 of 2021' }, year: 2021 }],
});

describe('SourceList (the answering screen and the report)', () => {
  it('names each citation by its own document: the UN General Assembly draft is never labelled Resolution 130', () => {
    const wrapper = mount(SourceList, {
      props: {
        ids: ['UNGA-draft/poc-directory', 'R130/invites-ms/cirt-cooperation', 'cyber-act'],
        citations: index,
      },
      global: { plugins: [testI18n('en')] },
    });
    const documents = wrapper.findAll('li.sources__document');
    expect(documents.map((item) => item.get('cite').text())).toEqual([
      expect.stringMatching(/^UN General Assembly draft resolution/),
      'ITU Plenipotentiary Resolution 130 (Rev. Bucharest, 2022)',
      'Cybersecurity Act No. 12 of 2021',
    ]);
    expect(documents[0]!.text()).not.toContain('Resolution 130');
    expect(documents[0]!.text()).toContain('United Nations General Assembly');
  });
});

describe('SourceList labels', () => {
  it('names a clause by the part of the resolution it is in, even where its stable id names another', () => {
    const wrapper = mount(SourceList, {
      props: {
        ids: ['R130/instructs-bdt/cirt-support', 'R130/instructs-bdt/national-strategies'],
        citations: index,
        compact: true,
      },
      global: { plugins: [testI18n('en')] },
    });
    // The support under WTSA Resolution 58 is in the instructions to both Directors, not to BDT alone.
    expect(wrapper.text()).toContain(
      'instructs the Directors of TSB and BDT 108; instructs the Director of BDT 8',
    );
  });
});
