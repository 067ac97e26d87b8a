/**
 * One assessment, many contributors, on PostgreSQL: parts given to organisations or people,
 * their steps, and who answered what. Runs inside the caller's transaction (`asCaller`); the
 * database's functions and policies (migration 003) decide what is allowed, this file resolves
 * parts against the questionnaire and shapes the answers.
 */
import type { PoolClient } from 'pg';
import type {
  AssessmentAssignments,
  AssignRequest,
  Assignment,
  AssignmentEvent,
  StepRequest,
} from '../src/coordination/api.ts';
import { partQuestions } from '../src/coordination/parts.ts';
import type { AssignmentStatus } from '../src/coordination/status.ts';
import type { Questionnaire } from '../src/questionnaire/schema.ts';
import type { ServerRefusalReason } from '../src/sync/protocol.ts';

/** A refusal of the coordination rules: its reason (which says its code) and the English for logs. */
export class CoordinationError extends Error {
  constructor(
    readonly reason: ServerRefusalReason,
    message: string,
  ) {
    super(message);
  }
}

interface AssignmentRow {
  id: string;
  assessment_id: string;
  assessment_name: string;
  questionnaire_id: string;
  questionnaire_version: string;
  organisation_id: string;
  organisation_name: string | null;
  part_kind: 'pillar' | 'question';
  part_id: string;
  question_ids: string[];
  gate_ids: string[];
  assignee_organisation: string | null;
  assignee_organisation_name: string | null;
  assignee_account: string | null;
  status: AssignmentStatus;
  comment: string | null;
  changed_at: Date;
}

interface EventRow {
  assignment_id: string;
  action: AssignmentEvent['action'];
  comment: string | null;
  at: Date;
  by: string;
}

/** Account id → display name and organisations, for the people an assessment involves. */
type People = Map<string, { name: string; organisations: string[] }>;

async function peopleOf(client: PoolClient, assessmentIds: readonly string[]): Promise<People> {
  const people: People = new Map();
  for (const id of new Set(assessmentIds)) {
    const found = await client.query<{ account_id: string; display_name: string; organisations: string[] }>(
      'SELECT * FROM app_assessment_people($1)',
      [id],
    );
    for (const row of found.rows)
      people.set(row.account_id, { name: row.display_name, organisations: row.organisations });
  }
  return people;
}

const SELECT_ASSIGNMENTS = `
  SELECT a.id, a.assessment_id, s.data->>'name' AS assessment_name, s.questionnaire_id, s.questionnaire_version,
         a.organisation_id, o.name AS organisation_name,
         a.part_kind, a.part_id, a.question_ids, a.gate_ids, a.assignee_organisation,
         ao.name AS assignee_organisation_name, a.assignee_account, a.status, a.comment, a.changed_at
  FROM assignments a JOIN assessments s ON s.id = a.assessment_id
  LEFT JOIN organisations o ON o.id = a.organisation_id
  LEFT JOIN organisations ao ON ao.id = a.assignee_organisation
  WHERE a.withdrawn_at IS NULL AND NOT s.deleted`;

async function shape(
  client: PoolClient,
  rows: readonly AssignmentRow[],
  people?: People,
): Promise<Assignment[]> {
  if (rows.length === 0) return [];
  const known =
    people ??
    (await peopleOf(
      client,
      rows.map((row) => row.assessment_id),
    ));
  const events = await client.query<EventRow>(
    `SELECT assignment_id, action, comment, at, by FROM assignment_events
     WHERE assignment_id = ANY ($1::uuid[]) ORDER BY at, id`,
    [rows.map((row) => row.id)],
  );
  const nameOf = (account: string) => known.get(account)?.name ?? '—';
  return rows.map((row) => {
    const own = events.rows.filter((event) => event.assignment_id === row.id);
    const accepted = own.findLast((event) => event.action === 'accepted');
    return {
      id: row.id,
      assessmentId: row.assessment_id,
      assessmentName: row.assessment_name,
      questionnaire: { id: row.questionnaire_id, version: row.questionnaire_version },
      organisation: { id: row.organisation_id, name: row.organisation_name ?? '—' },
      part: { kind: row.part_kind, id: row.part_id },
      questions: row.question_ids,
      gates: row.gate_ids,
      assignee: row.assignee_organisation
        ? { kind: 'organisation', id: row.assignee_organisation, name: row.assignee_organisation_name ?? '—' }
        : { kind: 'account', id: row.assignee_account!, name: nameOf(row.assignee_account!) },
      status: row.status,
      comment: row.comment,
      changedAt: row.changed_at.toISOString(),
      acceptedAt: row.status === 'accepted' && accepted ? accepted.at.toISOString() : null,
      events: own.map((event) => ({
        action: event.action,
        comment: event.comment,
        at: event.at.toISOString(),
        by: nameOf(event.by),
      })),
    };
  });
}

/** The caller's own parts, across every assessment. */
export async function myAssignments(client: PoolClient): Promise<Assignment[]> {
  const rows = await client.query<AssignmentRow>(
    `${SELECT_ASSIGNMENTS} AND app_is_assignee(a.assignee_account, a.assignee_organisation, 'read')
     ORDER BY a.changed_at DESC`,
  );
  return shape(client, rows.rows);
}

async function assessmentOf(client: PoolClient, assessmentId: string) {
  const found = await client.query<{
    organisation_id: string;
    questionnaire_id: string;
    questionnaire_version: string;
    manages: boolean;
  }>(
    `SELECT organisation_id, questionnaire_id, questionnaire_version,
            organisation_id = ANY (app_orgs('write')) AS manages
     FROM assessments WHERE id = $1 AND NOT deleted`,
    [assessmentId],
  );
  const row = found.rows[0];
  if (!row)
    throw new CoordinationError(
      'noSuchAssessment',
      'There is no such assessment on the server, or you cannot see it.',
    );
  return row;
}

/** An assessment's parts, who answered each question last, and whom parts may be given to. */
export async function assessmentAssignments(
  client: PoolClient,
  assessmentId: string,
): Promise<AssessmentAssignments> {
  const assessment = await assessmentOf(client, assessmentId);
  const people = await peopleOf(client, [assessmentId]);
  const rows = await client.query<AssignmentRow>(
    `${SELECT_ASSIGNMENTS} AND a.assessment_id = $1 ORDER BY a.created_at, a.id`,
    [assessmentId],
  );
  const answers = await client.query<{ question_id: string; changed_by: string; changed_at: Date }>(
    'SELECT question_id, changed_by, changed_at FROM answers WHERE assessment_id = $1 AND NOT deleted',
    [assessmentId],
  );
  const organisations = assessment.manages
    ? await client.query<{ id: string; name: string; parent_id: string | null }>(
        `SELECT id, name, parent_id FROM organisations
         WHERE kind = 'organisation' AND id = ANY (app_orgs('read')) ORDER BY name`,
      )
    : { rows: [] };
  const accounts = assessment.manages
    ? await client.query<{ id: string; display_name: string }>(
        `SELECT DISTINCT a.id, a.display_name FROM accounts a JOIN memberships m ON m.account_id = a.id
         WHERE a.disabled_at IS NULL AND m.role IN ('coordinator', 'editor')
           AND m.organisation_id = ANY (app_orgs('administer')) ORDER BY a.display_name`,
      )
    : { rows: [] };
  return {
    assignments: await shape(client, rows.rows, people),
    authors: answers.rows.map((row) => ({
      questionId: row.question_id,
      by: people.get(row.changed_by)?.name ?? '—',
      organisations: people.get(row.changed_by)?.organisations ?? [],
      at: row.changed_at.toISOString(),
    })),
    assignees: {
      organisations: organisations.rows.map((row) => ({
        id: row.id,
        name: row.name,
        parentId: row.parent_id,
      })),
      accounts: accounts.rows.map((row) => ({ id: row.id, name: row.display_name })),
    },
    manages: assessment.manages,
  };
}

/** Gives a part of an assessment; the part's questions come from the questionnaire the record keeps. */
export async function assign(
  client: PoolClient,
  assessmentId: string,
  request: AssignRequest,
): Promise<string> {
  const assessment = await assessmentOf(client, assessmentId);
  if (!assessment.manages)
    throw new CoordinationError(
      'notCoordinator',
      'Only coordinators and editors of the assessment’s organisation give parts.',
    );
  const found = await client.query<{ content: Questionnaire }>(
    'SELECT content FROM questionnaire_versions WHERE id = $1 AND version = $2',
    [assessment.questionnaire_id, assessment.questionnaire_version],
  );
  const questionnaire = found.rows[0]?.content;
  if (!questionnaire)
    throw new CoordinationError(
      'questionnaireNotOnServer',
      `The server does not hold questionnaire ${assessment.questionnaire_id} ${assessment.questionnaire_version}; parts can be given only of questionnaires built into the server.`,
    );
  const part = partQuestions(questionnaire, request.part);
  if (!part)
    throw new CoordinationError(
      'partNotInQuestionnaire',
      `The questionnaire has no ${request.part.kind} "${request.part.id}".`,
    );
  const made = await client.query<{ id: string | null }>(
    'SELECT app_assign($1, $2, $3, $4, $5, $6, $7) AS id',
    [
      assessmentId,
      request.part.kind,
      request.part.id,
      part.questions,
      part.gates,
      request.assignee.kind === 'organisation' ? request.assignee.id : null,
      request.assignee.kind === 'account' ? request.assignee.id : null,
    ],
  );
  const id = made.rows[0]?.id;
  if (!id)
    throw new CoordinationError(
      'cannotAssign',
      'This part cannot be given to them: give parts to organisations you see, or to editors of organisations you coordinate.',
    );
  return id;
}

/** A step of an assignment; returns the assessment it belongs to. */
export async function step(client: PoolClient, assignmentId: string, request: StepRequest): Promise<string> {
  const found = await client.query<{ assessment_id: string }>(
    'SELECT assessment_id FROM assignments WHERE id = $1 AND withdrawn_at IS NULL',
    [assignmentId],
  );
  const assessmentId = found.rows[0]?.assessment_id;
  if (!assessmentId) throw new CoordinationError('noSuchPart', 'There is no such part, or it was withdrawn.');
  const taken = await client.query<{ status: string | null }>(
    'SELECT app_step_assignment($1, $2, $3) AS status',
    [assignmentId, request.action, request.comment ?? null],
  );
  if (!taken.rows[0]?.status)
    throw request.action === 'requestRevision' && !request.comment
      ? new CoordinationError('revisionNeedsComment', 'A request for a revision needs a comment.')
      : new CoordinationError('stepNotOpen', 'This step is not open to you now.');
  return assessmentId;
}
