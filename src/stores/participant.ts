import { defineStore } from 'pinia';
import { newId } from '../assessment/ids.ts';
import type { Answers, Assessment } from '../assessment/types.ts';
import { sendAnswers, sendJoinNotice, servedByRoom, type RoomResult } from '../room/client.ts';
import { makeJoinNotice } from '../room/joinNotice.ts';
import type { SendResponse } from '../room/protocol.ts';
import { getAssessment, listAssessments, putAssessment } from '../storage/index.ts';
import { toChunks } from '../workshop/chunks.ts';
import { encodeJoinCode } from '../workshop/joinCode.ts';
import { participantPayload, type Participation } from '../workshop/participation.ts';
import { payloadFileText, type Payload } from '../workshop/payload.ts';
import type { JoinInfo } from '../workshop/setup.ts';
import { slug } from '../transfer/slug.ts';

export interface HandBack {
  /** The assessment, with this hand-back recorded on it. */
  assessment: Assessment;
  payload: Payload;
  fileText: string;
  fileName: string;
  /** Texts of the QR codes, in order. */
  chunks: string[];
}

/**
 * Records `note` (a hand-back, a delivery) on the assessment's workshop part, over the stored
 * assessment rather than `assessment`, which another window may have changed since.
 */
async function noteOnWorkshop(
  assessment: Assessment,
  participation: Participation,
  note: Partial<Participation>,
): Promise<Assessment> {
  const latest = (await getAssessment(assessment.id)) ?? assessment;
  const recorded: Assessment = { ...latest, workshop: { ...(latest.workshop ?? participation), ...note } };
  await putAssessment(recorded);
  return recorded;
}

/** A participant's side of a workshop: joining, and handing the answers back. */
export const useParticipantStore = defineStore('participant', () => {
  /** The assessment this device already answers for the workshop, if any (so joining twice continues it). */
  async function joined(workshopId: string): Promise<Assessment | undefined> {
    return (await listAssessments()).find((assessment) => assessment.workshop?.join.id === workshopId);
  }

  async function join(
    info: JoinInfo,
    group: string,
    name: string,
    assessmentName: string,
  ): Promise<Assessment> {
    const at = new Date().toISOString();
    const workshop: Participation = { join: info, participantId: newId(), group, joinedAt: at };
    if (!info.anonymous && name.trim()) workshop.name = name.trim();
    const assessment: Assessment = {
      id: newId(),
      name: assessmentName.trim(),
      questionnaire: { ...info.questionnaire },
      createdAt: at,
      updatedAt: at,
      workshop,
    };
    await putAssessment(assessment);
    void announce(assessment);
    return assessment;
  }

  /**
   * Tells the room server (when it served this page) that this participant joined, so the
   * facilitator's room screen lists them until their answers arrive. Best effort: the answers
   * themselves still go back whichever way works.
   */
  async function announce(assessment: Assessment): Promise<boolean> {
    // A sealed workshop's notice is sealed too: it waits for the key like the answers do.
    if (!servedByRoom() || !assessment.workshop || assessment.workshop.join.keyPending) return false;
    const result = await sendJoinNotice(
      makeJoinNotice(assessment.workshop),
      encodeJoinCode(assessment.workshop.join),
    );
    return result.ok;
  }

  /** Changes the participant's group or name before handing back. */
  async function update(
    assessmentId: string,
    change: Partial<Pick<Participation, 'group' | 'name'>>,
  ): Promise<Assessment> {
    const assessment = await getAssessment(assessmentId);
    if (!assessment?.workshop) throw new Error(`No workshop assessment "${assessmentId}"`);
    const next = { ...assessment, workshop: { ...assessment.workshop, ...change } };
    if (!next.workshop.name) delete next.workshop.name;
    await putAssessment(next);
    void announce(next);
    return next;
  }

  /**
   * What a link, QR code or set-up file of the same workshop adds to what a typed code gave:
   * the sealing key and the workshop's name. `undefined` when it is another workshop.
   */
  async function complete(assessmentId: string, info: JoinInfo): Promise<Assessment | undefined> {
    const assessment = await getAssessment(assessmentId);
    const participation = assessment?.workshop;
    if (!assessment || !participation || participation.join.id !== info.id) return undefined;
    const join: JoinInfo = { ...participation.join };
    if (info.name) join.name = info.name;
    if (info.sealTo) {
      join.sealTo = info.sealTo;
      delete join.keyPending;
    }
    const next = { ...assessment, workshop: { ...participation, join } };
    await putAssessment(next);
    void announce(next);
    return next;
  }

  /** The file and QR codes that carry the answers; remembers the hand-back on the assessment. */
  async function handBack(assessment: Assessment, answers: Answers): Promise<HandBack> {
    const participation = assessment.workshop;
    if (!participation) throw new Error('This assessment is not part of a workshop');
    const payload = participantPayload(participation, answers, new Date());
    const fileText = payloadFileText(payload);
    const recorded = await noteOnWorkshop(assessment, participation, {
      handedBack: { at: payload.createdAt, checksum: payload.checksum, updatedAt: payload.updatedAt },
    });
    const who = slug((participation.name ?? '').toLowerCase(), 40) || participation.participantId.slice(0, 8);
    const workshop = slug((participation.join.name ?? participation.join.id).toLowerCase(), 40) || 'workshop';
    return {
      assessment: recorded,
      payload,
      fileText,
      fileName: `answers-${workshop}-${participation.group}-${who}.json`,
      chunks: toChunks(fileText),
    };
  }

  /**
   * Sends the answers to the facilitator's laptop over the room's network (the same payload as
   * the file and the QR codes). On a receipt, remembers what the facilitator received.
   */
  async function send(
    assessment: Assessment,
    answers: Answers,
  ): Promise<{ assessment: Assessment; result: RoomResult<SendResponse> }> {
    const prepared = await handBack(assessment, answers);
    const participation = prepared.assessment.workshop;
    if (!participation) throw new Error('This assessment is not part of a workshop');
    const result = await sendAnswers(prepared.payload, encodeJoinCode(participation.join));
    if (!result.ok) return { assessment: prepared.assessment, result };
    const { receipt } = result.value;
    const recorded = await noteOnWorkshop(prepared.assessment, participation, {
      delivered: { at: receipt.receivedAt, checksum: receipt.checksum, updatedAt: receipt.updatedAt },
    });
    return { assessment: recorded, result };
  }

  return { joined, join, update, complete, handBack, announce, send };
});
