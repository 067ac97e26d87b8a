/**
 * The room's agreed answers. The facilitator starts from the merge's suggestion (the median)
 * and records, per question, the agreed response, the rationale and any dissent. The result is
 * a normal assessment: its answers carry the rationale as their comment, and the assessment
 * keeps its provenance (workshop, participants per group, agreement, dissent).
 */
import type { Answer, Response } from '../assessment/types.ts';
import { visibleQuestionIds } from '../questionnaire/conditions.ts';
import type { Questionnaire } from '../questionnaire/schema.ts';
import type { MergeResult } from './merge.ts';
import type { WorkshopSetup } from './setup.ts';
import type { ConsensusProvenance } from './records.ts';

export interface ConsensusItem {
  /** The agreed response; once `decided`, an absent response means "left unanswered" on purpose. */
  response?: Response;
  rationale?: string;
  dissent?: string;
  /** The facilitator set the response: the suggestion no longer applies. */
  decided?: boolean;
}

/** The facilitator's draft, saved as it is edited. */
export interface ConsensusDraft {
  items: Record<string, ConsensusItem>;
  updatedAt: string;
}

export type { ConsensusProvenance } from './records.ts';

/** The response a question's consensus stands at: the facilitator's, or else the suggestion. */
export function agreedResponse(
  item: ConsensusItem | undefined,
  suggested: Response | undefined,
): Response | undefined {
  return item?.decided ? item.response : suggested;
}

/**
 * The consensus assessment's answers, keyed by question id. A follow-up question that the agreed
 * answers hide (the questionnaire's conditions) is not asked, so it gets no answer.
 */
export function consensusAnswers(
  questionnaire: Questionnaire,
  merge: MergeResult,
  draft: ConsensusDraft | undefined,
  now: Date,
): Record<string, Answer> {
  const suggested = new Map(merge.questions.map((question) => [question.questionId, question.suggested]));
  const answers: Record<string, Answer> = {};
  for (const pillar of questionnaire.pillars) {
    for (const question of pillar.questions) {
      const item = draft?.items[question.id];
      const response = agreedResponse(item, suggested.get(question.id));
      const rationale = item?.rationale?.trim();
      if (!response && !rationale) continue;
      const answer: Answer = { questionId: question.id, updatedAt: now.toISOString() };
      if (response) answer.response = response;
      if (rationale) answer.comment = rationale;
      answers[question.id] = answer;
    }
  }
  const asked = visibleQuestionIds(questionnaire, answers);
  return Object.fromEntries(Object.entries(answers).filter(([questionId]) => asked.has(questionId)));
}

export interface ConsensusProgress {
  /** The questions the agreed answers ask, in questionnaire order (conditions applied). */
  asked: string[];
  /** Of those, the ones the room confirmed (the facilitator decided them). */
  confirmed: string[];
  /** Follow-up questions that the agreed answers leave out. */
  hidden: string[];
}

/** How far the room has got: which questions it is asked, and which of them it confirmed. */
export function consensusProgress(
  questionnaire: Questionnaire,
  merge: MergeResult,
  draft: ConsensusDraft | undefined,
): ConsensusProgress {
  const suggested = new Map(merge.questions.map((question) => [question.questionId, question.suggested]));
  const agreed: Record<string, Answer> = {};
  for (const question of questionnaire.pillars.flatMap((pillar) => pillar.questions)) {
    const response = agreedResponse(draft?.items[question.id], suggested.get(question.id));
    if (response) agreed[question.id] = { questionId: question.id, response, updatedAt: '' };
  }
  const visible = visibleQuestionIds(questionnaire, agreed);
  const all = questionnaire.pillars.flatMap((pillar) => pillar.questions.map((question) => question.id));
  const asked = all.filter((id) => visible.has(id));
  return {
    asked,
    confirmed: asked.filter((id) => draft?.items[id]?.decided === true),
    hidden: all.filter((id) => !visible.has(id)),
  };
}

export function consensusProvenance(
  setup: WorkshopSetup,
  merge: MergeResult,
  draft: ConsensusDraft | undefined,
  now: Date,
): ConsensusProvenance {
  const dissent: Record<string, string> = {};
  for (const [questionId, item] of Object.entries(draft?.items ?? {})) {
    const text = item.dissent?.trim();
    if (text) dissent[questionId] = text;
  }
  return {
    kind: 'workshopConsensus',
    workshopId: setup.id,
    workshopName: setup.name,
    questionnaire: { ...setup.questionnaire },
    participants: { total: merge.participants.total, byGroup: { ...merge.participants.byGroup } },
    groupLabels: Object.fromEntries(
      setup.groups.flatMap((group) => (group.label ? [[group.id, group.label]] : [])),
    ),
    agreement: merge.agreement,
    agreementByPillar: Object.fromEntries(
      merge.pillars.map((pillar) => [pillar.pillarId, pillar.all.agreement]),
    ),
    dissent,
    decidedAt: now.toISOString(),
  };
}
