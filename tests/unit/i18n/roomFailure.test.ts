// @vitest-environment happy-dom
/** How the workshop screens say why the room server refused, in every interface language. */
import { mount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../src/language/index.ts';
import type { RoomError } from '../../../src/room/client.ts';
import { ERROR_CODES } from '../../../src/room/protocol.ts';
import { useRoomFailure } from '../../../src/i18n/useRoomFailure.ts';
import { MESSAGES, testI18n } from '../i18n.ts';

const CODES: RoomError['code'][] = [...ERROR_CODES, 'unreachable', 'unexpected'];
const SERVER_SAYS = 'Server-side English that no screen should show';

function said(locale: Locale, error: RoomError) {
  const Probe = defineComponent({
    setup() {
      const failure = useRoomFailure();
      return () =>
        h('p', [h('span', failure.facilitator(error)), '|', h('span', failure.participant(error))]);
    },
  });
  const [facilitator, participant] = mount(Probe, { global: { plugins: [testI18n(locale)] } })
    .text()
    .split('|');
  return { facilitator: facilitator!, participant: participant! };
}

describe('a refusal of the room server', () => {
  it('is said in each language with a sentence of its own for every code, never the server’s English', () => {
    for (const locale of Object.keys(MESSAGES) as Locale[]) {
      for (const code of CODES) {
        const error: RoomError = { code, message: SERVER_SAYS, status: 400 };
        const { facilitator, participant } = said(locale, error);
        if (locale !== 'en') expect([facilitator, participant]).not.toContain(said('en', error).facilitator);
        for (const text of [facilitator, participant]) {
          expect(text, `${locale} ${code}`).not.toContain(SERVER_SAYS);
          expect(text, `${locale} ${code}`).not.toMatch(/room\.|\{/);
          expect(text.length, `${locale} ${code}`).toBeGreaterThan(10);
        }
      }
    }
  });

  it('tells the facilitator and the participant what each can do about it', () => {
    const tooLarge = said('en', { code: 'tooLarge', message: SERVER_SAYS, status: 413 });
    expect(tooLarge.facilitator).toMatch(/questionnaire is too large/);
    expect(tooLarge.participant).toMatch(/Save them as a file/);
    const mismatch = said('en', { code: 'methodNotAllowed', message: SERVER_SAYS, status: 405 });
    expect(mismatch.facilitator).toBe(
      'This app and the room server do not understand each other (\u2066methodNotAllowed, 405\u2069). Reload this page.',
    );
    expect(mismatch.participant).toMatch(/hand your answers back as a file or QR codes/);
    expect(said('fr', { code: 'otherSite', message: SERVER_SAYS }).participant).toMatch(
      /^L’ordinateur portable/,
    );
    const busy = said('ru', { code: 'tooManyRequests', message: SERVER_SAYS, retryAfter: 7 });
    expect(busy.participant).toContain('7');
  });

  it('introduces the list of what was wrong when the server says where', () => {
    const refusal: RoomError = {
      code: 'damaged',
      message: SERVER_SAYS,
      problems: [{ path: '$.checksum', message: 'does not match', code: 'checksum.mismatch' } as never],
    };
    expect(said('en', refusal).participant).toBe(
      'The facilitator’s laptop refused these answers, and stored nothing. What it found:',
    );
    expect(said('en', { ...refusal, problems: [] }).participant).toMatch(/Hand them back as a file/);
  });
});
