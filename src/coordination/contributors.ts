/**
 * The contributors listed in a report's appendix, from an assessment's parts and who answered
 * each question last (the server of record's `GET /api/assessments/:id/assignments`): each
 * organisation or person a part was given to, with its parts (status, when accepted) and the
 * number of answers it authored; then those who answered outside any part (a coordinator, say).
 */
import type { AssessmentAssignments, Assignment } from './api.ts';
import type { Authorship } from './progress.ts';

/** What a device keeps of the last list fetched for an assessment, so a report printed offline still lists them. */
export interface KeptContributors {
  assessmentId: string;
  fetchedAt: string;
  assignments: Assignment[];
  authors: Authorship[];
}

export interface ContributorPart {
  questionnaireId: string;
  part: Assignment['part'];
  status: Assignment['status'];
  acceptedAt: string | null;
}

export interface ContributorRow {
  kind: 'organisation' | 'account';
  name: string;
  /** The parts given to them, in the order given; empty for those who answered outside any part. */
  parts: ContributorPart[];
  /** Answers whose latest change is theirs (an organisation's: by any of its members). */
  answers: number;
}

export function keptContributors(
  assessmentId: string,
  data: Pick<AssessmentAssignments, 'assignments' | 'authors'>,
  fetchedAt: Date,
): KeptContributors {
  return {
    assessmentId,
    fetchedAt: fetchedAt.toISOString(),
    assignments: data.assignments,
    authors: data.authors,
  };
}

const authoredBy = (kind: ContributorRow['kind'], name: string) => (author: Authorship) =>
  kind === 'organisation' ? author.organisations.includes(name) : author.by === name;

/** The appendix rows; none when the assessment has no parts (a report then lists no contributors). */
export function contributorRows(kept: Pick<KeptContributors, 'assignments' | 'authors'>): ContributorRow[] {
  if (kept.assignments.length === 0) return [];
  const rows = new Map<string, ContributorRow>();
  for (const assignment of kept.assignments) {
    const { kind, id, name } = assignment.assignee;
    const key = `${kind}:${id}`;
    const row = rows.get(key) ?? { kind, name, parts: [], answers: 0 };
    row.parts.push({
      questionnaireId: assignment.questionnaire.id,
      part: assignment.part,
      status: assignment.status,
      acceptedAt: assignment.acceptedAt,
    });
    rows.set(key, row);
  }
  const assignees = [...rows.values()];
  for (const row of assignees) row.answers = kept.authors.filter(authoredBy(row.kind, row.name)).length;

  // Answers by no one a part was given to: listed by the author's organisation (or name, if none).
  const others = new Map<string, ContributorRow>();
  for (const author of kept.authors) {
    if (assignees.some((row) => authoredBy(row.kind, row.name)(author))) continue;
    const organisation = author.organisations[0];
    const kind = organisation === undefined ? 'account' : 'organisation';
    const name = organisation ?? author.by;
    const row = others.get(`${kind}:${name}`) ?? { kind, name, parts: [], answers: 0 };
    row.answers += 1;
    others.set(`${kind}:${name}`, row);
  }
  return [...assignees, ...others.values()];
}
