/**
 * The life of an assignment: given (assigned), handed in for review (submitted), sent back with
 * the coordinator's comment (revisionRequested), handed in again, and accepted. An accepted part
 * may be reopened for revision. Who may take which step: the assignee submits; the assessment's
 * coordinators and editors request a revision, accept, and withdraw the assignment. The database
 * enforces the same rules (server/migrations/003_assignments.sql); this is what the screens offer.
 */
export const ASSIGNMENT_STATUSES = ['assigned', 'submitted', 'revisionRequested', 'accepted'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const ASSIGNMENT_ACTIONS = ['submit', 'requestRevision', 'accept'] as const;
export type AssignmentAction = (typeof ASSIGNMENT_ACTIONS)[number];

export type AssignmentSide = 'assignee' | 'manager';

const STEPS: Record<
  AssignmentAction,
  { side: AssignmentSide; from: readonly AssignmentStatus[]; to: AssignmentStatus }
> = {
  submit: { side: 'assignee', from: ['assigned', 'revisionRequested'], to: 'submitted' },
  requestRevision: { side: 'manager', from: ['submitted', 'accepted'], to: 'revisionRequested' },
  accept: { side: 'manager', from: ['submitted'], to: 'accepted' },
};

/** The status after an action, or undefined when that side may not take it from this status. */
export function nextStatus(
  status: AssignmentStatus,
  action: AssignmentAction,
  side: AssignmentSide,
): AssignmentStatus | undefined {
  const step = STEPS[action];
  return step.side === side && step.from.includes(status) ? step.to : undefined;
}

/** The actions one side may take now. */
export function allowedActions(status: AssignmentStatus, side: AssignmentSide): AssignmentAction[] {
  return ASSIGNMENT_ACTIONS.filter((action) => nextStatus(status, action, side) !== undefined);
}

/** Whether the assignee may still change the answers of the part. */
export const openForAnswers = (status: AssignmentStatus) => status !== 'accepted';
