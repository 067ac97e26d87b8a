/**
 * What a person records for one question. These are plain, JSON-compatible objects: the same
 * shapes go into IndexedDB, export files and workshop payloads.
 */
import type { WeightProfile } from '../profiles/schema.ts';
import type { CarryReport } from '../questionnaire/carryOver.ts';
import type { ConsensusProvenance } from '../workshop/consensus.ts';
import type { Participation } from '../workshop/participation.ts';

/** A yes/no id, an option id, a maturity level, a figure, option ids, or free text. */
export type AnswerValue = string | number | string[];

/**
 * "Not applicable" and "don't know" are answers in their own right, kept apart from
 * "not yet answered" (no response at all): they count differently in scores and coverage.
 */
export type Response =
  { kind: 'value'; value: AnswerValue } | { kind: 'notApplicable' } | { kind: 'dontKnow' };

export type EvidenceAccess = 'public' | 'restricted';

export interface Evidence {
  id: string;
  /** A document title, a legal reference, or a link. */
  reference: string;
  /** Restricted evidence is left out of sharing exports. */
  access: EvidenceAccess;
}

export interface Answer {
  questionId: string;
  response?: Response;
  comment?: string;
  /** A restricted comment is left out of sharing exports; absent means public. */
  commentAccess?: EvidenceAccess;
  evidence?: Evidence[];
  /** ISO 8601 time of the last change. */
  updatedAt: string;
}

/** Answers of one assessment keyed by question id. */
export type Answers = Readonly<Partial<Record<string, Answer>>>;

/** Identity of a built-in questionnaire an assessment was made against. */
export interface QuestionnaireRef {
  id: string;
  version: string;
}

export interface Assessment {
  id: string;
  name: string;
  questionnaire: QuestionnaireRef;
  /** Names of the people who prepared it; personal data, left out of sharing exports. */
  preparedBy?: string;
  /** The country or organisation assessed, as the report's cover names it. */
  organisation?: string;
  createdAt: string;
  updatedAt: string;
  /**
   * The date the assessment describes (YYYY-MM-DD), as the person sets it; comparisons order
   * assessments by it. Absent: the day the record was created (see `assessmentDate`).
   */
  assessedOn?: string;
  /**
   * Targets (0 to 100) this assessment sets for pillars, by pillar id; a pillar not named
   * keeps the questionnaire's target.
   */
  targets?: Partial<Record<string, number>>;
  /**
   * The weight profile the results are computed with: a full copy, so the results can be
   * reproduced even if the profile is later changed or deleted. Absent: the app's default.
   */
  weightProfile?: WeightProfile;
  /** Set when these are one participant's answers in a workshop (see src/workshop/). */
  workshop?: Participation;
  /** Set when this assessment records a workshop's consensus (see src/workshop/). */
  provenance?: ConsensusProvenance;
  /**
   * Set when the answers were carried over from an earlier version of the questionnaire (see
   * src/questionnaire/carryOver.ts): what was carried, what to check, and every earlier answer
   * that was mapped or could not be carried, kept whole.
   */
  carriedOver?: CarriedOver;
}

export interface CarriedOver extends CarryReport {
  /** When the answers were carried over. */
  at: string;
  /** The person has seen the notice and put it away. */
  dismissed?: boolean;
}
