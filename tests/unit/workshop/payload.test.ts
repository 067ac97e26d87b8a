import { describe, expect, it } from 'vitest';
import {
  checksumMatches,
  KeyPendingError,
  makePayload,
  openContent,
  payloadSchema,
} from '../../../src/workshop/payload.ts';
import { joinInfoOf } from '../../../src/workshop/setup.ts';
import { SealError } from '../../../src/workshop/seal.ts';
import { answers, value } from '../builders.ts';
import { NOW, PARTICIPANT, payloadFor, workshop } from './fixtures.ts';

const given = answers({ exists: value('partly'), level: value(3) });

describe('participant payloads', () => {
  it('carries workshop, questionnaire, participant, group, answers and a checksum that matches', () => {
    const { setup } = workshop();
    const payload = payloadFor(setup, given);
    expect(payloadSchema.parse(payload)).toEqual(payload);
    expect(payload).toMatchObject({
      format: 'baseline-workshop-answers',
      workshopId: setup.id,
      questionnaire: { id: 'r130', version: '1.2.0' },
      participantId: expect.any(String),
      content: { kind: 'plain', group: 'government', name: 'A. Person', answers: given },
    });
    expect(payload.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(checksumMatches(payload)).toBe(true);
  });

  it('notices any change after it was made, whatever the key order', () => {
    const payload = payloadFor(workshop().setup, given);
    const { checksum, ...rest } = payload;
    const reordered = JSON.parse(
      JSON.stringify({ checksum, ...Object.fromEntries(Object.entries(rest).reverse()) }),
    );
    expect(checksumMatches(reordered)).toBe(true);
    const edited = structuredClone(payload);
    if (edited.content.kind === 'plain') edited.content.answers.level!.response = value(5);
    expect(checksumMatches(edited)).toBe(false);
  });

  it('is never made in the clear for a sealed workshop whose key has not arrived', () => {
    const { sealTo: _key, ...join } = joinInfoOf(workshop({ sealed: true }).setup);
    const input = {
      participantId: PARTICIPANT,
      group: 'government',
      answers: given,
      updatedAt: NOW.toISOString(),
    };
    expect(() => makePayload({ ...input, join: { ...join, keyPending: true } }, NOW)).toThrow(
      KeyPendingError,
    );
    expect(makePayload({ ...input, join }, NOW).content.kind).toBe('plain');
  });

  it('leaves the name out when the workshop is anonymous', () => {
    const payload = payloadFor(workshop({ anonymous: true }).setup, given);
    expect(payload.content).not.toHaveProperty('name');
  });

  it('seals group, name and answers to the facilitator’s key; only that key opens them', () => {
    const { setup, secretKey } = workshop({ sealed: true });
    const payload = payloadFor(setup, given);
    expect(payload.content.kind).toBe('sealed');
    const text = JSON.stringify(payload);
    expect(text).not.toContain('partly');
    expect(text).not.toContain('A. Person');
    expect(text).not.toContain('government');
    expect(openContent(payload, secretKey, 'answers.json')).toEqual({
      ok: true,
      value: {
        group: 'government',
        name: 'A. Person',
        answers: given,
      },
    });

    const other = workshop({ sealed: true }).secretKey;
    expect(() => openContent(payload, other, 'answers.json')).toThrow(SealError);
    expect(() => openContent(payload, undefined, 'answers.json')).toThrow(SealError);
  });

  it('refuses to open sealed answers whose clear fields were moved onto them', () => {
    const { setup, secretKey } = workshop({ sealed: true });
    const payload = payloadFor(setup, given);
    const swapped = { ...payload, participantId: '11111111-2222-4333-8444-555555555555' };
    expect(() => openContent(swapped, secretKey, 'answers.json')).toThrow(SealError);
  });
});
