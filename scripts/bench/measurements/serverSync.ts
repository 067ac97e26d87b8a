/**
 * The server of record under a country's load, on loopback only: 200 linked devices over 40
 * organisations (five each, sharing their organisation's assessment) push and pull through the
 * app's own sync engine and HTTP client against `server/` on an embedded PostgreSQL started in a
 * temporary folder. At most 20 devices sync at once (a bounded load). One run: every device
 * changes five answers, then all sync; figures are changes per second, the 95th percentile of
 * one push and of one pull, and a whole device's sync. Then a device that was offline with
 * 1,000 changes syncs them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addAccount, addOrganisation, createLinkCode, grantRole } from '../../../server/admin.ts';
import { startRecordServer, type RunningRecordServer } from '../../../server/app.ts';
import { openRecord, type OpenRecord } from '../../../server/record.ts';
import type { Answer, Assessment } from '../../../src/assessment/types.ts';
import { recordKey } from '../../../src/sync/core.ts';
import { syncOnce, type SyncTransport } from '../../../src/sync/engine.ts';
import { httpTransport, link } from '../../../src/sync/http.ts';
import { MemoryLocal } from '../../../src/sync/memoryLocal.ts';
import { time, type Figure, type Measurement } from '../measurement.ts';

const ORGANISATIONS = 40;
const DEVICES_PER_ORGANISATION = 5;
const CHANGES_PER_DEVICE = 5;
const AT_ONCE = 20;
const OFFLINE_CHANGES = 1000;

interface BenchDevice {
  local: MemoryLocal;
  transport: SyncTransport;
  assessmentId: string;
  organisation: string;
  name: string;
}

let data = '';
let record: OpenRecord | undefined;
let server: RunningRecordServer | undefined;
let devices: BenchDevice[] = [];
let round = 0;
const pushes: number[] = [];
const pulls: number[] = [];

const sync = (device: BenchDevice) => syncOnce(device.local, device.transport, { newId: randomUUID });

/** The device's transport, timing each push and pull it makes. */
function timed(transport: SyncTransport): SyncTransport {
  return {
    push: async (changes) => {
      const start = performance.now();
      const results = await transport.push(changes);
      pushes.push(performance.now() - start);
      return results;
    },
    pull: async (cursor) => {
      const start = performance.now();
      const page = await transport.pull(cursor);
      pulls.push(performance.now() - start);
      return page;
    },
  };
}

function assessment(id: string): Assessment {
  const at = new Date().toISOString();
  return {
    id,
    name: `Assessment ${id}`,
    questionnaire: { id: 'sample', version: '1.0.0' },
    createdAt: at,
    updatedAt: at,
  };
}

function answer(questionId: string, value: string): Answer {
  return { questionId, response: { kind: 'value', value }, updatedAt: new Date().toISOString() };
}

function setAnswer(local: MemoryLocal, assessmentId: string, questionId: string, value: string): void {
  local.data.set(
    recordKey({ kind: 'answer', id: assessmentId, part: questionId }),
    answer(questionId, value),
  );
}

async function linkDevice(origin: string, username: string, organisation: string) {
  const { code } = await createLinkCode(record!.database, username, { organisation });
  const linked = await link({ base: `${origin}/` }, { code, deviceName: `Device of ${username}` });
  return httpTransport({ base: `${origin}/`, token: linked.token });
}

/** Runs `work` on every item, at most `limit` at a time. */
async function bounded<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

const measurement: Measurement = {
  name: `server of record: ${ORGANISATIONS * DEVICES_PER_ORGANISATION} devices, ${ORGANISATIONS} organisations`,
  runs: 3,
  async setup() {
    data = await mkdtemp(join(tmpdir(), 'baseline-bench-record-'));
    record = await openRecord({ data, poolSize: AT_ONCE });
    server = await startRecordServer({
      database: record.database,
      port: 0,
      limits: { requests: 10_000_000, attempts: 10_000_000 },
    });
    const origin = `http://127.0.0.1:${server.port}`;
    for (let o = 0; o < ORGANISATIONS; o++) {
      const organisation = await addOrganisation(record.database, { name: `Agency ${o + 1}` });
      const assessmentId = randomUUID();
      for (let d = 0; d < DEVICES_PER_ORGANISATION; d++) {
        const username = `person${o + 1}x${d + 1}`;
        await addAccount(record.database, { username, displayName: `Person ${o + 1}.${d + 1}` });
        await grantRole(record.database, username, organisation, 'editor');
        const transport = timed(await linkDevice(origin, username, organisation));
        devices.push({ local: new MemoryLocal(), transport, assessmentId, organisation, name: username });
      }
      // The organisation's assessment, made on its first device and brought to the others.
      devices
        .at(-DEVICES_PER_ORGANISATION)!
        .local.data.set(recordKey({ kind: 'assessment', id: assessmentId }), assessment(assessmentId));
    }
    await bounded(devices, AT_ONCE, sync);
  },
  async measure(): Promise<Figure[]> {
    round++;
    pushes.length = 0;
    pulls.length = 0;
    for (const device of devices)
      for (let c = 0; c < CHANGES_PER_DEVICE; c++)
        setAnswer(device.local, device.assessmentId, `${device.name}.q${c}`, `round ${round}`);
    const syncs: number[] = [];
    let sent = 0;
    const wall = await time(() =>
      bounded(devices, AT_ONCE, async (device) => {
        const start = performance.now();
        const report = await sync(device);
        sent += report.sent;
        syncs.push(performance.now() - start);
      }),
    );

    // One more device of the first organisation, offline for weeks: 1,000 answers over ten assessments.
    const first = devices[0]!;
    const offline: BenchDevice = {
      local: new MemoryLocal(),
      transport: await linkDevice(`http://127.0.0.1:${server!.port}`, first.name, first.organisation),
      assessmentId: first.assessmentId,
      organisation: first.organisation,
      name: `${first.name}-offline-${round}`,
    };
    await sync(offline);
    for (let a = 0; a < OFFLINE_CHANGES / 100; a++) {
      const id = randomUUID();
      offline.local.data.set(recordKey({ kind: 'assessment', id }), assessment(id));
      for (let q = 0; q < 100; q++) setAnswer(offline.local, id, `q${q}`, 'offline');
    }
    const offlineSync = await time(() => sync(offline));

    return [
      {
        label: `changes per second, ${AT_ONCE} devices at once`,
        value: (sent / wall) * 1000,
        unit: '/s',
      },
      { label: 'one push, p95', value: percentile(pushes, 0.95), unit: 'ms' },
      { label: 'one pull, p95', value: percentile(pulls, 0.95), unit: 'ms' },
      {
        label: 'one device’s whole sync (push, pull, push), p95',
        value: percentile(syncs, 0.95),
        unit: 'ms',
      },
      {
        label: `sync a device offline with ${OFFLINE_CHANGES} answers (+${OFFLINE_CHANGES / 100} assessments)`,
        value: offlineSync,
        unit: 'ms',
      },
    ];
  },
  async teardown() {
    devices = [];
    await server?.close();
    await record?.close();
    if (data) await rm(data, { recursive: true, force: true });
  },
};

export default measurement;
