import { describe, expect, it } from 'vitest';
import type { Answer, Assessment } from '../../../src/assessment/types.ts';
import { needsUpgrade, upgradeAssessment } from '../../../src/assessment/upgrade.ts';
import type { Questionnaire } from '../../../src/questionnaire/schema.ts';
import { pillar, question, questionnaire, value } from '../builders.ts';

const text = (en: string) => ({ en, ru: `${en} (ru)` });
const NOW = new Date('2026-05-01T09:00:00.000Z');
const AT = '2025-01-01T00:00:00.000Z';

const current: Questionnaire = questionnaire(
  [
    pillar('p', [
      question({ id: 'kept', type: 'yesNo' }),
      question({ id: 'law-crime', type: 'yesPartlyNo' }),
    ]),
  ],
  {
    version: '2.0.0',
    carryOver: [
      {
        from: '1.0.0',
        questions: [
          { id: 'kept', carry: 'same' },
          {
            id: 'laws',
            carry: 'map',
            text: text('Laws'),
            type: 'multipleChoice',
            options: [{ id: 'crime', label: text('Crime') }],
            rules: [{ when: { includes: 'crime' }, to: 'law-crime', value: 'yes' }],
          },
          { id: 'old', carry: 'none', text: text('Old figure'), type: 'number' },
        ],
      },
    ],
  },
);

const made = (version: string, extra: Partial<Assessment> = {}): Assessment => ({
  id: 'a1',
  name: 'National assessment',
  questionnaire: { id: 'test', version },
  createdAt: AT,
  updatedAt: AT,
  ...extra,
});
const answer = (questionId: string, v: string | number | string[]): Answer => ({
  questionId,
  response: value(v),
  updatedAt: AT,
});

describe('bringing an assessment up to the current questionnaire version', () => {
  it('applies to an earlier version of the same questionnaire, not to a workshop participant’s answers', () => {
    expect(needsUpgrade(made('1.0.0'), current)).toBe(true);
    expect(needsUpgrade(made('2.0.0'), current)).toBe(false);
    expect(needsUpgrade(made('1.0.0', { questionnaire: { id: 'other', version: '1.0.0' } }), current)).toBe(
      false,
    );
    const workshop = { participantId: 'p1', group: 'government', joinedAt: AT } as Assessment['workshop'];
    const participant = made('1.0.0', { workshop });
    expect(needsUpgrade(participant, current)).toBe(false);
  });

  it('moves the record to the new version and keeps the report, with every earlier answer it could not carry', () => {
    const { assessment, answers } = upgradeAssessment(
      made('1.0.0'),
      [answer('kept', 'yes'), answer('laws', ['crime']), answer('old', 7)],
      current,
      NOW,
    );
    expect(assessment.questionnaire).toEqual({ id: 'test', version: '2.0.0' });
    expect(assessment.updatedAt).toBe(NOW.toISOString());
    expect(answers).toEqual([answer('kept', 'yes'), answer('law-crime', 'yes')]);
    expect(assessment.carriedOver).toEqual({
      from: '1.0.0',
      to: '2.0.0',
      at: NOW.toISOString(),
      carried: ['kept'],
      check: [],
      mapped: [{ answer: answer('laws', ['crime']), to: ['law-crime'] }],
      listed: [answer('old', 7)],
    });
  });

  it('keeps the earlier answers a previous carry-over kept', () => {
    const before = made('1.0.0', {
      carriedOver: {
        from: '0.9.0',
        to: '1.0.0',
        at: AT,
        carried: [],
        check: [],
        mapped: [],
        listed: [answer('older', 1)],
      },
    });
    const { assessment } = upgradeAssessment(before, [answer('old', 7)], current, NOW);
    expect(assessment.carriedOver?.listed).toEqual([answer('older', 1), answer('old', 7)]);
  });
});
