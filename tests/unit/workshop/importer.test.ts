import { describe, expect, it } from 'vitest';
import { receive, type ReceiveContext, type Submission } from '../../../src/workshop/importer.ts';
import { makePayload, payloadFileText } from '../../../src/workshop/payload.ts';
import { joinInfoOf } from '../../../src/workshop/setup.ts';
import { answers, value } from '../builders.ts';
import { NOW, PARTICIPANT, payloadFor, QUESTIONNAIRE, workshop } from './fixtures.ts';

const given = answers({ exists: value('yes'), level: value(4) });

function context(setup: ReceiveContext['setup'], extra: Partial<ReceiveContext> = {}): ReceiveContext {
  return {
    file: 'answers.json',
    setup,
    questionnaire: QUESTIONNAIRE,
    existing: () => undefined,
    via: 'file',
    now: NOW,
    ...extra,
  };
}

const textOf = (payload: object) => JSON.stringify(payload);

describe('receiving a participant’s answers', () => {
  it('adds a new participant with group, name and answers', () => {
    const { setup } = workshop();
    const outcome = receive(payloadFileText(payloadFor(setup, given)), context(setup));
    expect(outcome).toMatchObject({
      kind: 'added',
      submission: {
        workshopId: setup.id,
        participantId: PARTICIPANT,
        group: 'government',
        name: 'A. Person',
        answers: given,
        via: 'file',
      },
    });
  });

  it('opens sealed answers with the workshop’s key', () => {
    const { setup, secretKey } = workshop({ sealed: true });
    const outcome = receive(textOf(payloadFor(setup, given)), context(setup, { secretKey }));
    expect(outcome).toMatchObject({ kind: 'added', submission: { answers: given } });
  });

  describe('the duplicate rule', () => {
    const { setup } = workshop();
    const first = payloadFor(setup, given, { updatedAt: '2026-03-10T10:00:00.000Z' });
    const stored = (): Submission => {
      const outcome = receive(textOf(first), context(setup));
      if (outcome.kind !== 'added') throw new Error(outcome.kind);
      return outcome.submission;
    };

    it('replaces older answers of the same participant with newer ones, and says so', () => {
      const newer = payloadFor(setup, answers({ exists: value('no') }), {
        updatedAt: '2026-03-10T11:00:00.000Z',
      });
      const outcome = receive(textOf(newer), context(setup, { existing: () => stored() }));
      expect(outcome).toMatchObject({
        kind: 'replaced',
        submission: { answers: { exists: { response: value('no') } } },
      });
    });

    it('keeps the newer answers when older ones arrive later', () => {
      const older = payloadFor(setup, answers({ exists: value('no') }), {
        updatedAt: '2026-03-10T09:30:00.000Z',
      });
      const outcome = receive(textOf(older), context(setup, { existing: () => stored() }));
      expect(outcome).toMatchObject({ kind: 'keptNewer', existing: { answers: given } });
    });

    it('recognises the very same answers', () => {
      const outcome = receive(textOf(first), context(setup, { existing: () => stored() }));
      expect(outcome.kind).toBe('alreadyHave');
    });

    it('takes a later hand-back of unchanged answers as the same answers, newer by when it was made', () => {
      const again = payloadFor(setup, given, { at: new Date('2026-03-10T12:00:00.000Z') });
      expect(receive(textOf(again), context(setup, { existing: () => stored() })).kind).toBe('replaced');
    });
  });

  describe('refusals, each with a message and the place in the file', () => {
    const { setup } = workshop();

    it('answers for another workshop', () => {
      const other = workshop().setup;
      const outcome = receive(textOf(payloadFor(other, given)), context(setup));
      expect(outcome).toMatchObject({ kind: 'refused', reason: 'otherWorkshop', workshopId: other.id });
      expect(outcome.kind === 'refused' && outcome.problems[0]).toMatchObject({
        path: '$.workshopId',
        message: expect.stringContaining('another workshop'),
      });
    });

    it('answers to another version of the questionnaire', () => {
      const join = { ...joinInfoOf(setup), questionnaire: { id: 'r130', version: '1.1.0' } };
      const payload = makePayload(
        {
          join,
          participantId: PARTICIPANT,
          group: 'government',
          answers: given,
          updatedAt: NOW.toISOString(),
        },
        NOW,
      );
      const outcome = receive(textOf(payload), context(setup));
      expect(outcome).toMatchObject({
        kind: 'refused',
        reason: 'otherQuestionnaire',
        questionnaire: { version: '1.1.0' },
      });
      expect(outcome.kind === 'refused' && outcome.problems[0]?.message).toMatch(
        /version 1\.1\.0.*version 1\.2\.0/,
      );
    });

    it('a file changed after it was saved', () => {
      const text = textOf(payloadFor(setup, given)).replace('"yes"', '"no"');
      expect(receive(text, context(setup))).toMatchObject({ kind: 'refused', reason: 'damaged' });
    });

    it('a file that is not JSON, or not answers at all, or far too large', () => {
      expect(receive('{"format": "baseline', context(setup))).toMatchObject({
        kind: 'refused',
        reason: 'invalid',
        problems: [{ path: '$', message: expect.stringMatching(/not valid JSON/) }],
      });
      expect(receive('{"format":"baseline-workshop"}', context(setup))).toMatchObject({
        kind: 'refused',
        reason: 'invalid',
      });
      expect(receive(' '.repeat(2_000_001), context(setup))).toMatchObject({
        kind: 'refused',
        reason: 'tooLarge',
      });
    });

    it('a group the workshop does not have, or answers to questions it does not ask', () => {
      const wrongGroup = payloadFor(setup, given, { group: 'media' });
      expect(receive(textOf(wrongGroup), context(setup))).toMatchObject({
        kind: 'refused',
        reason: 'invalid',
        problems: [{ path: '$.content.group' }],
      });
      const unknown = payloadFor(setup, answers({ 'no.such': value('yes'), level: value(9) }));
      const outcome = receive(textOf(unknown), context(setup));
      expect(outcome.kind === 'refused' && outcome.problems.map((found) => found.path)).toEqual([
        '$.content.answers["no.such"]',
        '$.content.answers.level.response.value',
      ]);
    });

    it('plain answers for a workshop that seals them, and sealed answers this key cannot open', () => {
      const sealedWorkshop = workshop({ sealed: true });
      const plain = payloadFor({ ...sealedWorkshop.setup, sealTo: undefined }, given);
      expect(
        receive(textOf(plain), context(sealedWorkshop.setup, { secretKey: sealedWorkshop.secretKey })),
      ).toMatchObject({ kind: 'refused', reason: 'notSealed' });
      const sealed = payloadFor(sealedWorkshop.setup, given);
      const wrongKey = workshop({ sealed: true }).secretKey;
      expect(receive(textOf(sealed), context(sealedWorkshop.setup, { secretKey: wrongKey }))).toMatchObject({
        kind: 'refused',
        reason: 'cannotOpen',
      });
    });
  });
});
