/**
 * Statistics over 10,000 assessments on the server of record: 500 organisations, four
 * assessments each per year for five years (the latest of each year counts), every question of
 * the quick Resolution 130 questionnaire answered, written straight into an embedded PostgreSQL
 * in a temporary folder. One run computes the statistics of the whole period as the API and
 * the command line do (`computeStatistics`: read, score each assessment with the app's analysis,
 * aggregate); a second figure, one year only.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addAccount, addOrganisation } from '../../../server/admin.ts';
import { asOwner } from '../../../server/database.ts';
import { openRecord, type OpenRecord } from '../../../server/record.ts';
import { computeStatistics, everyOrganisation, type StatisticsAccess } from '../../../server/statistics.ts';
import {
  generateAnswers,
  insertAssessments,
  seededRandom,
  type StoredAssessment,
} from '../../lib/generateAssessments.ts';
import { loadValidQuestionnaires } from '../../lib/profiles.ts';
import { time, type Measurement } from '../measurement.ts';

const ORGANISATIONS = 500;
const YEARS = [2022, 2023, 2024, 2025, 2026];
const PER_YEAR = 4;
const ASSESSMENTS = ORGANISATIONS * YEARS.length * PER_YEAR;

let data = '';
let record: OpenRecord | undefined;
let access: StatisticsAccess;

async function fill(open: OpenRecord): Promise<void> {
  const questionnaire = loadValidQuestionnaires().get('resolution-130-quick')!;
  const { database } = open;
  const account = await addAccount(database, { username: 'bench', displayName: 'Bench' });
  const parent = await addOrganisation(database, { name: 'Programme' });
  const random = seededRandom(130);
  for (let o = 0; o < ORGANISATIONS; o++) {
    const organisation = await addOrganisation(database, { name: `Agency ${o}`, parent });
    const entries: StoredAssessment[] = [];
    for (const year of YEARS)
      for (let k = 0; k < PER_YEAR; k++) {
        const at = `${year}-${String(1 + k * 3).padStart(2, '0')}-01`;
        const id = randomUUID();
        const strength = Math.min(0.95, 0.1 + (o % 10) * 0.05 + (year - YEARS[0]!) * 0.05);
        entries.push({
          assessment: {
            id,
            name: `Agency ${o} ${at}`,
            questionnaire: { id: questionnaire.id, version: questionnaire.version },
            createdAt: `${at}T09:00:00.000Z`,
            updatedAt: `${at}T09:00:00.000Z`,
            assessedOn: at,
          },
          answers: generateAnswers(questionnaire, random, { strength }),
        });
      }
    await asOwner(database, (client) => insertAssessments(client, organisation, account, entries));
  }
  await asOwner(database, (client) => client.query('ANALYZE'));
}

const measurement: Measurement = {
  name: `statistics over ${ASSESSMENTS.toLocaleString('en')} assessments`,
  runs: 5,
  async setup() {
    data = await mkdtemp(join(tmpdir(), 'baseline-bench-statistics-'));
    record = await openRecord({ data });
    await fill(record);
    access = await everyOrganisation(record.database);
  },
  async measure() {
    const database = record!.database;
    const query = { questionnaire: 'resolution-130-quick', from: '2022-01-01', to: '2026-12-31' };
    const whole = await time(() => computeStatistics(database, query, access));
    const oneYear = await time(() => computeStatistics(database, { ...query, from: '2026-01-01' }, access));
    return [
      {
        label: `${ORGANISATIONS} organisations × ${YEARS.length} years, whole period`,
        value: whole,
        unit: 'ms',
      },
      { label: `one year (${ORGANISATIONS * PER_YEAR} assessments)`, value: oneYear, unit: 'ms' },
    ];
  },
  async teardown() {
    await record?.close();
    if (data) await rm(data, { recursive: true, force: true });
  },
};

export default measurement;
