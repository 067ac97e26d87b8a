/**
 * Opens the record's database: an external PostgreSQL (DATABASE_URL, and optionally
 * DATABASE_APP_URL for requests) or the embedded one in the data folder. Then the migrations,
 * the built-in questionnaires, and the check that requests are held by row-level security.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCatalogue } from './catalog.ts';
import { checkRequestRole, openDatabase, type Database } from './database.ts';
import { migrate } from './migrate.ts';
import { startCluster, type RunningCluster } from './postgres.ts';

export interface RecordOptions {
  /** The data folder of the embedded PostgreSQL (used when no DATABASE_URL is given). */
  data: string;
  databaseUrl?: string;
  appDatabaseUrl?: string;
  log?: (line: string) => void;
  /** Connections requests may use at once. */
  poolSize?: number;
}

export interface OpenRecord {
  database: Database;
  /** The embedded cluster, when there is one. */
  cluster?: RunningCluster;
  /** Where the database is, for messages (no password). */
  where: string;
  close: (options?: { stopCluster?: boolean }) => Promise<void>;
}

export async function openRecord(options: RecordOptions): Promise<OpenRecord> {
  const log = options.log ?? (() => undefined);
  let cluster: RunningCluster | undefined;
  let urls: { owner: string; app?: string };
  if (options.databaseUrl) {
    urls = { owner: options.databaseUrl, ...(options.appDatabaseUrl ? { app: options.appDatabaseUrl } : {}) };
  } else {
    const data = resolve(options.data);
    mkdirSync(data, { recursive: true, mode: 0o700 });
    cluster = await startCluster({
      dir: join(data, 'postgres'),
      secretsFile: join(data, 'secrets.json'),
      log,
    });
    urls = { owner: cluster.url('owner'), app: cluster.url('app') };
  }
  const database = openDatabase(urls, options.poolSize);
  try {
    const applied = await migrate(database.owner);
    if (applied.length > 0) log(`Database migrated: ${applied.join(', ')}`);
    const added = await loadCatalogue(database.owner);
    if (added.questionnaires + added.profiles > 0)
      log(
        `Kept ${added.questionnaires} questionnaire version(s) and ${added.profiles} weight profile(s) in the record`,
      );
    await checkRequestRole(database);
  } catch (error) {
    // A cluster this call started must not outlive a record that failed to open.
    await database.close();
    await cluster?.stop();
    throw error;
  }
  const where = cluster
    ? `embedded PostgreSQL in ${cluster.dir} (127.0.0.1:${cluster.port})`
    : describeUrl(urls.owner);
  return {
    database,
    ...(cluster ? { cluster } : {}),
    where,
    close: async ({ stopCluster = true } = {}) => {
      await database.close();
      if (stopCluster) await cluster?.stop();
    },
  };
}

function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `PostgreSQL at ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}
