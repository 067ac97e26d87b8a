import { describe, expect, it } from 'vitest';
import { settleConflict } from '../../../src/assessment/merge.ts';
import type { Answer, Assessment } from '../../../src/assessment/types.ts';
import {
  afterPull,
  afterPush,
  decidePush,
  mergeAssessment,
  pendingChanges,
  recordKey,
  type SyncBase,
} from '../../../src/sync/core.ts';
import { formatLinkCode, linkAddress, linkCodeFrom, normaliseLinkCode } from '../../../src/sync/linkCode.ts';
import type { Change, ServerRecord } from '../../../src/sync/protocol.ts';
import { syncedSubmission, syncedWorkshop } from '../../../src/sync/records.ts';
import { AT, assessment, changeIds, ORG } from './model.ts';

const NOW = new Date('2026-02-01T00:00:00.000Z');
const answer = (questionId: string, value: string, comment?: string): Answer => ({
  questionId,
  response: { kind: 'value', value },
  ...(comment ? { comment } : {}),
  updatedAt: AT,
});
const base = (kind: SyncBase['kind'], id: string, value: unknown, version = 1, part?: string): SyncBase => ({
  kind,
  id,
  ...(part ? { part } : {}),
  organisationId: ORG,
  version,
  deleted: value === null,
  value,
});
const record = (
  kind: ServerRecord['kind'],
  id: string,
  value: unknown,
  version: number,
  part?: string,
): ServerRecord => ({
  kind,
  id,
  ...(part ? { part } : {}),
  organisationId: ORG,
  version,
  deleted: value === null,
  value,
  changedAt: AT,
  changedBy: ORG,
});
const bases = (...list: SyncBase[]) => new Map(list.map((entry) => [recordKey(entry), entry]));

describe('what a device sends', () => {
  it('sends what is new or changed since its base, parents first, with the base version', () => {
    const a = assessment('a1');
    const changes = pendingChanges(
      [
        { kind: 'answer', id: 'a1', part: 'q1', value: answer('q1', 'yes') },
        { kind: 'answer', id: 'a1', part: 'q2', value: answer('q2', 'no') },
        { kind: 'assessment', id: 'a1', value: a },
      ],
      bases(base('answer', 'a1', answer('q2', 'no'), 4, 'q2'), base('assessment', 'a1', a, 3)),
      new Set(),
      changeIds,
    );
    expect(changes.map((change) => [change.kind, change.part, change.baseVersion])).toEqual([
      ['answer', 'q1', null],
    ]);
  });

  it('leaves out the time of an assessment’s last change and of an answer’s', () => {
    const a = assessment('a1');
    const changes = pendingChanges(
      [
        { kind: 'assessment', id: 'a1', value: { ...a, updatedAt: NOW.toISOString() } },
        {
          kind: 'answer',
          id: 'a1',
          part: 'q1',
          value: { ...answer('q1', 'yes'), updatedAt: NOW.toISOString() },
        },
      ],
      bases(base('assessment', 'a1', a), base('answer', 'a1', answer('q1', 'yes'), 2, 'q1')),
      new Set(),
      changeIds,
    );
    expect(changes).toEqual([]);
  });

  it('sends deletions: an assessment gone, an answer gone from an assessment still here; not the answers of a deleted assessment', () => {
    const changes = pendingChanges(
      [{ kind: 'assessment', id: 'kept', value: assessment('kept') }],
      bases(
        base('assessment', 'kept', assessment('kept'), 1),
        base('answer', 'kept', answer('q1', 'yes'), 2, 'q1'),
        base('assessment', 'gone', assessment('gone'), 3),
        base('answer', 'gone', answer('q1', 'yes'), 4, 'q1'),
      ),
      new Set(),
      changeIds,
    );
    expect(changes.map((change) => [change.kind, change.id, change.deleted, change.baseVersion])).toEqual([
      ['assessment', 'gone', true, 3],
      ['answer', 'kept', true, 2],
    ]);
  });

  it('holds back a record waiting for a person, and sends workshops before everything else', () => {
    const workshop = { id: 'W', setup: {}, createdAt: AT, updatedAt: AT };
    const changes = pendingChanges(
      [
        { kind: 'answer', id: 'a1', part: 'q1', value: answer('q1', 'yes') },
        { kind: 'submission', id: 'W', part: 'p', value: { workshopId: 'W' } },
        { kind: 'workshop', id: 'W', value: workshop },
      ],
      new Map(),
      new Set([recordKey({ kind: 'answer', id: 'a1', part: 'q1' })]),
      changeIds,
    );
    expect(changes.map((change) => change.kind)).toEqual(['workshop', 'submission']);
  });
});

describe('answers to a push', () => {
  const change = (value: unknown, baseVersion: number | null, deleted = false): Change => ({
    changeId: changeIds(),
    kind: 'answer',
    id: 'a1',
    part: 'q1',
    baseVersion,
    deleted,
    ...(deleted ? {} : { value }),
  });

  it('applied: the change is the new base', () => {
    const mine = answer('q1', 'yes');
    const step = afterPush(
      change(mine, 1),
      { changeId: 'x', status: 'applied', version: 7, organisationId: ORG },
      mine,
      undefined,
      NOW,
    );
    expect(step.base).toMatchObject({ version: 7, value: mine, deleted: false });
    expect(step.local).toBeUndefined();
  });

  it('out of date, different parts changed: merged here, to be sent again', () => {
    const original = answer('q1', 'yes');
    const mine = answer('q1', 'yes', 'my comment');
    const theirs = answer('q1', 'no');
    const step = afterPush(
      change(mine, 1),
      { changeId: 'x', status: 'conflict', current: record('answer', 'a1', theirs, 5, 'q1') },
      mine,
      base('answer', 'a1', original, 1, 'q1'),
      NOW,
    );
    expect(step.base?.version).toBe(5);
    expect(step.local).toEqual({
      write: 'put',
      value: { ...theirs, comment: 'my comment', updatedAt: NOW.toISOString() },
    });
    expect(step.conflict).toBeUndefined();
  });

  it('out of date, the same part changed differently: held for a person, with what both started from', () => {
    const original = answer('q1', 'yes');
    const mine = answer('q1', 'partly');
    const theirs = answer('q1', 'no');
    const step = afterPush(
      change(mine, 1),
      { changeId: 'x', status: 'conflict', current: record('answer', 'a1', theirs, 5, 'q1') },
      mine,
      base('answer', 'a1', original, 1, 'q1'),
      NOW,
    );
    expect(step.conflict).toEqual({
      assessmentId: 'a1',
      questionId: 'q1',
      base: original,
      mine,
      theirs,
      fields: ['response'],
    });
    expect(step.local).toBeUndefined();
    expect(step.base?.version).toBe(5);
  });

  it('deleted here but changed there: the record comes back', () => {
    const theirs = assessment('a1');
    const step = afterPush(
      { changeId: changeIds(), kind: 'assessment', id: 'a1', baseVersion: 1, deleted: true },
      { changeId: 'x', status: 'conflict', current: record('assessment', 'a1', theirs, 4) },
      undefined,
      base('assessment', 'a1', theirs, 1),
      NOW,
    );
    expect(step.local).toEqual({ write: 'restore', value: theirs });
  });

  it('refused: remembered, nothing else changes', () => {
    const step = afterPush(
      change(answer('q1', 'yes'), null),
      { changeId: 'x', status: 'denied' },
      undefined,
      undefined,
      NOW,
    );
    expect(step).toEqual({ refused: { status: 'denied' } });
  });
});

describe('records pulled', () => {
  it('takes what it has not changed, skips what it has, and what it already has', () => {
    const mine = answer('q1', 'yes');
    const pulled = record('answer', 'a1', answer('q1', 'no'), 6, 'q1');
    expect(
      afterPull(pulled, mine, base('answer', 'a1', mine, 2, 'q1'), 'present', undefined, NOW),
    ).toMatchObject({
      local: { write: 'put', value: answer('q1', 'no') },
      base: { version: 6 },
    });
    expect(
      afterPull(
        pulled,
        answer('q1', 'partly'),
        base('answer', 'a1', mine, 2, 'q1'),
        'present',
        undefined,
        NOW,
      ),
    ).toEqual({});
    expect(afterPull(pulled, mine, base('answer', 'a1', mine, 6, 'q1'), 'present', undefined, NOW)).toEqual(
      {},
    );
  });

  it('weighs a conflict waiting for a person again against a newer version', () => {
    const original = answer('q1', 'yes');
    const mine = answer('q1', 'partly');
    const held = {
      assessmentId: 'a1',
      questionId: 'q1',
      base: original,
      mine,
      theirs: answer('q1', 'no'),
      fields: ['response' as const],
    };
    const stillDifferent = afterPull(
      record('answer', 'a1', answer('q1', 'maybe'), 9, 'q1'),
      mine,
      base('answer', 'a1', original, 2, 'q1'),
      'present',
      held,
      NOW,
    );
    expect(stillDifferent).toMatchObject({
      base: { version: 9 },
      conflict: { theirs: answer('q1', 'maybe'), fields: ['response'] },
    });
    const agreed = afterPull(
      record('answer', 'a1', answer('q1', 'partly', 'why'), 9, 'q1'),
      mine,
      base('answer', 'a1', original, 2, 'q1'),
      'present',
      held,
      NOW,
    );
    expect(agreed).toMatchObject({ dropConflict: true, local: { write: 'put', value: { comment: 'why' } } });
  });

  it('deletes what was deleted elsewhere; leaves the parts of a parent deleted here', () => {
    const mine = assessment('a1');
    expect(
      afterPull(
        record('assessment', 'a1', null, 8),
        mine,
        base('assessment', 'a1', mine, 2),
        'present',
        undefined,
        NOW,
      ),
    ).toMatchObject({
      local: { write: 'delete' },
      base: { deleted: true, version: 8 },
    });
    expect(
      afterPull(
        record('answer', 'a1', answer('q1', 'x'), 9, 'q1'),
        undefined,
        undefined,
        'deletedHere',
        undefined,
        NOW,
      ),
    ).toEqual({});
  });
});

describe('the rules', () => {
  it('the server applies a change made from its current version, or a new record', () => {
    expect(decidePush(undefined, null)).toBe('apply');
    expect(decidePush({ version: 3, deleted: false }, 3)).toBe('apply');
    expect(decidePush({ version: 3, deleted: false }, 2)).toBe('conflict');
    expect(decidePush({ version: 3, deleted: false }, null)).toBe('conflict');
  });

  it('an assessment’s own fields merge: one side’s change is taken, both sides’ keeps this device’s', () => {
    const original: Assessment = assessment('a1');
    const mine: Assessment = {
      ...original,
      name: 'Mine',
      preparedBy: 'Ana',
      updatedAt: '2026-03-01T00:00:00.000Z',
    };
    const theirs: Assessment = {
      ...original,
      name: 'Theirs',
      targets: { cirt: 80 },
      updatedAt: '2026-04-01T00:00:00.000Z',
    };
    expect(mergeAssessment(original, mine, theirs)).toEqual({
      ...original,
      name: 'Mine',
      preparedBy: 'Ana',
      targets: { cirt: 80 },
      updatedAt: '2026-04-01T00:00:00.000Z',
    });
  });

  it('a choice on a conflict keeps the parts changed on one side only', () => {
    const original = answer('q1', 'yes');
    const mine = answer('q1', 'partly', 'my comment');
    const theirs = answer('q1', 'no');
    expect(settleConflict(original, mine, theirs, 'theirs', NOW)).toEqual({
      ...theirs,
      comment: 'my comment',
      updatedAt: NOW.toISOString(),
    });
    expect(settleConflict(original, mine, theirs, 'mine', NOW)).toEqual({
      ...mine,
      updatedAt: NOW.toISOString(),
    });
  });
});

describe('link codes', () => {
  it('are ten characters of Crockford base32, read back forgivingly', () => {
    const code = linkCodeFrom(new Uint8Array(16).map((_, i) => i * 7));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(normaliseLinkCode(` ${formatLinkCode(code).toLowerCase()} `)).toBe(code);
    expect(normaliseLinkCode('O1IL2-34567')).toBe('01112' + '34567');
    expect(normaliseLinkCode('ABCDE-FGHJ')).toBeUndefined();
    expect(normaliseLinkCode('ABCDE-FGHJU')).toBeUndefined();
    expect(linkAddress('https://record.example.org/app/#/home', code)).toBe(
      `https://record.example.org/app/#/link/${formatLinkCode(code)}`,
    );
  });
});

describe('what of a workshop travels', () => {
  it('never the key; a sealed submission only as received', () => {
    const workshop = { id: 'W', setup: {} as never, secretKey: 'secret', createdAt: AT, updatedAt: AT };
    expect(syncedWorkshop(workshop)).not.toHaveProperty('secretKey');
    const submission = {
      workshopId: 'W',
      participantId: 'p',
      group: 'government',
      name: 'Ana',
      answers: { q1: answer('q1', 'yes') },
      updatedAt: AT,
      createdAt: AT,
      checksum: 'sha256:x',
      receivedAt: AT,
      via: 'file' as const,
    };
    expect(syncedSubmission(submission, true)).not.toHaveProperty('answers');
    expect(syncedSubmission(submission, true)).not.toHaveProperty('name');
    expect(syncedSubmission(submission, false)).toMatchObject({ group: 'government', name: 'Ana' });
  });
});
