/**
 * Statistics across organisations and years on the record: which organisations a caller may
 * have statistics of is asked of PostgreSQL under the caller's session (`app_orgs('statistics')`,
 * row-level security's own function), then the assessments of those organisations are read, each
 * answer reduced to its response (never a comment or evidence), scored by the app's own analysis
 * and aggregated by `src/statistics/aggregate.ts`. Only aggregates leave this module, each over
 * at least the threshold of organisations in force for the scope.
 *
 * Reading the records takes the owner's connection: a statistician may not read a single record
 * (row-level security refuses it every table), yet their statistics are computed from them. The
 * list of organisations that read is limited to comes from the caller's own transaction.
 */
import type { PoolClient } from 'pg';
import type { Answer, Answers, Assessment } from '../src/assessment/types.ts';
import type { WeightProfile } from '../src/profiles/schema.ts';
import type { Questionnaire } from '../src/questionnaire/schema.ts';
import { aggregate, scoreForStatistics, type ScoredAssessment } from '../src/statistics/aggregate.ts';
import type {
  StatisticsOptions,
  StatisticsQuery,
  StatisticsReport,
  StatisticsSettings,
} from '../src/statistics/report.ts';
import { asCaller, asOwner, type Database } from './database.ts';

export const DEFAULT_THRESHOLD = 5;

export class StatisticsError extends Error {}

/** What the caller may see: organisations for statistics, organisations whose records they read. */
export interface StatisticsAccess {
  organisations: readonly string[];
  readable: ReadonlySet<string>;
}

/** The caller's access, as the database grants it (inside the caller's transaction). */
export async function callerAccess(client: PoolClient): Promise<StatisticsAccess> {
  const found = await client.query<{ statistics: string[]; read: string[] }>(
    "SELECT app_orgs('statistics') AS statistics, app_orgs('read') AS read",
  );
  const row = found.rows[0];
  return { organisations: row?.statistics ?? [], readable: new Set(row?.read ?? []) };
}

interface Loaded {
  assessment: Assessment;
  organisation_id: string;
  answers: Record<string, Pick<Answer, 'response' | 'updatedAt'>> | null;
}

/**
 * The statistics of `query` over the organisations `access` allows (the operator's command line
 * passes every organisation). `threshold`: at least the one in force for the scope.
 */
export async function computeStatistics(
  database: Database,
  query: StatisticsQuery,
  access: StatisticsAccess,
  options: { minimumThreshold?: number } = {},
): Promise<StatisticsReport> {
  return asOwner(database, async (client) => {
    const scope = query.organisation ? await scopeOf(client, query.organisation, access) : null;
    const inScope = scope
      ? await descendants(client, scope.organisationId, access.organisations)
      : access.organisations;
    const threshold = Math.max(
      options.minimumThreshold ?? 0,
      await thresholdFor(client, scope?.organisationId ?? (await commonRoot(client, inScope))),
    );
    const questionnaires = await questionnaireVersions(client, query.questionnaire, query.version);
    if (questionnaires.size === 0)
      throw new StatisticsError(
        `The record holds no questionnaire "${query.questionnaire}"${query.version ? ` version ${query.version}` : ''}.`,
      );
    const profiles = await builtInProfiles(client);
    // Rows of the period only; the date an assessment describes is its own (assessedOn) or its
    // creation day, as the app dates it.
    const rows = await client.query<Loaded>(
      `SELECT a.data AS assessment, a.organisation_id,
              (SELECT jsonb_object_agg(w.question_id, jsonb_build_object(
                 'response', w.data -> 'response', 'updatedAt', w.data -> 'updatedAt'))
               FROM answers w WHERE w.assessment_id = a.id AND NOT w.deleted AND w.data ? 'response') AS answers
       FROM assessments a
       WHERE NOT a.deleted AND a.questionnaire_id = $1
         AND a.organisation_id = ANY ($2::uuid[])
         AND NOT a.data ? 'workshop'
         AND coalesce(a.data ->> 'assessedOn', left(a.data ->> 'createdAt', 10)) BETWEEN $3 AND $4`,
      [query.questionnaire, inScope, query.from, query.to],
    );
    const scored: ScoredAssessment[] = [];
    let invalidWeights = 0;
    for (const row of rows.rows) {
      const questionnaire = questionnaires.get(row.assessment.questionnaire.version);
      if (!questionnaire) continue;
      const result = scoreForStatistics(
        {
          assessment: row.assessment,
          organisationId: row.organisation_id,
          questionnaire,
          answers: responsesOnly(row.answers ?? {}),
        },
        profiles,
      );
      if (result) scored.push(result);
      else invalidWeights++;
    }
    return aggregate(scored, {
      query,
      threshold,
      scope,
      readable: access.readable,
      names: await names(client, inScope),
      invalidWeights,
      computedAt: new Date().toISOString(),
    });
  });
}

/** Answers as scoring needs them: the response and its time, nothing else. */
function responsesOnly(rows: Record<string, Pick<Answer, 'response' | 'updatedAt'>>): Answers {
  const answers: Record<string, Answer> = {};
  for (const [questionId, row] of Object.entries(rows))
    answers[questionId] = {
      questionId,
      updatedAt: row.updatedAt,
      ...(row.response ? { response: row.response } : {}),
    };
  return answers;
}

async function scopeOf(client: PoolClient, organisation: string, access: StatisticsAccess) {
  if (!access.organisations.includes(organisation))
    throw new StatisticsError('There are no statistics of that organisation for this account.');
  const found = await client.query<{ name: string }>('SELECT name FROM organisations WHERE id = $1', [
    organisation,
  ]);
  return { organisationId: organisation, name: found.rows[0]?.name ?? organisation };
}

async function descendants(client: PoolClient, root: string, allowed: readonly string[]): Promise<string[]> {
  const found = await client.query<{ id: string }>(
    'SELECT descendant AS id FROM organisation_tree WHERE ancestor = $1 AND descendant = ANY ($2::uuid[])',
    [root, allowed],
  );
  return found.rows.map((row) => row.id);
}

/** The lowest organisation above all of these (the threshold set there holds for them). */
async function commonRoot(client: PoolClient, organisations: readonly string[]): Promise<string | null> {
  if (organisations.length === 0) return null;
  const found = await client.query<{ ancestor: string }>(
    `SELECT ancestor FROM organisation_tree WHERE descendant = ANY ($1::uuid[])
     GROUP BY ancestor HAVING count(*) = $2
     ORDER BY min(depth) LIMIT 1`,
    [organisations, organisations.length],
  );
  return found.rows[0]?.ancestor ?? null;
}

/** The threshold in force at an organisation: the nearest one set on it or above, else 5. */
export async function thresholdFor(client: PoolClient, organisation: string | null): Promise<number> {
  if (!organisation) return DEFAULT_THRESHOLD;
  const found = await client.query<{ threshold: number }>('SELECT statistics_threshold($1) AS threshold', [
    organisation,
  ]);
  return found.rows[0]?.threshold ?? DEFAULT_THRESHOLD;
}

async function questionnaireVersions(client: PoolClient, id: string, version?: string) {
  const found = await client.query<{ version: string; content: Questionnaire }>(
    'SELECT version, content FROM questionnaire_versions WHERE id = $1 AND ($2::text IS NULL OR version = $2)',
    [id, version ?? null],
  );
  return new Map(found.rows.map((row) => [row.version, row.content]));
}

/** The built-in profiles as last loaded (an assessment with no profile of its own uses the default). */
async function builtInProfiles(client: PoolClient): Promise<WeightProfile[]> {
  const found = await client.query<{ content: WeightProfile }>(
    'SELECT DISTINCT ON (id) content FROM weight_profiles ORDER BY id, loaded_at DESC',
  );
  return found.rows.map((row) => row.content);
}

async function names(client: PoolClient, organisations: readonly string[]) {
  const found = await client.query<{ id: string; name: string }>(
    'SELECT id, name FROM organisations WHERE id = ANY ($1::uuid[])',
    [organisations],
  );
  return new Map(found.rows.map((row) => [row.id, row.name]));
}

/** Every organisation: the operator's command line, which holds the database anyway. */
export async function everyOrganisation(database: Database): Promise<StatisticsAccess> {
  return asOwner(database, async (client) => {
    const found = await client.query<{ id: string }>('SELECT id FROM organisations');
    const all = found.rows.map((row) => row.id);
    return { organisations: all, readable: new Set(all) };
  });
}

/** The caller's statistics, as an API request runs them. */
export async function statisticsFor(
  database: Database,
  token: string,
  query: StatisticsQuery,
): Promise<StatisticsReport> {
  const access = await asCaller(database, token, callerAccess);
  if (access.organisations.length === 0)
    throw new StatisticsError(
      'This account sees no statistics (a coordinator or statistician role is needed).',
    );
  return computeStatistics(database, query, access);
}

/** The questionnaires in the record and the organisations the caller has statistics of. */
export async function statisticsOptions(database: Database, token: string): Promise<StatisticsOptions> {
  return asCaller(database, token, async (client) => {
    const access = await callerAccess(client);
    if (access.organisations.length === 0)
      throw new StatisticsError(
        'This account sees no statistics (a coordinator or statistician role is needed).',
      );
    const questionnaires = await client.query<{ id: string; versions: string[] }>(
      'SELECT id, array_agg(version ORDER BY loaded_at, version) AS versions FROM questionnaire_versions GROUP BY id ORDER BY id',
    );
    const organisations = await client.query<{
      id: string;
      name: string;
      parent_id: string | null;
      threshold: number;
      administers: boolean;
    }>(
      `SELECT id, name, parent_id, statistics_threshold(id) AS threshold,
              id = ANY (app_orgs('administer')) AS administers
       FROM organisations WHERE id = ANY ($1::uuid[]) ORDER BY name`,
      [access.organisations],
    );
    return {
      questionnaires: questionnaires.rows,
      organisations: organisations.rows.map((row) => ({
        id: row.id,
        name: row.name,
        parentId: row.parent_id,
        threshold: row.threshold,
        administers: row.administers,
      })),
    };
  });
}

/** Sets an organisation's threshold (inside the caller's transaction: only its coordinators may). */
export async function setThreshold(client: PoolClient, settings: StatisticsSettings): Promise<void> {
  const saved = await client
    .query(
      `INSERT INTO statistics_settings (organisation_id, min_organisations, changed_by)
       VALUES ($1, $2, app_account())
       ON CONFLICT (organisation_id) DO UPDATE
         SET min_organisations = EXCLUDED.min_organisations, changed_at = now(), changed_by = EXCLUDED.changed_by`,
      [settings.organisationId, settings.threshold],
    )
    .catch((error: { code?: string }) => {
      if (error.code === '42501') return { rowCount: 0 };
      throw error;
    });
  if (saved.rowCount !== 1)
    throw new StatisticsError('Only a coordinator of that organisation may set its threshold.');
}
