/**
 * A model of the server of record for the pure sync tests: one organisation, the same push rule
 * as the real server (`decidePush`), every replaced and every refused version kept, changes
 * applied once by id, pulls in small pages. And a device: a MemoryLocal with an answer editor.
 */
import { decidePush, recordKey } from '../../../src/sync/core.ts';
import type { SyncTransport } from '../../../src/sync/engine.ts';
import { MemoryLocal } from '../../../src/sync/memoryLocal.ts';
import type { Change, PullResponse, PushResult, ServerRecord } from '../../../src/sync/protocol.ts';
import type { Answer, Assessment } from '../../../src/assessment/types.ts';

export const ORG = '00000000-0000-4000-8000-000000000001';
const AUTHOR = '00000000-0000-4000-8000-000000000002';

export class ModelServer {
  readonly records = new Map<string, ServerRecord>();
  /** Every version the server no longer shows: replaced, or refused as out of date. */
  readonly kept: { key: string; value: unknown; reason: 'superseded' | 'rejected' }[] = [];
  private readonly applied = new Map<string, PushResult>();
  private seq = 0;

  constructor(private readonly pageSize = 3) {}

  /** A transport; `loseNextAnswer` makes the next push apply but its answer never arrive. */
  transport(): SyncTransport & { loseNextAnswer: boolean; offline: boolean; beforePull?: () => void } {
    const transport: SyncTransport & { loseNextAnswer: boolean; offline: boolean; beforePull?: () => void } =
      {
        loseNextAnswer: false,
        offline: false,
        push: (changes: Change[]) => {
          if (transport.offline) return Promise.reject(new Error('offline'));
          const results = changes.map((change) => this.apply(change));
          if (transport.loseNextAnswer) {
            transport.loseNextAnswer = false;
            return Promise.reject(new Error('the answer was lost'));
          }
          return Promise.resolve(JSON.parse(JSON.stringify(results)) as PushResult[]);
        },
        pull: (cursor: string) => {
          if (transport.offline) return Promise.reject(new Error('offline'));
          transport.beforePull?.();
          transport.beforePull = undefined;
          return Promise.resolve(this.pull(cursor));
        },
      };
    return transport;
  }

  private apply(change: Change): PushResult {
    const done = this.applied.get(change.changeId);
    if (done) return done;
    const key = recordKey(change);
    const current = this.records.get(key);
    let result: PushResult;
    if (decidePush(current, change.baseVersion) === 'conflict' && current) {
      this.kept.push({ key, value: change.value, reason: 'rejected' });
      result = { changeId: change.changeId, status: 'conflict', current: structuredClone(current) };
    } else {
      if (current) this.kept.push({ key, value: current.value, reason: 'superseded' });
      const version = ++this.seq;
      this.records.set(key, {
        kind: change.kind,
        id: change.id,
        ...(change.part ? { part: change.part } : {}),
        organisationId: ORG,
        version,
        deleted: change.deleted,
        value: change.deleted ? null : structuredClone(change.value),
        changedAt: new Date(0).toISOString(),
        changedBy: AUTHOR,
      });
      result = { changeId: change.changeId, status: 'applied', version, organisationId: ORG };
    }
    this.applied.set(change.changeId, result);
    return result;
  }

  private pull(cursor: string): PullResponse {
    const after = Number(cursor || 0);
    const newer = [...this.records.values()]
      .filter((record) => record.version > after)
      .sort((a, b) => a.version - b.version);
    const page = newer.slice(0, this.pageSize);
    const last = page.at(-1)?.version ?? after;
    return { records: structuredClone(page), cursor: String(last), more: newer.length > page.length };
  }
}

let ids = 0;
export const changeIds = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

export const AT = '2026-01-01T00:00:00.000Z';

export function assessment(id: string): Assessment {
  return {
    id,
    name: 'Shared',
    questionnaire: { id: 'sample', version: '1.0.0' },
    createdAt: AT,
    updatedAt: AT,
  };
}

export const answerKey = (assessmentId: string, questionId: string) =>
  recordKey({ kind: 'answer', id: assessmentId, part: questionId });

/** A device whose person edits answers, field by field, as the app would store them. */
export class ModelDevice extends MemoryLocal {
  edit(
    assessmentId: string,
    questionId: string,
    field: 'response' | 'comment',
    text: string,
    now: Date,
  ): boolean {
    const key = answerKey(assessmentId, questionId);
    // The app holds an answer in conflict until the person chooses.
    if (this.conflicts.has(key)) return false;
    const previous = (this.data.get(key) as Answer | undefined) ?? { questionId, updatedAt: AT };
    const next: Answer = { ...previous, updatedAt: now.toISOString() };
    if (field === 'response') next.response = { kind: 'value', value: text };
    else next.comment = text;
    this.data.set(key, next);
    return true;
  }
}
