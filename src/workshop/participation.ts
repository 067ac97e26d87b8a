import type { Answers } from '../assessment/types.ts';
import { makePayload, type Payload } from './payload.ts';
import { laterOf } from '../validation/time.ts';
import type { Participation } from './records.ts';

export type { Participation } from './records.ts';

/** When the participant last changed anything: the latest answer, or joining. */
export function lastChange(participation: Participation, answers: Answers): string {
  let latest = participation.joinedAt;
  for (const answer of Object.values(answers)) if (answer) latest = laterOf(latest, answer.updatedAt);
  return latest;
}

export function participantPayload(participation: Participation, answers: Answers, now: Date): Payload {
  const input = {
    join: participation.join,
    participantId: participation.participantId,
    group: participation.group,
    answers,
    updatedAt: lastChange(participation, answers),
  };
  return makePayload(participation.name ? { ...input, name: participation.name } : input, now);
}
