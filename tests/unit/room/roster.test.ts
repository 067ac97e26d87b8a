import { describe, expect, it } from 'vitest';
import type { SubmissionSummary } from '../../../src/room/protocol.ts';
import { rosterOf, type Joined } from '../../../src/room/roster.ts';
import type { Submission, Via } from '../../../src/workshop/importer.ts';

const GROUPS = ['government', 'academia', 'civil-society'];
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

function joined(n: number, group?: string, name?: string): Joined {
  const entry: Joined = { participantId: id(n), joinedAt: `2026-03-10T09:0${n}:00.000Z` };
  if (group) entry.group = group;
  if (name) entry.name = name;
  return entry;
}

function arrived(n: number, group: string, via: Via, updatedAt = '2026-03-10T10:00:00.000Z'): Submission {
  return {
    workshopId: 'ABCDEFGHJKMNP',
    participantId: id(n),
    group,
    answers: {},
    updatedAt,
    createdAt: updatedAt,
    checksum: `sha256:${n}-${updatedAt}`,
    receivedAt: '2026-03-10T11:00:00.000Z',
    via,
  };
}

function onServer(n: number, updatedAt = '2026-03-10T10:00:00.000Z'): SubmissionSummary {
  return {
    participantId: id(n),
    checksum: `sha256:${n}-${updatedAt}`,
    updatedAt,
    createdAt: updatedAt,
    receivedAt: '2026-03-10T11:00:00.000Z',
  };
}

describe('the room’s roll call', () => {
  it('counts who joined, whose answers arrived and how, and who is missing, per group', () => {
    const roster = rosterOf({
      groups: GROUPS,
      joined: [
        joined(1, 'government'),
        joined(2, 'government', 'Boris'),
        joined(3, 'academia'),
        joined(4, 'academia'),
      ],
      arrived: [
        arrived(1, 'government', 'file'),
        arrived(3, 'academia', 'image'),
        arrived(5, 'civil-society', 'qr'),
      ],
      onServer: [onServer(4)],
    });
    expect(roster.groups).toEqual([
      { group: 'government', joined: 2, arrived: { file: 1, qr: 0, network: 0 }, waiting: 0, missing: 1 },
      { group: 'academia', joined: 2, arrived: { file: 0, qr: 1, network: 0 }, waiting: 1, missing: 0 },
      { group: 'civil-society', joined: 1, arrived: { file: 0, qr: 1, network: 0 }, waiting: 0, missing: 0 },
    ]);
    expect(roster.total).toMatchObject({
      joined: 5,
      arrived: { file: 1, qr: 2, network: 0 },
      waiting: 1,
      missing: 1,
    });
    // Missing first, with the name the notice gave; then waiting; then arrived.
    expect(roster.entries.map((entry) => [entry.participantId, entry.status, entry.name])).toEqual([
      [id(2), 'missing', 'Boris'],
      [id(4), 'waiting', undefined],
      [id(1), 'arrived', undefined],
      [id(3), 'arrived', undefined],
      [id(5), 'arrived', undefined],
    ]);
  });

  it('without the room server, knows participants only from their answers: nobody is missing', () => {
    const roster = rosterOf({
      groups: GROUPS,
      joined: [],
      arrived: [arrived(1, 'government', 'file'), arrived(2, 'academia', 'network')],
      onServer: [],
    });
    expect(roster.total).toMatchObject({
      joined: 2,
      missing: 0,
      waiting: 0,
      arrived: { file: 1, network: 1 },
    });
  });

  it('takes the group from the answers over the notice (a participant may change group before handing back)', () => {
    const roster = rosterOf({
      groups: GROUPS,
      joined: [joined(1, 'government')],
      arrived: [arrived(1, 'academia', 'network')],
      onServer: [onServer(1)],
    });
    expect(roster.entries).toEqual([
      expect.objectContaining({
        participantId: id(1),
        group: 'academia',
        status: 'arrived',
        newerWaiting: false,
      }),
    ]);
    expect(roster.groups.map((row) => row.joined)).toEqual([0, 1, 0]);
  });

  it('marks newer answers waiting on the server, and not older ones', () => {
    const roster = rosterOf({
      groups: GROUPS,
      joined: [],
      arrived: [
        arrived(1, 'government', 'file', '2026-03-10T10:00:00.000Z'),
        arrived(2, 'academia', 'file', '2026-03-10T12:00:00.000Z'),
      ],
      onServer: [onServer(1, '2026-03-10T11:00:00.000Z'), onServer(2, '2026-03-10T11:00:00.000Z')],
    });
    const byId = Object.fromEntries(roster.entries.map((entry) => [entry.participantId, entry]));
    expect(byId[id(1)]).toMatchObject({ status: 'arrived', newerWaiting: true });
    expect(byId[id(2)]).toMatchObject({ status: 'arrived', newerWaiting: false });
    expect(roster.total.waiting).toBe(0);
  });

  it('puts participants whose group is not known yet (sealed notice, not imported) in a row of their own', () => {
    const roster = rosterOf({ groups: GROUPS, joined: [joined(1)], arrived: [], onServer: [onServer(1)] });
    expect(roster.groups.at(-1)).toEqual({
      group: undefined,
      joined: 1,
      arrived: { file: 0, qr: 0, network: 0 },
      waiting: 1,
      missing: 0,
    });
  });

  it('lists every group of the workshop, also those nobody joined', () => {
    const roster = rosterOf({ groups: GROUPS, joined: [], arrived: [], onServer: [] });
    expect(roster.groups.map((row) => [row.group, row.joined])).toEqual([
      ['government', 0],
      ['academia', 0],
      ['civil-society', 0],
    ]);
    expect(roster.entries).toEqual([]);
  });
});
