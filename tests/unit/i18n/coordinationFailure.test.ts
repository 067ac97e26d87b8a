// @vitest-environment happy-dom
/** How the coordination screens word a failed request, in the sync screens' own messages. */
import { mount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import { describe, expect, it } from 'vitest';
import { useCoordinationFailure } from '../../../src/i18n/syncMessages.ts';
import en from '../../../src/i18n/sync/en.json';
import fr from '../../../src/i18n/sync/fr.json';
import { SyncError } from '../../../src/sync/http.ts';
import { testI18n } from '../i18n.ts';

function textIn(locale: 'en' | 'fr', failure: unknown): string {
  const i18n = testI18n(locale);
  i18n.global.mergeLocaleMessage(locale, locale === 'en' ? en : fr);
  const Probe = defineComponent({
    setup() {
      const explain = useCoordinationFailure();
      return () => h('p', explain(failure));
    },
  });
  return mount(Probe, { global: { plugins: [i18n] } }).text();
}

describe('a coordination screen’s failure', () => {
  it('says, out of reach, what still works without the server', () => {
    expect(textIn('en', new SyncError('unreachable', 'connect ECONNREFUSED'))).toBe(en.coordination.offline);
    expect(textIn('fr', new SyncError('unreachable', 'connect ECONNREFUSED'))).toBe(fr.coordination.offline);
  });

  it('gives any other refusal as the server’s, with its reason in the interface language', () => {
    expect(textIn('en', new SyncError('forbidden', 'Not yours'))).toBe(
      'The server refused: an unexpected error (\u2068Not yours\u2069)',
    );
    expect(textIn('en', new TypeError('Failed to fetch'))).toMatch(
      /^The server refused: the network could not be reached/,
    );
    expect(textIn('fr', new Error('Something broke'))).toContain('Something broke');
    expect(textIn('fr', new Error('Something broke'))).not.toMatch(/^The server refused/);
  });
});
