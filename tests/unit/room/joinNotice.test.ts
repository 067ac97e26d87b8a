import { describe, expect, it } from 'vitest';
import { joinNoticeSchema, makeJoinNotice, openJoinNotice } from '../../../src/room/joinNotice.ts';
import { joinInfoOf } from '../../../src/workshop/setup.ts';
import type { Participation } from '../../../src/workshop/participation.ts';
import { NOW, PARTICIPANT, workshop } from '../workshop/fixtures.ts';

function participation(setup: ReturnType<typeof workshop>['setup'], name?: string): Participation {
  const entry: Participation = {
    join: joinInfoOf(setup),
    participantId: PARTICIPANT,
    group: 'academia',
    joinedAt: NOW.toISOString(),
  };
  if (name) entry.name = name;
  return entry;
}

describe('join notices', () => {
  it('carry group and name in clear when the workshop does not seal', () => {
    const { setup } = workshop();
    const notice = makeJoinNotice(participation(setup, 'Ana'));
    expect(joinNoticeSchema.parse(notice)).toEqual(notice);
    expect(notice.content).toEqual({ kind: 'plain', group: 'academia', name: 'Ana' });
    expect(openJoinNotice(notice, undefined)).toEqual({ group: 'academia', name: 'Ana' });
  });

  it('leave the name out of an anonymous workshop', () => {
    const { setup } = workshop({ anonymous: true });
    expect(makeJoinNotice(participation(setup, 'Ana')).content).toEqual({ kind: 'plain', group: 'academia' });
  });

  it('are sealed to the facilitator’s key when the workshop seals: nothing personal in clear', () => {
    const { setup, secretKey } = workshop({ sealed: true });
    const notice = makeJoinNotice(participation(setup, 'Ana'));
    expect(joinNoticeSchema.parse(notice)).toEqual(notice);
    expect(JSON.stringify(notice)).not.toMatch(/academia|Ana/);
    expect(openJoinNotice(notice, secretKey)).toEqual({ group: 'academia', name: 'Ana' });
    expect(openJoinNotice(notice, undefined)).toBeUndefined();
    expect(openJoinNotice(notice, workshop({ sealed: true }).secretKey)).toBeUndefined();
  });

  it('cannot have their sealed content moved onto another participant', () => {
    const { setup, secretKey } = workshop({ sealed: true });
    const notice = makeJoinNotice(participation(setup, 'Ana'));
    const moved = { ...notice, participantId: '11111111-2222-4333-8444-555555555555' };
    expect(openJoinNotice(moved, secretKey)).toBeUndefined();
  });
});
