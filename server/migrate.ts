/**
 * Versioned SQL migrations: the files `server/migrations/NNN_name.sql`, applied in order, each in
 * its own transaction, and recorded in `schema_migrations` with a checksum. A file already
 * applied must never change (the server refuses to start if it did); a change to the schema is a
 * new file. Two servers starting at once take turns (an advisory lock).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pool } from 'pg';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

/** An arbitrary constant: the advisory lock the migrations take. */
const LOCK_KEY = 730_130_20;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  sha256: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => {
      const match = /^(\d{3})_[a-z0-9_]+\.sql$/.exec(name);
      if (!match) throw new Error(`Migration file names are NNN_name.sql: ${name}`);
      const sql = readFileSync(join(dir, name), 'utf8');
      return { version: Number(match[1]), name, sql, sha256: createHash('sha256').update(sql).digest('hex') };
    });
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1)
      throw new Error(`Migrations must be numbered 001, 002, … without gaps: ${migration.name}`);
  });
  return migrations;
}

/** Applies the migrations not yet applied; resolves to the names of those it applied. */
export async function migrate(pool: Pool, migrations = readMigrations()): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      sha256 text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = await client.query<{ version: number; name: string; sha256: string }>(
      'SELECT version, name, sha256 FROM schema_migrations ORDER BY version',
    );
    const known = new Map(done.rows.map((row) => [row.version, row]));
    for (const migration of migrations) {
      const previous = known.get(migration.version);
      if (previous) {
        if (previous.sha256 !== migration.sha256)
          throw new Error(
            `The migration ${migration.name} changed after it was applied to this database; ` +
              'put the change in a new migration file instead.',
          );
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name, sha256) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          migration.sha256,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`The migration ${migration.name} failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
      applied.push(migration.name);
    }
    const newer = done.rows.filter((row) => row.version > migrations.length);
    if (newer.length > 0)
      throw new Error(
        `This database was migrated by a newer version of the server (${newer.map((row) => row.name).join(', ')}); ` +
          'run that version, or restore a backup made for this one.',
      );
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    client.release();
  }
  return applied;
}
