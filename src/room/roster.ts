/**
 * The facilitator's roll call: who joined, whose answers arrived (and how), whose wait on the
 * room server to be imported, and who is still missing, per stakeholder group.
 *
 * What can be known depends on the room. With the room server, participants whose app came from
 * it announce themselves when they join (join notices), so someone who joined and has not handed
 * back shows as missing. Without it (files, QR codes, typed codes), a participant becomes known
 * only when their answers arrive: nobody can be listed as missing.
 */
import { isNewer, type Submission, type Via } from '../workshop/importer.ts';
import { compareInstants } from '../validation/time.ts';
import type { SubmissionSummary } from './protocol.ts';

/** A participant the room server says joined (from their join notice, opened). */
export interface Joined {
  participantId: string;
  /** Absent when the notice is sealed and this device cannot open it. */
  group?: string;
  name?: string;
  joinedAt: string;
}

export type RosterStatus = 'arrived' | 'waiting' | 'missing';

/** How answers arrived, as the room screen counts them: images of QR codes count as QR codes. */
export type Channel = 'file' | 'qr' | 'network';

export interface RosterEntry {
  participantId: string;
  group?: string;
  name?: string;
  joinedAt?: string;
  status: RosterStatus;
  /** How the answers this device holds arrived. */
  channel?: Channel;
  /** The server holds newer answers from this participant than this device has imported. */
  newerWaiting: boolean;
}

export interface GroupCount {
  /** `undefined`: participants whose group is not known yet (sealed notice, answers not imported). */
  group: string | undefined;
  joined: number;
  arrived: Record<Channel, number>;
  waiting: number;
  missing: number;
}

export interface Roster {
  entries: RosterEntry[];
  /** One row per workshop group, in the workshop's order, then one for unknown groups if any. */
  groups: GroupCount[];
  total: GroupCount;
}

export interface RosterInput {
  groups: readonly string[];
  joined: readonly Joined[];
  /** Answers this device holds (imported from files, QR codes or the room server). */
  arrived: readonly Submission[];
  /** What the room server holds, not necessarily imported yet. */
  onServer: readonly SubmissionSummary[];
}

export function channelOf(via: Via): Channel {
  return via === 'image' ? 'qr' : via;
}

function emptyCount(group: string | undefined): GroupCount {
  return { group, joined: 0, arrived: { file: 0, qr: 0, network: 0 }, waiting: 0, missing: 0 };
}

/** Whether importing what the server holds would add or replace answers on this device. */
function waitingOnServer(summary: SubmissionSummary | undefined, local: Submission | undefined): boolean {
  if (!summary) return false;
  if (!local) return true;
  return summary.checksum !== local.checksum && isNewer(summary, local);
}

export function rosterOf(input: RosterInput): Roster {
  const arrived = new Map(input.arrived.map((entry) => [entry.participantId, entry]));
  const joined = new Map(input.joined.map((entry) => [entry.participantId, entry]));
  const onServer = new Map(input.onServer.map((entry) => [entry.participantId, entry]));
  const ids = [...new Set([...joined.keys(), ...arrived.keys(), ...onServer.keys()])];

  const entries = ids.map((participantId): RosterEntry => {
    const local = arrived.get(participantId);
    const notice = joined.get(participantId);
    const waiting = waitingOnServer(onServer.get(participantId), local);
    const entry: RosterEntry = {
      participantId,
      status: local ? 'arrived' : waiting ? 'waiting' : 'missing',
      newerWaiting: Boolean(local) && waiting,
    };
    const group = local?.group ?? notice?.group;
    const name = local?.name ?? notice?.name;
    if (group !== undefined) entry.group = group;
    if (name !== undefined) entry.name = name;
    if (notice) entry.joinedAt = notice.joinedAt;
    if (local) entry.channel = channelOf(local.via);
    return entry;
  });

  const counts = new Map(input.groups.map((group) => [group, emptyCount(group)]));
  const unknown = emptyCount(undefined);
  const total = emptyCount(undefined);
  for (const entry of entries) {
    const row = (entry.group !== undefined && counts.get(entry.group)) || unknown;
    for (const count of [row, total]) {
      count.joined += 1;
      if (entry.channel) count.arrived[entry.channel] += 1;
      if (entry.status === 'waiting') count.waiting += 1;
      if (entry.status === 'missing') count.missing += 1;
    }
  }
  const groups = [...counts.values(), ...(unknown.joined > 0 ? [unknown] : [])];
  return { entries: entries.sort(byStatusThenGroup(input.groups)), groups, total };
}

const STATUS_ORDER: Readonly<Record<RosterStatus, number>> = { missing: 0, waiting: 1, arrived: 2 };

/** Missing first (whom to go and ask), then by group in the workshop's order, then by joining time. */
function byStatusThenGroup(groups: readonly string[]) {
  const rank = (group: string | undefined) => {
    const index = group === undefined ? -1 : groups.indexOf(group);
    return index === -1 ? groups.length : index;
  };
  return (a: RosterEntry, b: RosterEntry) =>
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    rank(a.group) - rank(b.group) ||
    compareInstants(a.joinedAt, b.joinedAt) ||
    a.participantId.localeCompare(b.participantId);
}
