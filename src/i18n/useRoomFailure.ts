/**
 * Why the room server refused, in the reader's language. The server's own `message` is English
 * for its log and for programs; the screens say every code with a sentence of their own, chosen
 * from tables the compiler keeps whole, so a code added to the protocol cannot reach a screen
 * untranslated.
 */
import { isolate } from '../language/direction.ts';
import type { RoomError } from '../room/client.ts';
import { useLanguage } from './useLanguage.ts';

type Code = RoomError['code'];

/**
 * The facilitator's sentences (`room.errors.*`). Codes only a participant's request can meet
 * map to the nearest: the app and the server disagree about what was asked.
 */
const FACILITATOR = {
  unreachable: 'unreachable',
  unexpected: 'versions',
  malformed: 'refused',
  tooLarge: 'tooLarge',
  unsupportedMediaType: 'versions',
  unknownWorkshop: 'unknownWorkshop',
  wrongCode: 'versions',
  damaged: 'refused',
  otherQuestionnaire: 'refused',
  notSealed: 'versions',
  unknownGroup: 'versions',
  keptNewer: 'versions',
  tooManyRequests: 'tooManyRequests',
  facilitatorOnly: 'facilitatorOnly',
  otherSite: 'otherSite',
  notFound: 'versions',
  methodNotAllowed: 'versions',
  storageFailed: 'storageFailed',
} as const satisfies Record<Code, string>;

/** A participant's sentences (`room.send.errors.*`): each says what to do, often to hand back another way. */
const PARTICIPANT = {
  unreachable: 'unreachable',
  unexpected: 'versions',
  malformed: 'notAccepted',
  tooLarge: 'tooLarge',
  unsupportedMediaType: 'versions',
  unknownWorkshop: 'unknownWorkshop',
  wrongCode: 'wrongCode',
  damaged: 'notAccepted',
  otherQuestionnaire: 'notAccepted',
  notSealed: 'notAccepted',
  unknownGroup: 'notAccepted',
  keptNewer: 'keptNewer',
  tooManyRequests: 'tooManyRequests',
  facilitatorOnly: 'versions',
  otherSite: 'otherSite',
  notFound: 'versions',
  methodNotAllowed: 'versions',
  storageFailed: 'storageFailed',
} as const satisfies Record<Code, string>;

export function useRoomFailure() {
  const { t, format } = useLanguage();
  const params = (error: RoomError) => ({
    // For whoever runs the room server; kept in its order inside an Arabic sentence.
    code: isolate(error.status ? `${error.code}, ${error.status}` : error.code, 'ltr'),
    seconds: error.retryAfter ?? 0,
    date: error.receipt ? format.dateTime(error.receipt.receivedAt) : '',
  });
  return {
    /** What the facilitator's room screen says. */
    facilitator: (error: RoomError) => t(`room.errors.${FACILITATOR[error.code]}`, params(error)),
    /** What a participant sending answers is told; a refusal that says where introduces its list. */
    participant: (error: RoomError) =>
      error.problems?.length
        ? t('room.send.errors.refused')
        : t(`room.send.errors.${PARTICIPANT[error.code]}`, params(error)),
  };
}
