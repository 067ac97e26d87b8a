/**
 * Statistics across organisations and years on a real PostgreSQL: 14 agencies push 56 generated
 * assessments over three years through the sync API; the statistics the server computes must
 * equal each assessment scored directly by the app's analysis, organisations counted once
 * (their latest assessment); figures over fewer organisations than the threshold are
 * suppressed; a statistician never gets a record, an answer or a comment, from the API or SQL.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateAnswers, seededRandom } from '../../../scripts/lib/generateAssessments.ts';
import { builtInProfileFiles, loadValidQuestionnaires } from '../../../scripts/lib/profiles.ts';
import { addOrganisation } from '../../../server/admin.ts';
import { asCaller } from '../../../server/database.ts';
import { computeStatistics, everyOrganisation } from '../../../server/statistics.ts';
import { analyseAssessment } from '../../../src/analysis/index.ts';
import type { Answers, Assessment } from '../../../src/assessment/types.ts';
import type { WeightProfile } from '../../../src/profiles/schema.ts';
import { statisticsCsv } from '../../../src/statistics/csv.ts';
import {
  isSuppressed,
  statisticsOptionsSchema,
  statisticsQueryString,
  statisticsReportSchema,
  type Distribution,
  type StatisticsQuery,
  type StatisticsReport,
} from '../../../src/statistics/report.ts';
import type { Change } from '../../../src/sync/protocol.ts';
import { call, linkedDevice, startTestRecord, type TestDevice, type TestRecord } from './harness.ts';
import { newRecordId } from './records.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

const QUESTIONNAIRE = loadValidQuestionnaires().get('resolution-130-quick')!;
const PROFILES = builtInProfileFiles().map((file) => JSON.parse(readFileSync(file, 'utf8')) as WeightProfile);
const GCI_PROFILE = PROFILES.find((profile) => profile.id === 'gci-five-pillars')!;
const SECRET = 'Confidential remark of the agency';

interface Made {
  organisationId: string;
  assessment: Assessment;
  answers: Answers;
}

let test: TestRecord;
let ministry: string;
const agencies: string[] = [];
let coordinator: TestDevice;
let statistician: TestDevice;
let editor: TestDevice;
const made: Made[] = [];

/** Agencies 0–13; 2024 has only 3 of them (too few to publish under the default threshold of 5). */
const AGENCIES = 14;
const YEARS = [2024, 2025, 2026];
const inYear = (agency: number, year: number) => year !== 2024 || agency < 3;

function changesOf(entry: Made): Change[] {
  const { assessment, answers } = entry;
  return [
    {
      changeId: crypto.randomUUID(),
      kind: 'assessment',
      id: assessment.id,
      baseVersion: null,
      deleted: false,
      value: assessment,
    },
    ...Object.values(answers).map((answer): Change => ({
      changeId: crypto.randomUUID(),
      kind: 'answer',
      id: assessment.id,
      part: answer!.questionId,
      baseVersion: null,
      deleted: false,
      value: { ...answer!, comment: SECRET },
    })),
  ];
}

beforeAll(async () => {
  test = await startTestRecord();
  const db = test.record.database;
  ministry = await addOrganisation(db, { name: 'Ministry of statistics' });
  for (let i = 0; i < AGENCIES; i++)
    agencies.push(
      await addOrganisation(db, { name: `Agency ${String(i).padStart(2, '0')}`, parent: ministry }),
    );
  coordinator = await linkedDevice(test, ministry, 'coordinator');
  statistician = await linkedDevice(test, ministry, 'statistician');
  editor = await linkedDevice(test, ministry, 'editor');
  const random = seededRandom(21);
  for (const [agency, organisationId] of agencies.entries())
    for (const year of YEARS) {
      if (!inYear(agency, year)) continue;
      // Two per year: a first round in March, a revision in October (the one that counts).
      for (const month of ['03', '10']) {
        const id = newRecordId();
        const assessment: Assessment = {
          id,
          name: `Agency ${agency} ${year}-${month}`,
          questionnaire: { id: QUESTIONNAIRE.id, version: QUESTIONNAIRE.version },
          createdAt: `${year}-${month}-01T09:00:00.000Z`,
          updatedAt: `${year}-${month}-02T09:00:00.000Z`,
          assessedOn: `${year}-${month}-01`,
          ...(agency % 4 === 1 ? { weightProfile: GCI_PROFILE } : {}),
          ...(agency % 5 === 2 ? { targets: { strategy: 90, cirt: 40 } } : {}),
        };
        const strength = Math.min(0.9, 0.15 + agency * 0.04 + (year - 2024) * 0.1);
        const answers = generateAnswers(QUESTIONNAIRE, random, {
          strength,
          updatedAt: assessment.updatedAt,
        });
        made.push({ organisationId, assessment, answers });
      }
    }
  // A draft with most answers "don't know": provisional, left out unless asked for.
  const draft: Made = {
    organisationId: agencies[0]!,
    assessment: {
      id: newRecordId(),
      name: 'Draft',
      questionnaire: { id: QUESTIONNAIRE.id, version: QUESTIONNAIRE.version },
      createdAt: '2026-12-01T09:00:00.000Z',
      updatedAt: '2026-12-01T09:00:00.000Z',
      assessedOn: '2026-12-01',
    },
    answers: generateAnswers(QUESTIONNAIRE, random, { dontKnow: 0.8 }),
  };
  made.push(draft);
  // Each agency's editor pushes to its own organisation (the device's organisation for new records).
  for (const entry of made) {
    await call(test.origin, 'PUT', '/api/device', {
      token: editor.token,
      body: { organisationId: entry.organisationId },
    });
    const pushed = await editor.push(changesOf(entry));
    expect(pushed.body.results.every((result) => result.status === 'applied')).toBe(true);
  }
});

afterAll(() => test?.close());

const QUERY: StatisticsQuery = {
  questionnaire: 'resolution-130-quick',
  from: '2024-01-01',
  to: '2026-12-31',
};

async function statisticsOf(device: TestDevice, query: StatisticsQuery) {
  return call<StatisticsReport>(test.origin, 'GET', `/api/statistics?${statisticsQueryString(query)}`, {
    token: device.token,
  });
}

/** The quartiles by the textbook rule (type 7), computed here apart from the server's code. */
function expectedDistribution(values: number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const h = (sorted.length - 1) * p;
    const i = Math.floor(h);
    return sorted[i]! + (h - i) * ((sorted[i + 1] ?? sorted[i]!) - sorted[i]!);
  };
  return {
    organisations: sorted.length,
    min: sorted[0]!,
    q1: at(0.25),
    median: at(0.5),
    q3: at(0.75),
    max: sorted[sorted.length - 1]!,
  };
}

function expectDistribution(actual: unknown, values: number[]) {
  const expected = expectedDistribution(values);
  expect(actual).not.toHaveProperty('suppressed');
  for (const key of Object.keys(expected) as (keyof Distribution)[])
    expect((actual as Distribution)[key]).toBeCloseTo(expected[key], 9);
}

/** Each made assessment scored directly, as the results screen would. */
function direct(entry: Made) {
  return {
    own: analyseAssessment(entry.assessment, QUESTIONNAIRE, entry.answers, PROFILES),
    byPillar: analyseAssessment(entry.assessment, QUESTIONNAIRE, entry.answers, PROFILES, 'pillar'),
  };
}

/** Per organisation, its latest final assessment among `entries`. */
function latestPerOrganisation(entries: Made[]) {
  const latest = new Map<string, Made>();
  for (const entry of entries) {
    if (direct(entry).own.state !== 'final') continue;
    const seen = latest.get(entry.organisationId);
    if (!seen || seen.assessment.assessedOn! < entry.assessment.assessedOn!)
      latest.set(entry.organisationId, entry);
  }
  return [...latest.values()];
}

describe('statistics equal the scores computed directly', () => {
  let report: StatisticsReport;
  beforeAll(async () => {
    const answered = await statisticsOf(coordinator, QUERY);
    expect(answered.status).toBe(200);
    report = statisticsReportSchema.parse(answered.body);
  });

  it('counts each organisation once, by its latest final assessment', () => {
    expect(made.length).toBeGreaterThanOrEqual(40);
    expect(report.population.organisations).toBe(AGENCIES);
    expect(report.population.excluded.provisional).toBe(1);
    expect(report.threshold).toBe(5);
    expect(report.questionnaire.versions).toEqual([QUESTIONNAIRE.version]);
    expect(report.profiles.map((p) => p.id).sort()).toEqual(['equal', 'gci-five-pillars']);
  });

  it('overall and pillar distributions', () => {
    const latest = latestPerOrganisation(made);
    expectDistribution(
      report.overall,
      latest.map((entry) => direct(entry).own.overall.score!),
    );
    expect(report.pillars.map((p) => p.pillarId)).toEqual(QUESTIONNAIRE.pillars.map((p) => p.id));
    for (const pillar of report.pillars)
      expectDistribution(
        pillar.distribution,
        latest.map(
          (entry) => direct(entry).byPillar.groups.find((g) => g.pillarId === pillar.pillarId)!.score!,
        ),
      );
  });

  it('counts per band, gaps and questions below target', () => {
    const latest = latestPerOrganisation(made).map(direct);
    if (isSuppressed(report.bands)) throw new Error('bands suppressed');
    const bands = new Map<string, number>();
    for (const { own } of latest) bands.set(own.overall.band!.id, (bands.get(own.overall.band!.id) ?? 0) + 1);
    expect(Object.fromEntries(report.bands.counts.map((b) => [b.bandId, b.organisations]))).toEqual(
      Object.fromEntries(bands),
    );
    if (isSuppressed(report.gaps)) throw new Error('gaps suppressed');
    for (const gap of report.gaps.pillars) {
      const gaps = latest.map(
        ({ byPillar }) => byPillar.groups.find((g) => g.pillarId === gap.pillarId)!.gap!,
      );
      expect(gap.below).toBe(gaps.filter((value) => value > 1e-9).length);
      expect(gap.medianGap).toBeCloseTo(expectedDistribution(gaps).median, 9);
    }
    if (isSuppressed(report.questionsBelowTarget)) throw new Error('questions suppressed');
    const first = report.questionsBelowTarget.questions[0]!;
    const below = latest.filter(({ byPillar }) =>
      byPillar.groups.some((g) =>
        g.questions.some((q) => q.questionId === first.questionId && (q.gap ?? 0) > 1e-9),
      ),
    ).length;
    expect(first.below).toBe(below);
    const shares = report.questionsBelowTarget.questions.map((q) => q.below / q.counted);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
  });

  it('trends by year overall (2024 suppressed: 3 organisations) and per organisation for a coordinator', () => {
    expect(report.years.map((y) => y.year)).toEqual(YEARS);
    expect(report.years[0]!.overall).toEqual({ suppressed: true, organisations: 3 });
    for (const year of [2025, 2026]) {
      const ofYear = made.filter((entry) => entry.assessment.assessedOn!.startsWith(String(year)));
      expectDistribution(
        report.years.find((y) => y.year === year)!.overall,
        latestPerOrganisation(ofYear).map((entry) => direct(entry).own.overall.score!),
      );
    }
    expect(report.organisations).toHaveLength(AGENCIES);
    const agency0 = report.organisations.find((o) => o.organisationId === agencies[0])!;
    expect(agency0.years.map((y) => y.year)).toEqual(YEARS);
    const october2025 = made.find(
      (entry) => entry.organisationId === agencies[0] && entry.assessment.assessedOn === '2025-10-01',
    )!;
    expect(agency0.years[1]!.score).toBeCloseTo(direct(october2025).own.overall.score!, 9);
  });

  it('one version and one period: only 2026', async () => {
    const answered = await statisticsOf(coordinator, {
      ...QUERY,
      version: QUESTIONNAIRE.version,
      from: '2026-01-01',
    });
    const only2026 = latestPerOrganisation(made.filter((e) => e.assessment.assessedOn!.startsWith('2026')));
    expectDistribution(
      answered.body.overall,
      only2026.map((entry) => direct(entry).own.overall.score!),
    );
    expect(answered.body.years.map((y) => y.year)).toEqual([2026]);
  });

  it('the provisional draft counts when asked for', async () => {
    const answered = await statisticsOf(coordinator, { ...QUERY, includeProvisional: true });
    expect(answered.body.population.excluded.provisional).toBe(0);
    expect(answered.body.organisations.find((o) => o.organisationId === agencies[0])!.years[2]).toMatchObject(
      {
        provisional: true,
        assessedOn: '2026-12-01',
      },
    );
  });

  it('the command line computes the same figures, and its CSV carries what reproduces them', async () => {
    const access = await everyOrganisation(test.record.database);
    const cli = await computeStatistics(test.record.database, QUERY, { ...access, readable: new Set() });
    expect(cli.overall).toEqual(report.overall);
    expect(cli.organisations).toEqual([]);
    const csv = statisticsCsv(cli);
    expect(csv.startsWith('\uFEFFsection,subject,year,measure,value,organisations\r\n')).toBe(true);
    expect(csv).toContain('settings,questionnaire,,,resolution-130-quick,');
    expect(csv).toContain(`settings,versions,,,${QUESTIONNAIRE.version},`);
    expect(csv).toContain('settings,from,,,2024-01-01,');
    expect(csv).toContain('settings,to,,,2026-12-31,');
    expect(csv).toContain('settings,threshold,,,5,');
    expect(csv).toMatch(/settings,profile,,,gci-five-pillars@[^,]+ \(\d+ assessments\),/);
    expect(csv).toContain('year,overall,2024,suppressed,,3');
    const median = (report.overall as Distribution).median;
    expect(csv).toContain(`overall,overall,,median,${Math.round(median * 10000) / 10000},14`);
  });
});

describe('small groups stay private', () => {
  it('a threshold above the number of organisations suppresses every figure', async () => {
    const set = await call(test.origin, 'PUT', '/api/statistics/settings', {
      token: coordinator.token,
      body: { organisationId: ministry, threshold: AGENCIES + 1 },
    });
    expect(set.status).toBe(200);
    const answered = await statisticsOf(statistician, QUERY);
    const report = answered.body;
    expect(report.threshold).toBe(AGENCIES + 1);
    expect(report.overall).toEqual({ suppressed: true, organisations: AGENCIES });
    expect(report.pillars.every((p) => isSuppressed(p.distribution))).toBe(true);
    expect(report.bands).toEqual({ suppressed: true, organisations: AGENCIES });
    expect(report.gaps).toEqual({ suppressed: true, organisations: AGENCIES });
    expect(report.questionsBelowTarget).toEqual({ suppressed: true, organisations: AGENCIES });
    expect(report.years.every((y) => isSuppressed(y.overall))).toBe(true);
    expect(JSON.stringify(report)).not.toMatch(/"median"/);
    // Back to the default for the other tests.
    await call(test.origin, 'PUT', '/api/statistics/settings', {
      token: coordinator.token,
      body: { organisationId: ministry, threshold: 5 },
    });
  });

  it('a scope of fewer organisations than the threshold is suppressed', async () => {
    const answered = await statisticsOf(coordinator, { ...QUERY, organisation: agencies[3]! });
    expect(answered.status).toBe(200);
    expect(answered.body.scope?.organisationId).toBe(agencies[3]);
    expect(answered.body.overall).toEqual({ suppressed: true, organisations: 1 });
    // The coordinator may read that agency anyway: its own trend is theirs to see.
    expect(answered.body.organisations).toHaveLength(1);
  });

  it('only a coordinator sets the threshold, and never below 3', async () => {
    const byStatistician = await call(test.origin, 'PUT', '/api/statistics/settings', {
      token: statistician.token,
      body: { organisationId: ministry, threshold: 3 },
    });
    expect(byStatistician.status).toBe(403);
    const tooLow = await call(test.origin, 'PUT', '/api/statistics/settings', {
      token: coordinator.token,
      body: { organisationId: ministry, threshold: 2 },
    });
    expect(tooLow.status).toBe(400);
  });
});

describe('a statistician sees figures, never answers', () => {
  it('gets the statistics, without any organisation’s own trend', async () => {
    const answered = await statisticsOf(statistician, QUERY);
    expect(answered.status).toBe(200);
    expect(answered.body.population.organisations).toBe(AGENCIES);
    expect(answered.body.organisations).toEqual([]);
    expect(JSON.stringify(answered.body)).not.toContain(SECRET);
    const options = await call(test.origin, 'GET', '/api/statistics/options', { token: statistician.token });
    expect(options.status).toBe(200);
    const parsed = statisticsOptionsSchema.parse(options.body);
    expect(parsed.organisations.map((o) => o.id)).toContain(ministry);
    expect(parsed.organisations.every((o) => !o.administers)).toBe(true);
  });

  it('pulls no record at all: no assessment, answer or comment', async () => {
    const pulled = await statistician.pull('');
    expect(pulled.status).toBe(200);
    expect(pulled.body.records).toEqual([]);
    const byCoordinator = await coordinator.pull('');
    expect(byCoordinator.body.records.length).toBeGreaterThan(0);
  });

  it('the database itself refuses every record to its session', async () => {
    const counts = await asCaller(test.record.database, statistician.token, async (client) => {
      const count = async (table: string) =>
        Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
      return {
        assessments: await count('assessments'),
        answers: await count('answers'),
        versions: await count('record_versions'),
        organisations: await count('organisations'),
      };
    });
    expect(counts).toEqual({ assessments: 0, answers: 0, versions: 0, organisations: AGENCIES + 1 });
  });

  it('cannot write a record', async () => {
    const id = newRecordId();
    const pushed = await statistician.push([
      {
        changeId: crypto.randomUUID(),
        kind: 'assessment',
        id,
        baseVersion: null,
        deleted: false,
        value: made[0]!.assessment && { ...made[0]!.assessment, id },
      },
    ]);
    expect(pushed.body.results[0]!.status).toBe('denied');
  });

  it('an editor, who may read records, gets no statistics; nor does an unlinked caller', async () => {
    expect((await statisticsOf(editor, QUERY)).status).toBe(403);
    const anonymous = await call(test.origin, 'GET', `/api/statistics?${statisticsQueryString(QUERY)}`);
    expect(anonymous.status).toBe(401);
    const malformed = await call(test.origin, 'GET', '/api/statistics?questionnaire=x&from=2024', {
      token: coordinator.token,
    });
    expect(malformed.status).toBe(400);
  });
});
