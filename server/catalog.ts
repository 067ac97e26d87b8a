/**
 * The built-in questionnaires and weight profiles, copied into the database at every start (a
 * version already there is left as it is). Records name the questionnaire version they answer;
 * with the questionnaire itself kept beside them, their scores can be computed again after the
 * app has moved on to newer versions.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Pool } from 'pg';
import { builtInProfileFiles } from '../scripts/lib/profiles.ts';
import { builtInQuestionnaireFiles } from '../scripts/lib/questionnaires.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export async function loadCatalogue(pool: Pool): Promise<{ questionnaires: number; profiles: number }> {
  let questionnaires = 0;
  let profiles = 0;
  for (const file of builtInQuestionnaireFiles()) {
    const text = readFileSync(file, 'utf8');
    const content = JSON.parse(text) as { id: string; version: string };
    const added = await pool.query(
      `INSERT INTO questionnaire_versions (id, version, sha256, content) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id, version) DO NOTHING`,
      [content.id, content.version, sha256(text), text],
    );
    questionnaires += added.rowCount ?? 0;
  }
  for (const file of builtInProfileFiles()) {
    const text = readFileSync(file, 'utf8');
    const content = JSON.parse(text) as { id: string };
    const added = await pool.query(
      `INSERT INTO weight_profiles (id, sha256, content) VALUES ($1, $2, $3) ON CONFLICT (id, sha256) DO NOTHING`,
      [content.id, sha256(text), text],
    );
    profiles += added.rowCount ?? 0;
  }
  return { questionnaires, profiles };
}
