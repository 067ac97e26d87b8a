import { describe, expect, it } from 'vitest';
import type { Answers } from '../../../src/assessment/types.ts';
import {
  agreementOf,
  byDisagreement,
  mergeParticipants,
  nearestRank,
  type MergeParticipant,
} from '../../../src/workshop/merge.ts';
import { answers, dontKnow, notApplicable, pillar, question, questionnaire, value } from '../builders.ts';

const q = questionnaire([
  pillar('strategy', [
    question({ id: 'exists', type: 'yesPartlyNo' }),
    question({ id: 'level', type: 'maturity', showIf: { question: 'exists', in: ['yes', 'partly'] } }),
    question({ id: 'notes', type: 'text' }),
  ]),
  pillar('skills', [
    question({ id: 'people', type: 'number' }),
    question({ id: 'areas', type: 'multipleChoice' }),
    question({ id: 'kind', type: 'singleChoice' }),
  ]),
]);

let count = 0;
const person = (group: string, given: Answers): MergeParticipant => ({
  participantId: `p${++count}`,
  group,
  answers: given,
});
const merge = (participants: MergeParticipant[], groups = ['government', 'academia', 'civil-society']) =>
  mergeParticipants({ questionnaire: q, groups, participants });
const questionOf = (result: ReturnType<typeof merge>, id: string) =>
  result.questions.find((entry) => entry.questionId === id)!;

describe('agreement (Tastle and Wierman)', () => {
  it('is 1 when everyone agrees and 0 when the room is split between the two ends', () => {
    expect(agreementOf([0.6, 0.6, 0.6])).toBe(1);
    expect(agreementOf([0, 1, 0, 1])).toBe(0);
  });

  it('falls as answers move apart', () => {
    // Three answers 0, ½, 1: mean ½, two of them ½ away: 1 + ⅔·log₂(½) = ⅓.
    expect(agreementOf([0, 0.5, 1])).toBeCloseTo(1 / 3, 10);
    const close = agreementOf([0.4, 0.6])!;
    const far = agreementOf([0.2, 0.8])!;
    expect(close).toBeGreaterThan(far);
    expect(far).toBeGreaterThan(0);
  });

  it('has no figure for fewer than two answers', () => {
    expect(agreementOf([])).toBeNull();
    expect(agreementOf([0.4])).toBeNull();
  });
});

describe('nearest rank', () => {
  it('takes the lower of the two middle values as the median', () => {
    expect(nearestRank([1, 2, 3, 4], 0.5)).toBe(2);
    expect(nearestRank([1, 2, 3], 0.5)).toBe(2);
    expect(nearestRank([7], 0.25)).toBe(7);
    expect(nearestRank([], 0.5)).toBeUndefined();
  });
});

describe('merging a workshop', () => {
  it('counts each kind of response and gives median, middle half, spread and agreement', () => {
    const result = merge([
      person('government', answers({ exists: value('yes'), level: value(4) })),
      person('government', answers({ exists: value('partly'), level: value(2) })),
      person('academia', answers({ exists: value('no') })),
      person('academia', answers({ exists: notApplicable })),
      person('civil-society', answers({ exists: dontKnow })),
      person('civil-society', answers({})),
    ]);
    const exists = questionOf(result, 'exists');
    expect(exists.all.counts).toEqual({ values: 3, notApplicable: 1, dontKnow: 1, unanswered: 1, hidden: 0 });
    expect(exists.all.distribution).toEqual([
      { key: 'yes', count: 1 },
      { key: 'partly', count: 1 },
      { key: 'no', count: 1 },
    ]);
    expect(exists.all.median).toEqual({ value: 'partly', score: 0.5 });
    expect(exists.all.middleHalf).toEqual({
      low: { value: 'no', score: 0 },
      high: { value: 'yes', score: 1 },
    });
    expect(exists.all.spread).toBe(100);
    expect(exists.all.agreement).toBeCloseTo(1 / 3, 10);
    expect(exists.suggested).toEqual(value('partly'));

    // The follow-up is asked only of those who said yes or partly; the others were not asked.
    const level = questionOf(result, 'level');
    expect(level.all.counts).toEqual({ values: 2, notApplicable: 0, dontKnow: 0, unanswered: 0, hidden: 4 });
    expect(level.all.median).toEqual({ value: 2, score: 0.4 });
  });

  it('breaks a tie between the two middle answers towards the lower one', () => {
    const result = merge([
      person('government', answers({ exists: value('yes'), level: value(3) })),
      person('government', answers({ exists: value('yes'), level: value(2) })),
      person('academia', answers({ exists: value('partly'), level: value(3) })),
      person('academia', answers({ exists: value('partly'), level: value(2) })),
    ]);
    expect(questionOf(result, 'level').all.median?.value).toBe(2);
    expect(questionOf(result, 'exists').all.median?.value).toBe('partly');
    expect(questionOf(result, 'level').suggested).toEqual(value(2));
  });

  it('reports one participant without an agreement figure, and a group with nobody in it', () => {
    const result = merge([person('academia', answers({ exists: value('yes'), level: value(5) }))]);
    const level = questionOf(result, 'level');
    expect(level.all.median).toEqual({ value: 5, score: 1 });
    expect(level.all.agreement).toBeNull();
    expect(level.all.spread).toBe(0);
    expect(level.suggested).toEqual(value(5));
    expect(level.byGroup.government).toMatchObject({
      participants: 0,
      median: null,
      agreement: null,
      spread: null,
    });
    expect(result.participants).toEqual({
      total: 1,
      byGroup: { government: 0, academia: 1, 'civil-society': 0 },
    });
    expect(result.pillars[0]?.byGroup.government).toEqual({ agreement: null, measured: 0, scores: null });
    expect(result.agreement).toBeNull();
  });

  it('keeps a participant who answered nothing, as a participant with no answers', () => {
    const result = merge([
      person('government', answers({ exists: value('yes') })),
      person('government', answers({ exists: value('yes') })),
      { participantId: 'silent', group: 'academia', answers: {} },
    ]);
    expect(result.empty).toEqual(['silent']);
    expect(result.participants.total).toBe(3);
    const exists = questionOf(result, 'exists');
    expect(exists.all.counts.unanswered).toBe(1);
    expect(exists.all.agreement).toBe(1);
    expect(exists.byGroup.academia?.counts).toEqual({
      values: 0,
      notApplicable: 0,
      dontKnow: 0,
      unanswered: 1,
      hidden: 0,
    });
  });

  it('handles a merge of nobody at all', () => {
    const result = merge([]);
    expect(result.participants.total).toBe(0);
    expect(questionOf(result, 'exists').all.median).toBeNull();
    expect(questionOf(result, 'exists').suggested).toBeUndefined();
    expect(result.pillars[0]?.all).toEqual({ agreement: null, measured: 0, scores: null });
  });

  it('suggests "not applicable" when more participants said so than gave a value, else "don\'t know" when nobody gave one', () => {
    const na = merge([
      person('government', answers({ people: notApplicable })),
      person('government', answers({ people: notApplicable })),
      person('academia', answers({ people: value(40) })),
    ]);
    expect(questionOf(na, 'people').suggested).toEqual(notApplicable);
    const unknown = merge([person('government', answers({ people: dontKnow }))]);
    expect(questionOf(unknown, 'people').suggested).toEqual(dontKnow);
    const tie = merge([
      person('government', answers({ people: notApplicable })),
      person('academia', answers({ people: value(40) })),
    ]);
    expect(questionOf(tie, 'people').suggested).toEqual(value(40));
  });

  it('counts an answer that the question does not accept as no answer', () => {
    const result = merge([
      person('government', answers({ kind: value('no-such-option'), people: value('many') })),
      person('government', answers({ kind: value('high') })),
    ]);
    expect(questionOf(result, 'kind').all.counts).toMatchObject({ values: 1, unanswered: 1 });
    expect(questionOf(result, 'people').all.counts).toMatchObject({ values: 0, unanswered: 2 });
  });

  it('measures figures on their score and lists each distinct figure', () => {
    // The test questionnaire scores people linearly from 0 (0) to 200 (1).
    const result = merge([
      person('government', answers({ people: value(300) })),
      person('academia', answers({ people: value(200) })),
      person('academia', answers({ people: value(50) })),
    ]);
    const people = questionOf(result, 'people');
    expect(people.all.distribution).toEqual([
      { key: '50', count: 1 },
      { key: '200', count: 1 },
      { key: '300', count: 1 },
    ]);
    // 200 and 300 both score 1; equal scores are ordered by the figure, so the median is 200.
    expect(people.all.median).toEqual({ value: 200, score: 1 });
    expect(people.all.lowest?.value).toBe(50);
    expect(people.all.highest?.value).toBe(300);
  });

  it('counts each option of a multiple choice, and takes a whole answer as the median', () => {
    const result = merge([
      person('government', answers({ areas: value(['a', 'b']) })),
      person('academia', answers({ areas: value(['a']) })),
      person('academia', answers({ areas: value(['none']) })),
    ]);
    const areas = questionOf(result, 'areas');
    expect(areas.all.distribution).toEqual([
      { key: 'a', count: 2 },
      { key: 'b', count: 1 },
      { key: 'c', count: 0 },
      { key: 'none', count: 1 },
    ]);
    expect(areas.all.median).toEqual({ value: ['a'], score: 0.5 });
  });

  it('lists free-text answers without a median or agreement', () => {
    const result = merge([
      person('government', answers({ notes: value('Budget is the problem.') })),
      person('academia', answers({ notes: value('   ') })),
    ]);
    const notes = questionOf(result, 'notes');
    expect(notes.texts).toEqual(['Budget is the problem.']);
    expect(notes.all.median).toBeNull();
    expect(notes.all.agreement).toBeNull();
    expect(notes.suggested).toBeUndefined();
    expect(notes.all.counts).toMatchObject({ values: 1, unanswered: 1 });
  });

  it('gives each pillar the mean agreement of its questions and the range of participants’ pillar scores', () => {
    const result = merge([
      person('government', answers({ exists: value('yes'), level: value(5), people: value(200) })),
      person('government', answers({ exists: value('yes'), level: value(5), people: value(0) })),
    ]);
    const [strategy, skills] = result.pillars;
    expect(strategy?.all.agreement).toBe(1);
    expect(strategy?.all.measured).toBe(2);
    expect(strategy?.all.scores).toEqual({ median: 100, lowest: 100, highest: 100, count: 2 });
    // people: 0 and 1 → agreement 0; the other two skills questions have no answers.
    expect(skills?.all.agreement).toBe(0);
    expect(skills?.all.scores).toMatchObject({ median: 0, lowest: 0, count: 2 });
    expect(skills?.all.scores?.highest).toBeCloseTo(100 / 3, 10);
    expect(result.agreement).toBeCloseTo(2 / 3, 10);
    expect(result.agreementByGroup.government).toBeCloseTo(2 / 3, 10);
    // A pillar nobody answered has no scores, rather than scores of 0.
    const silent = merge([person('government', answers({ exists: value('yes') }))]);
    expect(silent.pillars[1]?.all.scores).toBeNull();
    expect(result.agreementByGroup.academia).toBeNull();
  });

  it('adds a group that is not in the workshop’s list rather than dropping its participants', () => {
    const result = merge([person('media', answers({ exists: value('yes') }))], ['government']);
    expect(result.participants.byGroup).toEqual({ government: 0, media: 1 });
  });

  it('sorts questions by disagreement, least agreement first and those without a figure last', () => {
    const result = merge([
      person(
        'government',
        answers({ exists: value('yes'), level: value(5), people: value(0), kind: value('low') }),
      ),
      person(
        'academia',
        answers({ exists: value('yes'), level: value(1), people: value(200), kind: value('mid') }),
      ),
    ]);
    const order = byDisagreement(result.questions).map((entry) => entry.questionId);
    expect(order).toEqual(['people', 'level', 'kind', 'exists', 'notes', 'areas']);
  });
});
