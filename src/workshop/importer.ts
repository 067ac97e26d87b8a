/**
 * Receiving a participant's answers, whichever way they came (file, QR codes, image of a QR
 * code, or the room's network): one function decides, the caller stores what it returns.
 *
 * Checked in order, each refusal with a message a facilitator can act on: size, JSON, format,
 * checksum, workshop, questionnaire version, sealing, the answers themselves (group, question
 * ids, values). Then the duplicate rule: one participant is kept once, with their newer answers.
 */
import type { Answers } from '../assessment/types.ts';
import type { Questionnaire } from '../questionnaire/schema.ts';
import { questionsInOrder } from '../questionnaire/walk.ts';
import { accepts } from '../questionnaire/answerTypes.ts';
import { parseJsonText, parseWithSchema } from '../validation/parse.ts';
import { compareInstants, isLater } from '../validation/time.ts';
import { jsonPath, problem, type Problem } from '../validation/problems.ts';
import { readChosenFile, type ChosenFile, type ReadFile } from '../validation/readFile.ts';
import type { Result } from '../validation/result.ts';
import {
  checksumMatches,
  contentSchema,
  ANSWERS_LIMITS,
  MAX_PAYLOAD_BYTES,
  openContent,
  payloadSchema,
  type Payload,
} from './payload.ts';
import type { WorkshopSetup } from './setup.ts';

export type Via = 'file' | 'qr' | 'image' | 'network';

/** One participant's answers as the facilitator keeps them. */
export interface Submission {
  workshopId: string;
  participantId: string;
  group: string;
  name?: string;
  answers: Answers;
  /** The participant's last change (from the payload). */
  updatedAt: string;
  /** When the participant's device made the payload. */
  createdAt: string;
  checksum: string;
  receivedAt: string;
  via: Via;
  /** The answers file as received (sealed stays sealed): what goes to a server of record. */
  payload?: Payload;
}

export type Refusal =
  | { reason: 'tooLarge'; problems: Problem[] }
  | { reason: 'invalid'; problems: Problem[] }
  | { reason: 'damaged'; problems: Problem[] }
  | { reason: 'otherWorkshop'; problems: Problem[]; workshopId: string }
  | { reason: 'otherQuestionnaire'; problems: Problem[]; questionnaire: { id: string; version: string } }
  | { reason: 'notSealed'; problems: Problem[] }
  | { reason: 'cannotOpen'; problems: Problem[] };

export type Outcome =
  | { kind: 'added'; submission: Submission }
  | { kind: 'replaced'; submission: Submission; previous: Submission }
  | { kind: 'keptNewer'; submission: Submission; existing: Submission }
  | { kind: 'alreadyHave'; existing: Submission }
  | ({ kind: 'refused' } & Refusal);

export interface ReceiveContext {
  /** File name or a description such as "QR codes", for messages. */
  file: string;
  setup: WorkshopSetup;
  questionnaire: Questionnaire;
  /** The facilitator's key, when the workshop seals answers. */
  secretKey?: string;
  /** What this device already has from the same participant, if anything. */
  existing: (participantId: string) => Submission | undefined;
  via: Via;
  now: Date;
}

/** What the envelope checks need of a workshop: no key and no questionnaire. */
export type EnvelopeSetup = Pick<WorkshopSetup, 'id' | 'name' | 'questionnaire' | 'sealTo'>;

export type EnvelopeCheck = Result<Payload, Refusal>;

/** The guard's words for an answers file too large to be one, and the refusal its problems give. */
function answersGuard(file: string) {
  let large = false;
  const tooLarge = () => {
    large = true;
    return problem(file, '$', 'answers.tooLarge', { limit: MAX_PAYLOAD_BYTES / 1_000_000 });
  };
  const refusal = (problems: Problem[]): Refusal => ({ reason: large ? 'tooLarge' : 'invalid', problems });
  return { tooLarge, refusal };
}

/**
 * A participant's answers file through the file reader (`src/validation/readFile.ts`), with the
 * limits and words of `checkEnvelope`: its text and value, or the refusal `receive` would give.
 */
export async function readAnswersFile(file: ChosenFile): Promise<Result<ReadFile, Refusal>> {
  const guard = answersGuard(file.name);
  const read = await readChosenFile(file, ANSWERS_LIMITS, guard);
  return read.ok ? read : { ok: false, error: guard.refusal(read.error) };
}

/**
 * The checks on a received payload that need neither the facilitator's key nor the
 * questionnaire, in order: size, JSON, format, checksum, workshop, questionnaire version,
 * sealing. The room server runs exactly these on what participants send over the network;
 * `receive` runs them first on everything.
 */
export function checkEnvelope(text: string, file: string, setup: EnvelopeSetup): EnvelopeCheck {
  const refuse = (refusal: Refusal): EnvelopeCheck => ({ ok: false, error: refusal });
  const guard = answersGuard(file);
  const json = parseJsonText(text, file, ANSWERS_LIMITS, guard);
  if (!json.ok) return refuse(guard.refusal(json.error));
  const parsed = parseWithSchema(payloadSchema, json.value, file);
  if (!parsed.ok) return refuse({ reason: 'invalid', problems: parsed.error });
  const payload = parsed.value;

  if (!checksumMatches(payload)) {
    return refuse({ reason: 'damaged', problems: [problem(file, '$.checksum', 'answers.checksum')] });
  }
  if (payload.workshopId !== setup.id) {
    const params = { found: payload.workshopId, name: setup.name, expected: setup.id };
    return refuse({
      reason: 'otherWorkshop',
      workshopId: payload.workshopId,
      problems: [problem(file, '$.workshopId', 'answers.otherWorkshop', params)],
    });
  }
  const expected = setup.questionnaire;
  if (payload.questionnaire.id !== expected.id || payload.questionnaire.version !== expected.version) {
    const { id, version } = payload.questionnaire;
    const params = {
      questionnaire: id,
      version,
      expectedQuestionnaire: expected.id,
      expectedVersion: expected.version,
    };
    return refuse({
      reason: 'otherQuestionnaire',
      questionnaire: { id, version },
      problems: [problem(file, '$.questionnaire', 'answers.otherQuestionnaire', params)],
    });
  }
  if (setup.sealTo && payload.content.kind !== 'sealed') {
    return refuse({ reason: 'notSealed', problems: [problem(file, '$.content', 'answers.notSealed')] });
  }
  return { ok: true, value: payload };
}

/** Decides what to do with a received payload's text. Never throws on bad input. */
export function receive(text: string, context: ReceiveContext): Outcome {
  const { file, setup } = context;
  const envelope = checkEnvelope(text, file, setup);
  if (!envelope.ok) return { kind: 'refused', ...envelope.error };
  const payload = envelope.value;
  let opened: ReturnType<typeof openContent>;
  try {
    opened = openContent(payload, context.secretKey, file);
  } catch {
    const problems = [problem(file, '$.content', 'answers.cannotOpen')];
    return { kind: 'refused', reason: 'cannotOpen', problems };
  }
  if (!opened.ok) return { kind: 'refused', reason: 'invalid', problems: opened.error.map(underContent) };
  const content = parseWithSchema(contentSchema, opened.value, file);
  if (!content.ok) return { kind: 'refused', reason: 'invalid', problems: content.error.map(underContent) };

  const problems = [
    ...checkGroup(content.value.group, setup, file),
    ...checkAnswers(content.value.answers, context.questionnaire, file),
  ];
  if (problems.length > 0) return { kind: 'refused', reason: 'invalid', problems };

  const submission: Submission = {
    workshopId: payload.workshopId,
    participantId: payload.participantId,
    group: content.value.group,
    answers: content.value.answers,
    updatedAt: payload.updatedAt,
    createdAt: payload.createdAt,
    checksum: payload.checksum,
    receivedAt: context.now.toISOString(),
    via: context.via,
    payload,
  };
  if (content.value.name && !setup.anonymous) submission.name = content.value.name;
  return decide(submission, context.existing(payload.participantId));
}

function underContent(found: Problem): Problem {
  return { ...found, path: found.path.replace(/^\$/, '$.content') };
}

/** The duplicate rule: the same participant is kept once, with the answers they changed last. */
export function decide(incoming: Submission, existing: Submission | undefined): Outcome {
  if (!existing) return { kind: 'added', submission: incoming };
  if (existing.checksum === incoming.checksum) return { kind: 'alreadyHave', existing };
  return isNewer(incoming, existing)
    ? { kind: 'replaced', submission: incoming, previous: existing }
    : { kind: 'keptNewer', submission: incoming, existing };
}

type Stamped = Pick<Submission, 'updatedAt' | 'createdAt'>;

/**
 * Whether `incoming` holds later answers than `existing`: changed later, or made later from the same
 * change. Times are compared as instants, whatever offset each was written with.
 */
export function isNewer(incoming: Stamped, existing: Stamped): boolean {
  const changed = compareInstants(incoming.updatedAt, existing.updatedAt);
  return changed > 0 || (changed === 0 && isLater(incoming.createdAt, existing.createdAt));
}

export function checkGroup(group: string, setup: Pick<WorkshopSetup, 'groups'>, file: string): Problem[] {
  if (setup.groups.some((entry) => entry.id === group)) return [];
  return [problem(file, '$.content.group', 'answers.unknownGroup', { group })];
}

/** Every answer must be to a question of the workshop's questionnaire, with a value that question accepts. */
export function checkAnswers(answers: Answers, questionnaire: Questionnaire, file: string): Problem[] {
  const questions = new Map(
    questionsInOrder(questionnaire).map((entry) => [entry.question.id, entry.question]),
  );
  const problems: Problem[] = [];
  for (const [id, answer] of Object.entries(answers)) {
    const path = jsonPath(['content', 'answers', id]);
    const question = questions.get(id);
    if (!question) {
      const params = { question: id, questionnaire: questionnaire.id };
      problems.push(problem(file, path, 'answers.unknownQuestion', params));
    } else if (answer?.response?.kind === 'value' && !accepts(question, answer.response.value)) {
      const value = JSON.stringify(answer.response.value);
      problems.push(problem(file, `${path}.response.value`, 'answers.notPossible', { value }, id));
    }
  }
  return problems;
}

export type { Payload };
