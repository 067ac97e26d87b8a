/**
 * One assessment, many contributors, on a real PostgreSQL: a ministry's coordinator gives pillars
 * to two agencies and one question to a person; each agency reads and writes only its part (over
 * HTTP and at the SQL level), its device pulls the part (also what was written before the part
 * was given), answers keep their author, the steps follow their rules, nothing can be written
 * after acceptance, and a statistician still sees no answer.
 */
import type { PoolClient } from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { asCaller } from '../../../server/database.ts';
import type {
  AssessmentAssignments,
  Assignment,
  MyAssignments,
  StepResponse,
} from '../../../src/coordination/api.ts';
import type { ServerRecord } from '../../../src/sync/protocol.ts';
import {
  call,
  linkedDevice,
  ministry,
  startTestRecord,
  type Reply,
  type TestDevice,
  type TestRecord,
} from './harness.ts';
import { answerChange, assessmentChange, newRecordId } from './records.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

let test: TestRecord;
let orgs: Awaited<ReturnType<typeof ministry>>;
let coordinator: TestDevice;
let cirtEditor: TestDevice & { username: string };
let cirtViewer: TestDevice;
let regulatorEditor: TestDevice;
let person: TestDevice & { username: string };
let statistician: TestDevice;
const assessment = newRecordId();
/** The CIRT editor's checkpoint from before any part was given. */
let cirtCursorBefore = '';
const parts: Record<'cirt' | 'awareness' | 'question', Assignment> = {} as never;

const assignmentsOf = (device: TestDevice, id = assessment) =>
  call<AssessmentAssignments>(test.origin, 'GET', `/api/assessments/${id}/assignments`, {
    token: device.token,
  });
const mine = (device: TestDevice) =>
  call<MyAssignments>(test.origin, 'GET', '/api/assignments/mine', { token: device.token });
const give = (
  device: TestDevice,
  part: { kind: string; id: string },
  assignee: { kind: string; id: string },
) =>
  call<AssessmentAssignments>(test.origin, 'POST', `/api/assessments/${assessment}/assignments`, {
    token: device.token,
    body: { part, assignee },
  });
/** A refusal as the app reads it: the status, the code and which refusal of that code it is. */
const refusal = ({ status, body }: { status: number; body: unknown }) => {
  const refused = body as { error?: string; reason?: string };
  return [status, refused.error, refused.reason];
};
const takeStep = (
  device: TestDevice,
  id: string,
  action: string,
  comment?: string,
): Promise<Reply<StepResponse>> =>
  call(test.origin, 'POST', `/api/assignments/${id}/steps`, {
    token: device.token,
    body: { action, ...(comment === undefined ? {} : { comment }) },
  });

async function pullAll(device: TestDevice, from = ''): Promise<{ records: ServerRecord[]; cursor: string }> {
  const records: ServerRecord[] = [];
  let cursor = from;
  for (;;) {
    const page = await device.pull(cursor);
    expect(page.status).toBe(200);
    records.push(...page.body.records);
    cursor = page.body.cursor;
    if (!page.body.more) return { records, cursor };
  }
}
const answerIds = (records: readonly ServerRecord[]) =>
  records.filter((record) => record.kind === 'answer').map((record) => record.part);

const statuses = async (device: TestDevice, changes: Parameters<TestDevice['push']>[0]) =>
  (await device.push(changes)).body.results.map((result) => result.status);

/** Runs SQL as a request of this device would: role baseline_app, its session set. */
const asDevice = <T>(device: TestDevice, work: (client: PoolClient) => Promise<T>) =>
  asCaller(test.record.database, device.token, work);

beforeAll(async () => {
  test = await startTestRecord();
  orgs = await ministry(test);
  coordinator = await linkedDevice(test, orgs.ministry, 'coordinator');
  cirtEditor = await linkedDevice(test, orgs.cirt, 'editor');
  cirtViewer = await linkedDevice(test, orgs.cirt, 'viewer');
  regulatorEditor = await linkedDevice(test, orgs.regulator, 'editor');
  person = await linkedDevice(test, orgs.regulator, 'editor');
  statistician = await linkedDevice(test, orgs.ministry, 'statistician');
  cirtCursorBefore = (await pullAll(cirtEditor)).cursor;
  expect(
    await statuses(coordinator, [
      assessmentChange(assessment),
      answerChange(assessment, 'strategy.exists', 'yes', null, 'Decree 12 of 2024'),
      answerChange(assessment, 'cirt.exists', 'partly'),
    ]),
  ).toEqual(['applied', 'applied', 'applied']);
});

afterAll(() => test?.close());

describe('giving parts', () => {
  it('gives pillars to organisations and a question to a person, with the gates of their conditions', async () => {
    const cirt = await give(
      coordinator,
      { kind: 'pillar', id: 'cirt' },
      { kind: 'organisation', id: orgs.cirt },
    );
    expect(cirt.status).toBe(200);
    const awareness = await give(
      coordinator,
      { kind: 'pillar', id: 'awareness' },
      { kind: 'organisation', id: orgs.regulator },
    );
    expect(awareness.status).toBe(200);
    const personInfo = person.info.account.id;
    const question = await give(
      coordinator,
      { kind: 'question', id: 'strategy.review' },
      { kind: 'account', id: personInfo },
    );
    expect(question.status).toBe(200);
    const all = question.body.assignments;
    parts.cirt = all.find((a) => a.part.id === 'cirt')!;
    parts.awareness = all.find((a) => a.part.id === 'awareness')!;
    parts.question = all.find((a) => a.part.id === 'strategy.review')!;
    expect(parts.cirt.questions).toEqual(['cirt.exists', 'cirt.services']);
    expect(parts.cirt.assignee.name).toMatch(/^CIRT /);
    expect(parts.question.questions).toEqual(['strategy.review']);
    // strategy.review is shown only when strategy.exists says yes or partly: the person reads that.
    expect(parts.question.gates).toEqual(['strategy.exists']);
    expect(parts.question.assignee).toMatchObject({ kind: 'account', name: `Person ${person.username}` });
    expect(parts.cirt.status).toBe('assigned');
    expect(parts.cirt.events.map((event) => event.action)).toEqual(['assigned']);
    // The same part to the same assignee again is the same assignment.
    const again = await give(
      coordinator,
      { kind: 'pillar', id: 'cirt' },
      { kind: 'organisation', id: orgs.cirt },
    );
    expect(again.body.assignments.filter((a) => a.part.id === 'cirt')).toHaveLength(1);
  });

  it('refuses parts the questionnaire does not have, assignees out of reach, and non-managers, saying which', async () => {
    expect(
      refusal(
        await give(coordinator, { kind: 'pillar', id: 'nope' }, { kind: 'organisation', id: orgs.cirt }),
      ),
    ).toEqual([400, 'malformed', 'partNotInQuestionnaire']);
    // A statistician is no contributor: it never gets to see answers.
    expect(
      refusal(
        await give(
          coordinator,
          { kind: 'pillar', id: 'skills' },
          { kind: 'account', id: statistician.info.account.id },
        ),
      ),
    ).toEqual([403, 'forbidden', 'cannotAssign']);
    // The agency reads the assessment through its part, but does not manage it.
    expect(
      refusal(
        await give(cirtEditor, { kind: 'pillar', id: 'skills' }, { kind: 'organisation', id: orgs.cirt }),
      ),
    ).toEqual([403, 'forbidden', 'notCoordinator']);
    expect(
      refusal(
        await give(
          regulatorEditor,
          { kind: 'pillar', id: 'skills' },
          { kind: 'organisation', id: orgs.regulator },
        ),
      ),
    ).toEqual([403, 'forbidden', 'notCoordinator']);
  });
});

describe('each contributor sees and answers its part only', () => {
  it('a device pulls its part, including what was written before the part was given', async () => {
    const { records } = await pullAll(cirtEditor, cirtCursorBefore);
    expect(records.filter((record) => record.kind === 'assessment').map((record) => record.id)).toEqual([
      assessment,
    ]);
    expect(answerIds(records)).toEqual(['cirt.exists']);
    const regulator = await pullAll(regulatorEditor);
    expect(answerIds(regulator.records)).toEqual([]);
    const personal = await pullAll(person);
    // The person reads the gate of their question, written by the coordinator.
    expect(answerIds(personal.records)).toEqual(['strategy.exists']);
  });

  it('answers go back through sync with their author; answers outside the part are refused', async () => {
    const { records, cursor } = await pullAll(cirtEditor);
    const base = records.find((record) => record.part === 'cirt.exists')!.version;
    expect(
      await statuses(cirtEditor, [
        answerChange(assessment, 'cirt.exists', 'yes', base),
        answerChange(assessment, 'cirt.services', ['incident-response']),
        answerChange(assessment, 'strategy.exists', 'no'),
        answerChange(assessment, 'awareness.campaign', 'yes'),
      ]),
    ).toEqual(['applied', 'applied', 'denied', 'denied']);
    expect(await statuses(regulatorEditor, [answerChange(assessment, 'cirt.services', ['x'])])).toEqual([
      'denied',
    ]);
    expect(await statuses(regulatorEditor, [answerChange(assessment, 'awareness.campaign', 'yes')])).toEqual([
      'applied',
    ]);
    // A viewer of the agency reads the part but does not answer it.
    expect(answerIds((await pullAll(cirtViewer)).records).sort()).toEqual(['cirt.exists', 'cirt.services']);
    expect(await statuses(cirtViewer, [answerChange(assessment, 'cirt.services', ['y'], null)])).toEqual([
      'denied',
    ]);
    // The coordinator's device receives them, each with its author.
    const ministryRecords = (await pullAll(coordinator)).records;
    const services = ministryRecords.find((record) => record.part === 'cirt.services')!;
    expect(services.changedBy).toBe(cirtEditor.info.account.id);
    expect(services.organisationId).toBe(orgs.ministry);
    // The agency's next pull goes on from its checkpoint: only what changed since.
    const later = await pullAll(cirtEditor, cursor);
    expect(answerIds(later.records).sort()).toEqual(['cirt.exists', 'cirt.services']);
  });

  it('the database itself refuses reads and writes outside the part', async () => {
    const seen = await asDevice(cirtEditor, (client) =>
      client.query<{ question_id: string }>(
        'SELECT question_id FROM answers WHERE assessment_id = $1 ORDER BY 1',
        [assessment],
      ),
    );
    expect(seen.rows.map((row) => row.question_id)).toEqual(['cirt.exists', 'cirt.services']);
    const changed = await asDevice(cirtEditor, (client) =>
      client.query(
        `UPDATE answers SET data = data, changed_by = app_account(), changed_device = app_device()
         WHERE assessment_id = $1 AND question_id IN ('strategy.exists', 'awareness.campaign')`,
        [assessment],
      ),
    );
    expect(changed.rowCount).toBe(0);
    await expect(
      asDevice(cirtEditor, (client) =>
        client.query(
          `INSERT INTO answers (assessment_id, question_id, organisation_id, data, version, changed_by, changed_device)
           VALUES ($1, 'skills.certified', $2, '{}', 999, app_account(), app_device())`,
          [assessment, orgs.ministry],
        ),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    // Nor may it give itself more, or step another's part.
    await expect(
      asDevice(cirtEditor, (client) =>
        client.query('INSERT INTO assignments (assessment_id) VALUES ($1)', [assessment]),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    const stepped = await asDevice(cirtEditor, (client) =>
      client.query<{ status: string | null }>("SELECT app_step_assignment($1, 'accept', NULL) AS status", [
        parts.cirt.id,
      ]),
    );
    expect(stepped.rows[0]!.status).toBeNull();
  });

  it('a statistician still sees no assessment and no answer', async () => {
    expect((await pullAll(statistician)).records).toEqual([]);
    expect((await assignmentsOf(statistician)).status).toBe(404);
    expect((await mine(statistician)).body.assignments).toEqual([]);
    const seen = await asDevice(statistician, (client) =>
      client.query(
        'SELECT 1 FROM answers UNION ALL SELECT 1 FROM assessments UNION ALL SELECT 1 FROM assignments',
      ),
    );
    expect(seen.rowCount).toBe(0);
  });
});

describe('review', () => {
  it('submit, revision with a comment, submit again, accept; then the part is closed to writing', async () => {
    expect(refusal(await takeStep(cirtEditor, parts.cirt.id, 'accept'))).toEqual([
      403,
      'forbidden',
      'stepNotOpen',
    ]);
    expect((await takeStep(coordinator, parts.cirt.id, 'accept')).status).toBe(403);
    const submitted = await takeStep(cirtEditor, parts.cirt.id, 'submit');
    expect(submitted.status).toBe(200);
    expect(submitted.body.assignments.find((a) => a.id === parts.cirt.id)!.status).toBe('submitted');
    expect(refusal(await takeStep(coordinator, parts.cirt.id, 'requestRevision'))).toEqual([
      403,
      'forbidden',
      'revisionNeedsComment',
    ]);
    expect(refusal(await takeStep(regulatorEditor, parts.cirt.id, 'requestRevision', 'x'))).toEqual([
      404,
      'notFound',
      'noSuchPart',
    ]);
    const comment = 'Name the CIRT’s services as its mandate lists them.';
    expect((await takeStep(coordinator, parts.cirt.id, 'requestRevision', comment)).status).toBe(200);
    const theirs = (await mine(cirtEditor)).body.assignments.find((a) => a.id === parts.cirt.id)!;
    expect(theirs).toMatchObject({ status: 'revisionRequested', comment });
    expect(theirs.organisation.name).toMatch(/^Ministry /);
    expect((await takeStep(cirtEditor, parts.cirt.id, 'submit')).status).toBe(200);
    const accepted = await takeStep(coordinator, parts.cirt.id, 'accept');
    expect(accepted.status).toBe(200);
    const done = accepted.body.assessment.assignments.find((a) => a.id === parts.cirt.id)!;
    expect(done.status).toBe('accepted');
    expect(done.acceptedAt).not.toBeNull();
    expect(done.events.map((event) => [event.action, event.by])).toEqual([
      ['assigned', `Person ${coordinatorName()}`],
      ['submitted', `Person ${cirtEditor.username}`],
      ['revisionRequested', `Person ${coordinatorName()}`],
      ['submitted', `Person ${cirtEditor.username}`],
      ['accepted', `Person ${coordinatorName()}`],
    ]);
    expect(done.events[2]!.comment).toBe(comment);

    // Accepted: the agency still reads its part, and writes nothing more.
    const { records } = await pullAll(cirtEditor);
    const current = records.find((record) => record.part === 'cirt.services')!;
    expect(
      await statuses(cirtEditor, [answerChange(assessment, 'cirt.services', ['late'], current.version)]),
    ).toEqual(['denied']);
    const changed = await asDevice(cirtEditor, (client) =>
      client.query(
        `UPDATE answers SET data = data, changed_by = app_account(), changed_device = app_device()
         WHERE assessment_id = $1 AND question_id = 'cirt.services'`,
        [assessment],
      ),
    );
    expect(changed.rowCount).toBe(0);
    expect((await takeStep(cirtEditor, parts.cirt.id, 'submit')).status).toBe(403);
  });

  it('the coordinator sees who answered what and when, with their organisation', async () => {
    const { body } = await assignmentsOf(coordinator);
    const byQuestion = new Map(body.authors.map((author) => [author.questionId, author]));
    expect(byQuestion.get('cirt.services')).toMatchObject({ by: `Person ${cirtEditor.username}` });
    expect(byQuestion.get('cirt.services')!.organisations[0]).toMatch(/^CIRT /);
    expect(byQuestion.get('awareness.campaign')!.organisations[0]).toMatch(/^Regulator /);
    expect(byQuestion.get('strategy.exists')!.organisations[0]).toMatch(/^Ministry /);
    expect(body.manages).toBe(true);
    expect(body.assignees.organisations.map((org) => org.id)).toContain(orgs.cirt);
  });

  it('a withdrawn part gives no access any more', async () => {
    expect((await takeStep(coordinator, parts.awareness.id, 'withdraw')).status).toBe(200);
    expect(await statuses(regulatorEditor, [answerChange(assessment, 'awareness.lessons', 'yes')])).toEqual([
      'denied',
    ]);
    expect((await mine(regulatorEditor)).body.assignments.map((a) => a.part.id)).toEqual([]);
  });
});

function coordinatorName(): string {
  return coordinator.info.account.displayName.replace(/^Person /, '');
}
