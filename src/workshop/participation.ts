import type { Answers } from '../assessment/types.ts';
import { makePayload, type Payload } from './payload.ts';
import type { JoinInfo } from './setup.ts';
import { laterOf } from '../validation/time.ts';

/** Kept on a participant's assessment: the workshop it answers and who is answering. */
export interface Participation {
  join: JoinInfo;
  participantId: string;
  group: string;
  /** Only when the workshop is not anonymous. */
  name?: string;
  joinedAt: string;
  /** The last hand-back: when, and which payload (so the screen can say whether answers changed since). */
  handedBack?: { at: string; checksum: string; updatedAt: string };
  /** The last receipt from the room server: when the facilitator's laptop received which answers. */
  delivered?: { at: string; checksum: string; updatedAt: string };
}

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
