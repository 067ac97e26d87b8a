import { describe, expect, it } from 'vitest';
import {
  checkJoinNotice,
  checkSetup,
  checkSubmission,
  decideStored,
  joinCodeOf,
  sameJoinCode,
  type RoomWorkshop,
} from '../../../src/room/checks.ts';
import { makeJoinNotice } from '../../../src/room/joinNotice.ts';
import { formatJoinCode } from '../../../src/workshop/joinCode.ts';
import { payloadFileText } from '../../../src/workshop/payload.ts';
import { joinInfoOf, type WorkshopSetup } from '../../../src/workshop/setup.ts';
import { answers, value } from '../builders.ts';
import { NOW, PARTICIPANT, payloadFor, workshop } from '../workshop/fixtures.ts';

const given = answers({ exists: value('yes') });

function lookup(setup: WorkshopSetup, joinCode: string | undefined = joinCodeOf(setup)) {
  const entry: RoomWorkshop = { setup, joinCode: joinCodeOf(setup), openedAt: NOW.toISOString() };
  return { workshop: (id: string) => (id === setup.id ? entry : undefined), joinCode };
}

describe('join codes on the server', () => {
  it('match as people type them, and not otherwise', () => {
    const { setup } = workshop();
    const code = joinCodeOf(setup);
    expect(sameJoinCode(formatJoinCode(code).toLowerCase(), code)).toBe(true);
    expect(sameJoinCode(` ${formatJoinCode(code)} `, code)).toBe(true);
    expect(sameJoinCode(code.replace(/0/g, 'O').replace(/1/g, 'I'), code)).toBe(true);
    expect(sameJoinCode(joinCodeOf(workshop().setup), code)).toBe(false);
    expect(sameJoinCode(undefined, code)).toBe(false);
    expect(sameJoinCode('', code)).toBe(false);
    expect(sameJoinCode('#!', code)).toBe(false);
  });
});

describe('checking answers sent over the network', () => {
  it('accepts answers of a workshop collecting here, with its code', () => {
    const { setup } = workshop();
    const checked = checkSubmission(payloadFileText(payloadFor(setup, given)), lookup(setup));
    expect(checked).toMatchObject({ ok: true, value: { payload: { participantId: PARTICIPANT } } });
  });

  it('refuses, in order: not answers, unknown workshop, wrong code, damaged', () => {
    const { setup } = workshop();
    const text = payloadFileText(payloadFor(setup, given));
    expect(checkSubmission('[]', lookup(setup))).toMatchObject({ ok: false, error: { status: 400 } });
    expect(checkSubmission(text, lookup(workshop().setup))).toMatchObject({
      ok: false,
      error: { status: 404, body: { error: 'unknownWorkshop' } },
    });
    expect(checkSubmission(text, lookup(setup, 'ABCD'))).toMatchObject({
      ok: false,
      error: { status: 403, body: { error: 'wrongCode' } },
    });
    const damaged = text.replace('"yes"', '"no"');
    expect(checkSubmission(damaged, lookup(setup))).toMatchObject({
      ok: false,
      error: { status: 422, body: { error: 'damaged', problems: [{ path: '$.checksum' }] } },
    });
  });

  it('refuses answers to another version of the questionnaire', () => {
    const { setup } = workshop();
    const older = { ...setup, questionnaire: { id: 'r130', version: '1.1.0' } };
    const text = payloadFileText(payloadFor(older, given));
    expect(checkSubmission(text, lookup(setup))).toMatchObject({
      ok: false,
      error: { status: 422, body: { error: 'otherQuestionnaire' } },
    });
  });
});

describe('checking join notices and set-ups', () => {
  it('accepts a notice from a group of the workshop and refuses one from another group', () => {
    const { setup } = workshop();
    const notice = (group: string) =>
      JSON.stringify(
        makeJoinNotice({
          join: joinInfoOf(setup),
          participantId: PARTICIPANT,
          group,
          joinedAt: NOW.toISOString(),
        }),
      );
    expect(checkJoinNotice(notice('academia'), lookup(setup)).ok).toBe(true);
    expect(checkJoinNotice(notice('press'), lookup(setup))).toMatchObject({
      ok: false,
      error: { status: 422, body: { error: 'unknownGroup' } },
    });
  });

  it('refuses a clear notice to a workshop that seals', () => {
    const { setup } = workshop({ sealed: true });
    const { sealTo: _key, ...clear } = joinInfoOf(setup);
    const text = JSON.stringify(
      makeJoinNotice({
        join: clear,
        participantId: PARTICIPANT,
        group: 'academia',
        joinedAt: NOW.toISOString(),
      }),
    );
    expect(checkJoinNotice(text, lookup(setup))).toMatchObject({
      ok: false,
      error: { body: { error: 'notSealed' } },
    });
  });

  it('checks a set-up against the set-up format', () => {
    const { setup } = workshop();
    expect(checkSetup(JSON.stringify(setup))).toEqual({ ok: true, value: setup });
    expect(checkSetup(JSON.stringify({ ...setup, groups: [] }))).toMatchObject({
      ok: false,
      error: { status: 400, body: { problems: [{ path: '$.groups' }] } },
    });
  });
});

describe('the duplicate rule on the server', () => {
  it('keeps the answers changed last', () => {
    const { setup } = workshop();
    const early = payloadFor(setup, given, { updatedAt: '2026-03-10T10:00:00.000Z' });
    const late = payloadFor(setup, answers({ exists: value('no') }), {
      updatedAt: '2026-03-10T11:00:00.000Z',
    });
    expect(decideStored(early, undefined)).toBe('received');
    expect(decideStored(late, early)).toBe('replaced');
    expect(decideStored(early, late)).toBe('keptNewer');
    expect(decideStored(late, late)).toBe('alreadyReceived');
  });

  it('compares times as instants, whatever offset each was written with', () => {
    const { setup } = workshop();
    // 10:30 in Paris is 09:30 UTC: older than 10:00 UTC, although it sorts later as text.
    const paris = payloadFor(setup, given, { updatedAt: '2026-03-10T10:30:00.000+01:00' });
    const utc = payloadFor(setup, answers({ exists: value('no') }), {
      updatedAt: '2026-03-10T10:00:00.000Z',
    });
    expect(decideStored(paris, utc)).toBe('keptNewer');
    expect(decideStored(utc, paris)).toBe('replaced');
  });
});
