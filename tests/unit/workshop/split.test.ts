import { describe, expect, it } from 'vitest';
import type { Answers } from '../../../src/assessment/types.ts';
import { mergeParticipants } from '../../../src/workshop/merge.ts';
import { medianSplit } from '../../../src/workshop/split.ts';
import { answers, pillar, question, questionnaire, value } from '../builders.ts';

const q = questionnaire([
  pillar('p', [
    question({ id: 'exists', type: 'yesPartlyNo' }),
    question({ id: 'people', type: 'number' }),
    question({ id: 'areas', type: 'multipleChoice' }),
  ]),
]);

function splitOf(questionId: string, given: Answers[]) {
  const merged = mergeParticipants({
    questionnaire: q,
    groups: ['government'],
    participants: given.map((entry, i) => ({ participantId: `p${i}`, group: 'government', answers: entry })),
  });
  const entry = merged.questions.find((candidate) => candidate.questionId === questionId)!;
  const definition = q.pillars[0]!.questions.find((candidate) => candidate.id === questionId)!;
  return { split: medianSplit(definition, entry.all), median: entry.all.median };
}

describe('a room split in two', () => {
  it('is a split when the two middle answers differ, not the lower one as "the median"', () => {
    const { split, median } = splitOf('exists', [
      answers({ exists: value('yes') }),
      answers({ exists: value('no') }),
    ]);
    expect(median?.value).toBe('no');
    expect(split).toEqual({ low: { value: 'no', score: 0 }, high: { value: 'yes', score: 1 } });
  });

  it('is no split when the middle answers agree, or there is one in the middle', () => {
    const three = ['no', 'no', 'yes', 'yes', 'partly'].map((v) => answers({ exists: value(v) }));
    expect(splitOf('exists', three).split).toBeNull();
    const agreeing = ['no', 'no', 'no', 'yes'].map((v) => answers({ exists: value(v) }));
    expect(splitOf('exists', agreeing).split).toBeNull();
  });

  it('reads figures in order of their scores, and leaves multiple choice alone', () => {
    const figures = [10, 120, 30, 150].map((v) => answers({ people: value(v) }));
    expect(splitOf('people', figures).split).toMatchObject({ low: { value: 30 }, high: { value: 120 } });
    const chosen = [['a'], ['b']].map((v) => answers({ areas: value(v) }));
    expect(splitOf('areas', chosen).split).toBeNull();
  });
});
