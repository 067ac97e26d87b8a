// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES, type Locale } from '../../../src/i18n/index.ts';
import { useFailureText } from '../../../src/i18n/useFailureText.ts';
import { IMPORT_LIMITS } from '../../../src/transfer/index.ts';
import { readChosenFile } from '../../../src/validation/readFile.ts';
import { testI18n } from '../i18n.ts';

/** The failure text of `failure` as a screen in `locale` says it. */
function textIn(locale: Locale, failure: unknown, sentence = false): string {
  const Probe = defineComponent({
    setup() {
      const { failureText, failureSentence } = useFailureText();
      return () => h('p', sentence ? failureSentence(failure) : failureText(failure));
    },
  });
  return mount(Probe, { global: { plugins: [testI18n(locale)] } }).text();
}

const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

async function tooDeepProblems() {
  const read = await readChosenFile(new File([deep(40)], 'deep.json'), IMPORT_LIMITS);
  if (read.ok) throw new Error('a file 40 levels deep was read');
  return read.error;
}

const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const unreachable = new TypeError('Failed to fetch');
const unknown = new Error('Something broke inside');

const locales = SUPPORTED_LOCALES.map(({ code }) => code);

describe('one translated failure text', () => {
  it('says in English what each kind of failure is', async () => {
    expect(textIn('en', await tooDeepProblems())).toBe(
      'values are nested more than 32 levels deep; a Baseline file is much flatter',
    );
    expect(textIn('en', quota)).toMatch(/^the device’s storage is full/);
    expect(textIn('en', unreachable)).toMatch(/^the network could not be reached/);
    expect(textIn('en', { code: 'unreachable', message: 'connect ECONNREFUSED' })).toMatch(/network/);
    expect(textIn('en', unknown)).toBe('an unexpected error (\u2068Something broke inside\u2069)');
    expect(textIn('en', 'odd')).toBe('an unexpected error (\u2068odd\u2069)');
    expect(textIn('en', quota, true)).toMatch(/^This could not be done: the device’s storage is full.*\.$/);
  });

  it.each(locales.filter((code) => code !== 'en'))(
    '%s says every kind in its own words, the technical detail kept as written',
    async (locale) => {
      const problems = await tooDeepProblems();
      const english = [problems, quota, unreachable, unknown].map((failure) => textIn('en', failure));
      const translated = [problems, quota, unreachable, unknown].map((failure) => textIn(locale, failure));
      translated.forEach((text, index) => expect(text).not.toBe(english[index]));
      expect(translated[0]).toContain('32');
      expect(translated[3]).toContain('Something broke inside');
      expect(textIn(locale, quota, true)).toContain(translated[1]);
    },
  );
});
