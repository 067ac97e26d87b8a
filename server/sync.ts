/**
 * Push and pull on PostgreSQL. Runs inside the caller's transaction (`asCaller`), so row-level
 * security decides every read and write; the checks made here first only choose the answer a
 * device gets (denied rather than an error), they are not what protects the data.
 *
 * Versions: each organisation has its own sequence (`organisations.last_seq`). A push locks the
 * rows of the organisations it writes to, in order, before reading the records it changes and
 * giving out versions, so writers of one organisation take turns and a version becomes visible
 * only after every lower one: a device that has seen version n of an organisation has seen all
 * before it.
 */
import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { decidePush, recordKey } from '../src/sync/core.ts';
import {
  parseValue,
  PULLED_KINDS,
  PART_KINDS,
  MAX_RECORDS_PER_PULL,
  type Change,
  type PullResponse,
  type PushResult,
  type RecordKind,
  type ServerRecord,
} from '../src/sync/protocol.ts';

interface TableOf {
  table: string;
  id: string;
  part?: string;
}

const TABLES: Record<RecordKind, TableOf> = {
  assessment: { table: 'assessments', id: 'id' },
  answer: { table: 'answers', id: 'assessment_id', part: 'question_id' },
  workshop: { table: 'workshops', id: 'id' },
  submission: { table: 'submissions', id: 'workshop_id', part: 'participant_id' },
};

export interface Caller {
  accountId: string;
  deviceId: string;
  /** Where this device's new assessments go. */
  organisationId: string;
}

interface Row {
  kind: RecordKind;
  id: string;
  part: string;
  organisation_id: string;
  version: string;
  deleted: boolean;
  data: unknown;
  changed_at: Date;
  changed_by: string;
}

function toRecord(row: Row): ServerRecord {
  return {
    kind: row.kind,
    id: row.id,
    ...(PART_KINDS.has(row.kind) ? { part: row.part } : {}),
    organisationId: row.organisation_id,
    version: Number(row.version),
    deleted: row.deleted,
    value: row.deleted ? null : row.data,
    changedAt: row.changed_at.toISOString(),
    changedBy: row.changed_by,
  };
}

const selectColumns = (kind: RecordKind) => {
  const { id, part } = TABLES[kind];
  return `'${kind}'::text AS kind, ${id} AS id, ${part ?? "''"}::text AS part, organisation_id, version,
    deleted, data, changed_at, changed_by`;
};

/** The current rows (visible to the caller) of the records the changes name, by record key. */
async function currentRows(client: PoolClient, changes: readonly Change[]): Promise<Map<string, Row>> {
  const found = new Map<string, Row>();
  for (const kind of Object.keys(TABLES) as RecordKind[]) {
    const ofKind = changes.filter((change) => change.kind === kind);
    if (ofKind.length === 0) continue;
    const { table, id, part } = TABLES[kind];
    const ids = ofKind.map((change) => change.id);
    const parts = ofKind.map((change) => change.part ?? '');
    const where = part
      ? `(${id}, ${part}) IN (SELECT * FROM unnest($1::text[], $2::text[]))`
      : `${id} = ANY ($1::text[])`;
    const rows = await client.query<Row>(
      `SELECT ${selectColumns(kind)} FROM ${table} WHERE ${where}`,
      part ? [ids, parts] : [ids],
    );
    for (const row of rows.rows) found.set(recordKey({ kind, id: row.id, part: row.part || undefined }), row);
  }
  return found;
}

/** Why a change cannot be what the app makes, or undefined when it is well formed. */
function invalidity(change: Change): string | undefined {
  if (PART_KINDS.has(change.kind) !== (change.part !== undefined))
    return `A change of ${change.kind} ${PART_KINDS.has(change.kind) ? 'needs' : 'has no'} a part.`;
  if (change.deleted) return change.value === undefined ? undefined : 'A deletion carries no record.';
  const parsed = parseValue(change.kind, change.value);
  if (!parsed.success)
    return `The ${change.kind} is not valid: ${parsed.error.issues[0]?.message ?? 'unknown'}`;
  const value = parsed.data as Record<string, unknown>;
  const ids: Record<RecordKind, [unknown, unknown]> = {
    assessment: [value.id, undefined],
    answer: [change.id, value.questionId],
    workshop: [value.id, undefined],
    submission: [value.workshopId, value.participantId],
  };
  const [id, part] = ids[change.kind];
  if (id !== change.id || (part !== undefined && part !== change.part))
    return 'The record does not carry the id it was sent under.';
  return undefined;
}

interface Permissions {
  write: Set<string>;
  facilitate: Set<string>;
  /** Answers the caller writes through parts given to it (open ones): record keys. */
  assigned: Set<string>;
}

async function permissions(client: PoolClient): Promise<Permissions> {
  const found = await client.query<{ write: string[]; facilitate: string[] }>(
    "SELECT app_orgs('write') AS write, app_orgs('facilitate') AS facilitate",
  );
  const row = found.rows[0]!;
  const parts = await client.query<{ assessment_id: string; question_id: string }>(
    `SELECT a.assessment_id, unnest(a.question_ids) AS question_id FROM assignments a
     WHERE a.withdrawn_at IS NULL AND a.status <> 'accepted'
       AND app_is_assignee(a.assignee_account, a.assignee_organisation, 'write')`,
  );
  return {
    write: new Set(row.write),
    facilitate: new Set(row.facilitate),
    assigned: new Set(
      parts.rows.map((part) => recordKey({ kind: 'answer', id: part.assessment_id, part: part.question_id })),
    ),
  };
}

const mayWrite = (change: Change, organisation: string, allowed: Permissions) =>
  (change.kind === 'assessment' || change.kind === 'answer' ? allowed.write : allowed.facilitate).has(
    organisation,
  ) ||
  (change.kind === 'answer' && allowed.assigned.has(recordKey(change)));

/** A new workshop gets an organisation of its own under the device's: the record of that workshop. */
async function workshopOrganisation(
  client: PoolClient,
  caller: Caller,
  change: Change,
): Promise<string | undefined> {
  const name = (change.value as { setup: { name: string } }).setup.name;
  await client.query('SAVEPOINT workshop_organisation');
  try {
    // No RETURNING: the new row is readable only once the statement has put it in the tree.
    const id = randomUUID();
    await client.query(
      `INSERT INTO organisations (id, parent_id, name, kind, created_by) VALUES ($1, $2, $3, 'workshop', $4)`,
      [id, caller.organisationId, name, caller.accountId],
    );
    await client.query('RELEASE SAVEPOINT workshop_organisation');
    return id;
  } catch (error) {
    // Row-level security refused it: the account does not facilitate there.
    await client.query('ROLLBACK TO SAVEPOINT workshop_organisation');
    if ((error as { code?: string }).code === '42501') return undefined;
    throw error;
  }
}

/**
 * The organisation a change writes to: the record's own; for a new one, its parent's (an
 * answer's assessment, a submission's workshop), the workshop's for a workshop's consensus, or
 * the device's. Undefined: nowhere the caller may see.
 */
async function organisationOf(
  client: PoolClient,
  caller: Caller,
  change: Change,
  rows: Map<string, Row>,
  decided: Map<string, string>,
  parents: Map<string, string | undefined>,
): Promise<string | undefined> {
  const own = rows.get(recordKey(change))?.organisation_id ?? decided.get(recordKey(change));
  if (own) return own;
  const parentOrg = async (kind: RecordKind, id: string) => {
    const key = recordKey({ kind, id });
    const known = rows.get(key)?.organisation_id ?? decided.get(key);
    if (known) return known;
    // Many answers of one assessment come together: ask once.
    if (parents.has(key)) return parents.get(key);
    const { table } = TABLES[kind];
    const found = await client.query<{ organisation_id: string }>(
      `SELECT organisation_id FROM ${table} WHERE id = $1`,
      [id],
    );
    parents.set(key, found.rows[0]?.organisation_id);
    return found.rows[0]?.organisation_id;
  };
  switch (change.kind) {
    case 'answer':
      return parentOrg('assessment', change.id);
    case 'submission':
      return parentOrg('workshop', change.id);
    case 'workshop':
      return change.deleted ? caller.organisationId : workshopOrganisation(client, caller, change);
    case 'assessment': {
      const provenance = (change.value as { provenance?: { workshopId?: string } } | undefined)?.provenance;
      const workshop = provenance?.workshopId
        ? await parentOrg('workshop', provenance.workshopId)
        : undefined;
      return workshop ?? caller.organisationId;
    }
  }
}

async function lockOrganisations(client: PoolClient, ids: readonly string[]): Promise<Map<string, number>> {
  const locked = await client.query<{ id: string; last_seq: string }>(
    'SELECT id, last_seq FROM organisations WHERE id = ANY ($1::uuid[]) ORDER BY id FOR UPDATE',
    [ids],
  );
  return new Map(locked.rows.map((row) => [row.id, Number(row.last_seq)]));
}

/** A record to write: its change, where it goes, the version it gets, and whether a row exists. */
interface Write {
  change: Change;
  organisation: string;
  version: number;
  exists: boolean;
}

/** Parents before their parts: a new answer's assessment (a submission's workshop) must be there first. */
const WRITE_ORDER: readonly RecordKind[] = ['workshop', 'assessment', 'submission', 'answer'];

/**
 * Writes the records in a few statements (one per table and kind of write) rather than one per
 * change: a statement costs a round trip and the policies' checks, a row costs little. The rows
 * are distinct records (the caller flushes before a record comes again).
 */
async function writeAll(client: PoolClient, caller: Caller, writes: readonly Write[]): Promise<void> {
  for (const kind of WRITE_ORDER) {
    const ofKind = writes.filter((write) => write.change.kind === kind);
    if (ofKind.length === 0) continue;
    const { table, id, part } = TABLES[kind];
    const column = <T>(rows: readonly Write[], pick: (write: Write) => T) => rows.map(pick);
    const data = (write: Write) => (write.change.deleted ? null : JSON.stringify(write.change.value));
    const inserts = ofKind.filter((write) => !write.exists && !write.change.deleted);
    if (inserts.length > 0) {
      const common = [
        caller.accountId,
        caller.deviceId,
        column(inserts, (write) => write.change.id),
        column(inserts, data),
        column(inserts, (write) => write.version),
        column(inserts, (write) => write.organisation),
      ];
      if (kind === 'assessment') {
        const questionnaire = (write: Write) =>
          (write.change.value as { questionnaire: { id: string; version: string } }).questionnaire;
        await client.query(
          `INSERT INTO assessments (id, data, deleted, version, created_by, changed_by, changed_device, organisation_id,
             questionnaire_id, questionnaire_version)
           SELECT r.id, r.data, false, r.version, $1, $1, $2, r.organisation, r.questionnaire, r.questionnaire_version
           FROM unnest($3::text[], $4::jsonb[], $5::bigint[], $6::uuid[], $7::text[], $8::text[])
             AS r(id, data, version, organisation, questionnaire, questionnaire_version)`,
          [
            ...common,
            column(inserts, (write) => questionnaire(write).id),
            column(inserts, (write) => questionnaire(write).version),
          ],
        );
      } else if (kind === 'workshop') {
        await client.query(
          `INSERT INTO workshops (id, data, deleted, version, created_by, changed_by, changed_device, organisation_id)
           SELECT r.id, r.data, false, r.version, $1, $1, $2, r.organisation
           FROM unnest($3::text[], $4::jsonb[], $5::bigint[], $6::uuid[]) AS r(id, data, version, organisation)`,
          common,
        );
      } else {
        await client.query(
          `INSERT INTO ${table} (${id}, data, deleted, version, changed_by, changed_device, organisation_id, ${part})
           SELECT r.id, r.data, false, r.version, $1, $2, r.organisation, r.part
           FROM unnest($3::text[], $4::jsonb[], $5::bigint[], $6::uuid[], $7::text[])
             AS r(id, data, version, organisation, part)`,
          [...common, column(inserts, (write) => write.change.part ?? '')],
        );
      }
    }
    const updates = ofKind.filter((write) => write.exists);
    if (updates.length > 0)
      await client.query(
        `UPDATE ${table} AS t SET data = coalesce(r.data, t.data), deleted = r.deleted, version = r.version,
           changed_at = now(), changed_by = $1, changed_device = $2
         FROM unnest($3::text[], $4::text[], $5::jsonb[], $6::boolean[], $7::bigint[])
           AS r(id, part, data, deleted, version)
         WHERE t.${id} = r.id${part ? ` AND t.${part} = r.part` : ''}`,
        [
          caller.accountId,
          caller.deviceId,
          column(updates, (write) => write.change.id),
          column(updates, (write) => write.change.part ?? ''),
          column(updates, data),
          column(updates, (write) => write.change.deleted),
          column(updates, (write) => write.version),
        ],
      );
  }
}

async function keepRejected(client: PoolClient, caller: Caller, change: Change, current: Row): Promise<void> {
  await client.query(
    `INSERT INTO record_versions (kind, organisation_id, record_id, part_id, data, deleted, changed_at, changed_by,
       changed_device, reason, against_version) VALUES ($1, $2, $3, $4, $5, $6, now(), $7, $8, 'rejected', $9)`,
    [
      change.kind,
      current.organisation_id,
      change.id,
      change.part ?? '',
      change.deleted ? null : JSON.stringify(change.value),
      change.deleted,
      caller.accountId,
      caller.deviceId,
      current.version,
    ],
  );
}

export interface PushSummary {
  results: PushResult[];
  counts: Record<PushResult['status'], number>;
  organisations: string[];
}

/** Applies a batch of changes; the same batch sent again gets the same results and changes nothing. */
export async function push(
  client: PoolClient,
  caller: Caller,
  changes: readonly Change[],
): Promise<PushSummary> {
  const done = await client.query<{ change_id: string; result: PushResult }>(
    'SELECT change_id, result FROM applied_changes WHERE change_id = ANY ($1::uuid[])',
    [changes.map((change) => change.changeId)],
  );
  const earlier = new Map(done.rows.map((row) => [row.change_id, row.result]));
  const results = new Map<string, PushResult>();
  const todo: Change[] = [];
  for (const change of changes) {
    const previous = earlier.get(change.changeId);
    if (previous) {
      results.set(change.changeId, previous);
      continue;
    }
    if (todo.some((other) => other.changeId === change.changeId)) continue;
    const problem = invalidity(change);
    if (problem)
      results.set(change.changeId, { changeId: change.changeId, status: 'invalid', message: problem });
    else todo.push(change);
  }

  const allowed = await permissions(client);
  let rows = await currentRows(client, todo);
  const organisationOfChange = new Map<string, string>();
  const decided = new Map<string, string>();
  const parents = new Map<string, string | undefined>();
  for (const change of todo) {
    const key = recordKey(change);
    const refuse = (status: 'denied' | 'idTaken') =>
      results.set(change.changeId, { changeId: change.changeId, status });
    if (!rows.has(key) && !change.deleted && (change.kind === 'assessment' || change.kind === 'workshop')) {
      const taken = await client.query<{ taken: boolean }>('SELECT app_id_taken($1, $2) AS taken', [
        change.kind,
        change.id,
      ]);
      if (taken.rows[0]?.taken) {
        refuse('idTaken');
        continue;
      }
    }
    const organisation = await organisationOf(client, caller, change, rows, decided, parents);
    // A workshop's organisation made just now: the roles above it reach it from now on.
    if (organisation && change.kind === 'workshop' && !rows.has(key))
      Object.assign(allowed, await permissions(client));
    if (!organisation || !mayWrite(change, organisation, allowed)) {
      refuse('denied');
      continue;
    }
    organisationOfChange.set(change.changeId, organisation);
    decided.set(key, organisation);
  }

  const sequences = await lockOrganisations(client, [...new Set(organisationOfChange.values())].sort());
  // Read again under the organisations' locks: nobody else can change these records now.
  rows = await currentRows(client, todo);
  const written = new Set<string>();
  let writes: Write[] = [];
  const pendingKeys = new Set<string>();
  const flush = async () => {
    await writeAll(client, caller, writes);
    writes = [];
    pendingKeys.clear();
  };
  for (const change of todo) {
    const organisation = organisationOfChange.get(change.changeId);
    if (!organisation) continue;
    const seq = sequences.get(organisation);
    if (seq === undefined) {
      results.set(change.changeId, { changeId: change.changeId, status: 'denied' });
      continue;
    }
    const key = recordKey(change);
    // The same record again in this batch: what came before is written first.
    if (pendingKeys.has(key)) await flush();
    pendingKeys.add(key);
    const current = rows.get(key);
    const state = current ? { version: Number(current.version), deleted: current.deleted } : undefined;
    if (decidePush(state, change.baseVersion) === 'conflict' && current) {
      await keepRejected(client, caller, change, current);
      results.set(change.changeId, {
        changeId: change.changeId,
        status: 'conflict',
        current: toRecord(current),
      });
      continue;
    }
    const version = seq + 1;
    sequences.set(organisation, version);
    writes.push({ change, organisation, version, exists: current !== undefined });
    written.add(organisation);
    results.set(change.changeId, {
      changeId: change.changeId,
      status: 'applied',
      version,
      organisationId: organisation,
    });
    if (!change.deleted || current) {
      const next: Row = {
        kind: change.kind,
        id: change.id,
        part: change.part ?? '',
        organisation_id: organisation,
        version: String(version),
        deleted: change.deleted,
        data: change.deleted ? (current?.data ?? null) : change.value,
        changed_at: new Date(),
        changed_by: caller.accountId,
      };
      rows.set(key, next);
    }
  }
  await flush();
  for (const organisation of written)
    await client.query('UPDATE organisations SET last_seq = $2 WHERE id = $1', [
      organisation,
      sequences.get(organisation),
    ]);

  const fresh = todo.flatMap((change) => {
    const result = results.get(change.changeId);
    return result ? [result] : [];
  });
  if (fresh.length > 0)
    await client.query(
      `INSERT INTO applied_changes (change_id, device_id, result)
       SELECT id, $1, result FROM unnest($2::uuid[], $3::jsonb[]) AS t(id, result) ON CONFLICT DO NOTHING`,
      [
        caller.deviceId,
        fresh.map((result) => result.changeId),
        fresh.map((result) => JSON.stringify(result)),
      ],
    );

  const ordered = changes.flatMap((change) => {
    const result = results.get(change.changeId);
    return result ? [result] : [];
  });
  const counts = { applied: 0, conflict: 0, denied: 0, idTaken: 0, invalid: 0 };
  for (const result of ordered) counts[result.status]++;
  return { results: ordered, counts, organisations: [...new Set(organisationOfChange.values())] };
}

/** A checkpoint: per organisation, the last version the device has seen. Opaque to the device. */
export function readCursor(cursor: string): Record<string, number> {
  if (!cursor) return {};
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        ([key, value]) =>
          /^[0-9a-f-]{36}$/.test(key) && Number.isSafeInteger(value) && (value as number) >= 0,
      ),
    );
  } catch {
    return {};
  }
}

export const writeCursor = (seen: Record<string, number>) =>
  Buffer.from(JSON.stringify(seen), 'utf8').toString('base64url');

/**
 * Everything the caller may read that is newer than the checkpoint, in version order per
 * organisation; and the records of the parts given to it in organisations it does not read
 * (the assessment, and the answers of the part's questions and of their gates), in version order
 * per part. A part has its own place in the checkpoint (under the assignment's id), so a part
 * given later brings everything already written in it.
 */
export async function pull(
  client: PoolClient,
  cursor: string,
  limit = MAX_RECORDS_PER_PULL,
): Promise<PullResponse> {
  const seen = readCursor(cursor);
  const kinds = (Object.keys(TABLES) as RecordKind[]).filter((kind) => PULLED_KINDS.has(kind));
  const branches = kinds
    .map(
      (kind) => `(SELECT ${selectColumns(kind)} FROM ${TABLES[kind].table}
        WHERE organisation_id = o.id AND version > o.after ORDER BY version LIMIT $2 + 1)`,
    )
    .join(' UNION ALL ');
  const found = await client.query<Row & { key: string }>(
    `WITH seen AS (SELECT key::uuid AS id, value::bigint AS after FROM jsonb_each_text($1::jsonb)),
          o AS (SELECT v.id, coalesce(seen.after, 0) AS after FROM unnest(app_orgs('read')) AS v(id)
                LEFT JOIN seen ON seen.id = v.id),
          p AS (SELECT a.id, a.assessment_id, a.question_ids || a.gate_ids AS questions,
                       coalesce(seen.after, 0) AS after
                FROM assignments a LEFT JOIN seen ON seen.id = a.id
                WHERE a.withdrawn_at IS NULL AND NOT a.organisation_id = ANY (app_orgs('read'))
                  AND app_is_assignee(a.assignee_account, a.assignee_organisation, 'read'))
     SELECT * FROM (
       SELECT o.id AS key, r.* FROM o CROSS JOIN LATERAL (${branches}) r
       UNION ALL
       SELECT p.id AS key, r.* FROM p CROSS JOIN LATERAL (
         (SELECT ${selectColumns('assessment')} FROM assessments WHERE id = p.assessment_id AND version > p.after)
         UNION ALL
         (SELECT ${selectColumns('answer')} FROM answers
          WHERE assessment_id = p.assessment_id AND question_id = ANY (p.questions) AND version > p.after
          ORDER BY version LIMIT $2 + 1)) r
     ) everything ORDER BY key, version LIMIT $2 + 1`,
    [JSON.stringify(seen), limit],
  );
  const more = found.rows.length > limit;
  const rows = found.rows.slice(0, limit);
  const next = { ...seen };
  for (const row of rows) next[row.key] = Math.max(next[row.key] ?? 0, Number(row.version));
  return { records: rows.map(toRecord), cursor: writeCursor(next), more };
}
