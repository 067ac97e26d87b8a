/** A small workshop for the workshop tests: its questionnaire, set-up, and a participant's payload. */
import type { Answers } from '../../../src/assessment/types.ts';
import { generateKeyPair } from '../../../src/workshop/seal.ts';
import { createSetup, joinInfoOf, type WorkshopSetup } from '../../../src/workshop/setup.ts';
import { makePayload, type Payload } from '../../../src/workshop/payload.ts';
import { pillar, question, questionnaire } from '../builders.ts';

export const QUESTIONNAIRE = questionnaire(
  [
    pillar('strategy', [
      question({ id: 'exists', type: 'yesPartlyNo' }),
      question({ id: 'level', type: 'maturity' }),
    ]),
    pillar('skills', [question({ id: 'people', type: 'number' }), question({ id: 'notes', type: 'text' })]),
  ],
  { id: 'r130', version: '1.2.0' },
);

export const NOW = new Date('2026-03-10T09:00:00.000Z');

export function workshop({ sealed = false, anonymous = false } = {}): {
  setup: WorkshopSetup;
  secretKey?: string;
} {
  const keys = sealed ? generateKeyPair() : undefined;
  const setup = createSetup(
    {
      name: 'National workshop, March',
      questionnaire: { id: 'r130', version: '1.2.0' },
      defaultGroups: ['government', 'academia', 'civil-society'],
      customGroups: ['Media'],
      anonymous,
      sealTo: keys?.publicKey,
    },
    NOW,
  );
  return keys ? { setup, secretKey: keys.secretKey } : { setup };
}

export const PARTICIPANT = '0f6b3c1e-8d2a-4c7b-9e10-5a4f3b2c1d0e';

export function payloadFor(
  setup: WorkshopSetup,
  answers: Answers,
  {
    participantId = PARTICIPANT,
    group = 'government',
    name = 'A. Person',
    updatedAt = '2026-03-10T10:00:00.000Z',
    at = NOW,
  } = {},
): Payload {
  return makePayload({ join: joinInfoOf(setup), participantId, group, name, answers, updatedAt }, at);
}
