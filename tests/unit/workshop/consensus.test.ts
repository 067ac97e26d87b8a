import { describe, expect, it } from 'vitest';
import {
  consensusAnswers,
  consensusProgress,
  consensusProvenance,
  type ConsensusDraft,
} from '../../../src/workshop/consensus.ts';
import { mergeParticipants } from '../../../src/workshop/merge.ts';
import { scoreAssessment } from '../../../src/scoring/score.ts';
import { answers, dontKnow, pillar, question, questionnaire, value } from '../builders.ts';
import { NOW, QUESTIONNAIRE, workshop } from './fixtures.ts';

const { setup } = workshop();
const merge = mergeParticipants({
  questionnaire: QUESTIONNAIRE,
  groups: setup.groups.map((group) => group.id),
  participants: [
    {
      participantId: 'a',
      group: 'government',
      answers: answers({ exists: value('yes'), level: value(4), people: value(100) }),
    },
    {
      participantId: 'b',
      group: 'academia',
      answers: answers({ exists: value('no'), level: value(1), people: dontKnow }),
    },
    { participantId: 'c', group: 'custom-1', answers: answers({ exists: value('partly'), level: value(2) }) },
  ],
});

describe('the consensus', () => {
  it('starts from the median of each question', () => {
    const agreed = consensusAnswers(QUESTIONNAIRE, merge, undefined, NOW);
    expect(agreed).toEqual({
      exists: { questionId: 'exists', response: value('partly'), updatedAt: NOW.toISOString() },
      level: { questionId: 'level', response: value(2), updatedAt: NOW.toISOString() },
      people: { questionId: 'people', response: value(100), updatedAt: NOW.toISOString() },
    });
  });

  it('takes what the facilitator decided, with the rationale as the answer’s comment, and can leave a question open', () => {
    const draft: ConsensusDraft = {
      updatedAt: NOW.toISOString(),
      items: {
        exists: {
          decided: true,
          response: value('yes'),
          rationale: ' Adopted by decree in 2025. ',
          dissent: 'Academia: not funded.',
        },
        level: { decided: true },
        people: { rationale: 'Figure from the CIRT’s register.' },
      },
    };
    const agreed = consensusAnswers(QUESTIONNAIRE, merge, draft, NOW);
    expect(agreed.exists).toMatchObject({ response: value('yes'), comment: 'Adopted by decree in 2025.' });
    expect(agreed.level).toBeUndefined();
    expect(agreed.people).toMatchObject({
      response: value(100),
      comment: 'Figure from the CIRT’s register.',
    });

    // The result is a normal assessment: it scores like any other.
    const result = scoreAssessment(QUESTIONNAIRE, agreed);
    expect(result.pillars[0]?.score).toBe(50);

    expect(consensusProvenance(setup, merge, draft, NOW)).toEqual({
      kind: 'workshopConsensus',
      workshopId: setup.id,
      workshopName: 'National workshop, March',
      questionnaire: { id: 'r130', version: '1.2.0' },
      participants: { total: 3, byGroup: { government: 1, academia: 1, 'civil-society': 0, 'custom-1': 1 } },
      groupLabels: { 'custom-1': 'Media' },
      agreement: merge.agreement,
      agreementByPillar: { strategy: merge.pillars[0]?.all.agreement, skills: null },
      dissent: { exists: 'Academia: not funded.' },
      decidedAt: NOW.toISOString(),
    });
  });
});

describe('the consensus follows the questionnaire’s conditions', () => {
  const conditional = questionnaire(
    [
      pillar('strategy', [
        question({ id: 'exists', type: 'yesPartlyNo' }),
        question({ id: 'level', type: 'maturity', showIf: { question: 'exists', in: ['yes', 'partly'] } }),
      ]),
    ],
    { id: 'r130', version: '1.2.0' },
  );
  const merged = mergeParticipants({
    questionnaire: conditional,
    groups: ['government', 'academia'],
    participants: [
      {
        participantId: 'a',
        group: 'government',
        answers: answers({ exists: value('yes'), level: value(4) }),
      },
      {
        participantId: 'b',
        group: 'academia',
        answers: answers({ exists: value('partly'), level: value(2) }),
      },
    ],
  });

  it('asks the follow-up while the agreed answer calls for it, and counts what the room confirmed', () => {
    expect(consensusProgress(conditional, merged, undefined)).toEqual({
      asked: ['exists', 'level'],
      confirmed: [],
      hidden: [],
    });
    const draft: ConsensusDraft = {
      updatedAt: NOW.toISOString(),
      items: { exists: { decided: true, response: value('partly') } },
    };
    expect(consensusProgress(conditional, merged, draft)).toEqual({
      asked: ['exists', 'level'],
      confirmed: ['exists'],
      hidden: [],
    });
  });

  it('leaves the follow-up out, of the page and of the assessment, once the room agrees on "no"', () => {
    const draft: ConsensusDraft = {
      updatedAt: NOW.toISOString(),
      items: {
        exists: { decided: true, response: value('no') },
        level: { decided: true, response: value(3) },
      },
    };
    expect(consensusProgress(conditional, merged, draft)).toEqual({
      asked: ['exists'],
      confirmed: ['exists'],
      hidden: ['level'],
    });
    expect(Object.keys(consensusAnswers(conditional, merged, draft, NOW))).toEqual(['exists']);
  });
});
