import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../../src/coordination/api.ts';
import { contributorRows, keptContributors } from '../../../src/coordination/contributors.ts';
import type { Authorship } from '../../../src/coordination/progress.ts';

const CIRT = '00000000-0000-4000-8000-000000000001';
const REGULATOR = '00000000-0000-4000-8000-000000000002';
const RITA = '00000000-0000-4000-8000-000000000003';

function assignment(
  id: string,
  assignee: Assignment['assignee'],
  part: Assignment['part'],
  status: Assignment['status'] = 'assigned',
  acceptedAt: string | null = null,
): Assignment {
  return {
    id,
    assessmentId: 'a1',
    assessmentName: 'National assessment',
    questionnaire: { id: 'q', version: '1' },
    organisation: { id: '00000000-0000-4000-8000-0000000000ff', name: 'Ministry' },
    part,
    questions: [],
    gates: [],
    assignee,
    status,
    comment: null,
    changedAt: '2026-01-01T00:00:00.000Z',
    acceptedAt,
    events: [],
  };
}

const author = (questionId: string, by: string, organisations: string[]): Authorship => ({
  questionId,
  by,
  organisations,
  at: '2026-01-02T00:00:00.000Z',
});

describe('contributorRows', () => {
  it('lists nothing for an assessment without parts', () => {
    expect(contributorRows({ assignments: [], authors: [author('x', 'Fatima', ['Ministry'])] })).toEqual([]);
  });

  it('groups parts by assignee, counts the answers each authored, then those outside any part', () => {
    const accepted = '2026-01-03T00:00:00.000Z';
    const rows = contributorRows({
      assignments: [
        assignment(
          '1',
          { kind: 'organisation', id: CIRT, name: 'National CIRT' },
          { kind: 'pillar', id: 'cirt' },
          'accepted',
          accepted,
        ),
        assignment(
          '2',
          { kind: 'organisation', id: REGULATOR, name: 'Telecom Regulator' },
          { kind: 'question', id: 'awareness.campaign' },
          'submitted',
        ),
        assignment(
          '3',
          { kind: 'organisation', id: CIRT, name: 'National CIRT' },
          { kind: 'question', id: 'incident.plan' },
        ),
        assignment(
          '4',
          { kind: 'account', id: RITA, name: 'Rita Regulator' },
          { kind: 'question', id: 'awareness.budget' },
        ),
      ],
      authors: [
        author('cirt.mandate', 'Chen CIRT', ['National CIRT']),
        author('cirt.team', 'Chen CIRT', ['National CIRT']),
        author('awareness.campaign', 'Rita Regulator', ['Telecom Regulator']),
        author('strategy.exists', 'Fatima Focal', ['Ministry']),
        author('strategy.review', 'Fatima Focal', ['Ministry']),
        author('other', 'Sam Solo', []),
      ],
    });
    expect(rows).toEqual([
      {
        kind: 'organisation',
        name: 'National CIRT',
        parts: [
          {
            questionnaireId: 'q',
            part: { kind: 'pillar', id: 'cirt' },
            status: 'accepted',
            acceptedAt: accepted,
          },
          {
            questionnaireId: 'q',
            part: { kind: 'question', id: 'incident.plan' },
            status: 'assigned',
            acceptedAt: null,
          },
        ],
        answers: 2,
      },
      {
        kind: 'organisation',
        name: 'Telecom Regulator',
        parts: [
          {
            questionnaireId: 'q',
            part: { kind: 'question', id: 'awareness.campaign' },
            status: 'submitted',
            acceptedAt: null,
          },
        ],
        answers: 1,
      },
      {
        kind: 'account',
        name: 'Rita Regulator',
        parts: [
          {
            questionnaireId: 'q',
            part: { kind: 'question', id: 'awareness.budget' },
            status: 'assigned',
            acceptedAt: null,
          },
        ],
        answers: 1,
      },
      { kind: 'organisation', name: 'Ministry', parts: [], answers: 2 },
      { kind: 'account', name: 'Sam Solo', parts: [], answers: 1 },
    ]);
  });

  it('keeps what was fetched with when', () => {
    const kept = keptContributors('a1', { assignments: [], authors: [] }, new Date('2026-02-01T10:00:00Z'));
    expect(kept).toEqual({
      assessmentId: 'a1',
      fetchedAt: '2026-02-01T10:00:00.000Z',
      assignments: [],
      authors: [],
    });
  });
});
