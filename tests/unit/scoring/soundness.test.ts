import { describe, expect, it } from 'vitest';
import { validateQuestionnaire } from '../../../src/questionnaire/validate.ts';
import type { Condition, Question } from '../../../src/questionnaire/schema.ts';
import { checkFollowUps } from '../../../src/scoring/soundness.ts';
import { pillar, question, questionnaire } from '../builders.ts';

type FollowUp = Partial<Question> & { showIf: Condition };

/** A gate question and a follow-up that depends on it. */
function follow(gate: Question, followUp: FollowUp) {
  return questionnaire([pillar('p', [gate, question({ id: 'follow', type: 'yesNo', ...followUp })])]);
}

const exists = question({ id: 'exists', type: 'yesPartlyNo' });
const messages = (q: ReturnType<typeof follow>) => checkFollowUps(q).map((problem) => problem.message);

describe('conditions that would let a better answer lower a score', () => {
  it('accepts follow-ups shown for an answer and every better one', () => {
    expect(checkFollowUps(follow(exists, { showIf: { question: 'exists', in: ['yes', 'partly'] } }))).toEqual(
      [],
    );
    const level = question({ id: 'level', type: 'maturity' });
    expect(checkFollowUps(follow(level, { showIf: { question: 'level', atLeast: 2 } }))).toEqual([]);
  });

  it('refuses a follow-up shown for a lower answer and hidden for a higher one, naming both', () => {
    const problems = checkFollowUps(follow(exists, { showIf: { question: 'exists', in: ['partly'] } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toEqual(['pillars', 0, 'questions', 1, 'showIf']);
    expect(problems[0]?.message).toMatch(
      /^shown when "exists" is "partly" but hidden when it is "yes", which scores higher \(1 > 0\.5\)/,
    );
    expect(problems[0]?.message).toContain('"whenHidden": "full"');
  });

  it('points at the part of a combined condition that breaks the rule', () => {
    const q = questionnaire([
      pillar('p', [
        question({ id: 'a', type: 'yesNo' }),
        exists,
        question({
          id: 'follow',
          type: 'yesNo',
          showIf: {
            all: [
              { question: 'a', equals: 'yes' },
              { question: 'exists', equals: 'no' },
            ],
          },
        }),
      ]),
    ]);
    const problems = checkFollowUps(q);
    expect(problems.map((problem) => problem.path)).toEqual([
      ['pillars', 0, 'questions', 2, 'showIf', 'all', 1],
    ]);
  });

  it('checks options a multiple-choice condition names against the score of the others', () => {
    const services = question({ id: 'services', type: 'multipleChoice' });
    // Option "c" alone scores 0.3; "a" and "b" without "c" score 0.9 and would hide the follow-up.
    expect(messages(follow(services, { showIf: { question: 'services', includes: 'c' } }))[0]).toMatch(
      /^shown when "services" is \["c"\] but hidden when it is \["a","b"\]/,
    );
  });

  it('checks a figure against the direction of its scoring rule', () => {
    const faster = question({
      id: 'hours',
      type: 'number',
      min: 0,
      scoring: { kind: 'linear', scoreZeroAt: 72, scoreFullAt: 4 },
    });
    // Fewer hours score higher, so "at least 24 hours" hides the follow-up for the better answers.
    expect(messages(follow(faster, { showIf: { question: 'hours', atLeast: 24 } }))[0]).toMatch(
      /^shown when "hours" is 72 but hidden when it is 0, which scores higher \(1 > 0\)/,
    );
    const more = question({ id: 'share', type: 'percentage' });
    expect(checkFollowUps(follow(more, { showIf: { question: 'share', atLeast: 24 } }))).toEqual([]);
  });

  it('accepts "whenHidden": "full" on one gate whose lower answers show the follow-up', () => {
    expect(
      checkFollowUps(follow(exists, { showIf: { question: 'exists', in: ['no'] }, whenHidden: 'full' })),
    ).toEqual([]);
  });

  it('refuses "whenHidden": "full" that would credit a lower answer and ask a higher one', () => {
    expect(
      messages(follow(exists, { showIf: { question: 'exists', in: ['yes'] }, whenHidden: 'full' }))[0],
    ).toMatch(
      /^"whenHidden": "full" credits this question in full when "exists" is "no", but asks it when "exists" is "yes"/,
    );
  });

  it('refuses "whenHidden": "full" on a condition over two questions', () => {
    const q = questionnaire([
      pillar('p', [
        question({ id: 'a', type: 'yesNo' }),
        exists,
        question({
          id: 'follow',
          type: 'yesNo',
          whenHidden: 'full',
          showIf: {
            any: [
              { question: 'a', equals: 'no' },
              { question: 'exists', equals: 'no' },
            ],
          },
        }),
      ]),
    ]);
    expect(checkFollowUps(q).map((problem) => problem.message)).toEqual([
      '"whenHidden": "full" needs a condition on one question; this one refers to "a", "exists"',
    ]);
  });

  it('refuses a condition on a question that is credited in full while hidden', () => {
    const q = questionnaire([
      pillar('p', [
        exists,
        question({
          id: 'plans',
          type: 'yesNo',
          showIf: { question: 'exists', equals: 'no' },
          whenHidden: 'full',
        }),
        question({ id: 'budget', type: 'yesNo', showIf: { question: 'plans', equals: 'yes' } }),
      ]),
    ]);
    expect(checkFollowUps(q).map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^refers to "plans", which is credited in full while hidden/),
    ]);
  });

  it('allows "whenHidden": "notApplicable" only behind questions that score nothing', () => {
    const kind = question({
      id: 'kind',
      type: 'singleChoice',
      options: ['x', 'y'].map((id) => ({ id, label: { en: id, ru: id }, score: 0 })),
    });
    expect(
      checkFollowUps(
        follow(kind, { showIf: { question: 'kind', equals: 'x' }, whenHidden: 'notApplicable' }),
      ),
    ).toEqual([]);
    expect(
      messages(
        follow(exists, { showIf: { question: 'exists', equals: 'yes' }, whenHidden: 'notApplicable' }),
      )[0],
    ).toMatch(
      /^"whenHidden": "notApplicable" is allowed only when no scored answer can show or hide the question, but "exists"/,
    );
  });

  it('runs in the validator, so such a questionnaire is refused', () => {
    const result = validateQuestionnaire(follow(exists, { showIf: { question: 'exists', in: ['partly'] } }), {
      file: 'mine.json',
      knownClauses: new Set(['R130/resolves/sme-problems']),
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error[0]).toMatchObject({
      file: 'mine.json',
      path: '$.pillars[0].questions[1].showIf',
      message: expect.stringMatching(/^shown when "exists" is "partly".*\(in "follow"\)$/),
    });
  });

  it('reads "not", "notIn" and "atMost" the way round they work', () => {
    const level = question({ id: 'level', type: 'maturity' });
    expect(messages(follow(level, { showIf: { question: 'level', atMost: 2 } }))[0]).toMatch(
      /^shown when "level" is 0 but hidden when it is 5/,
    );
    expect(checkFollowUps(follow(level, { showIf: { not: { question: 'level', atMost: 2 } } }))).toEqual([]);
    expect(checkFollowUps(follow(exists, { showIf: { question: 'exists', notIn: ['no'] } }))).toEqual([]);
    expect(checkFollowUps(follow(exists, { showIf: { not: { question: 'exists', equals: 'no' } } }))).toEqual(
      [],
    );
    expect(messages(follow(exists, { showIf: { not: { question: 'exists', equals: 'yes' } } }))[0]).toMatch(
      /^shown when "exists" is "no" but hidden when it is "yes"/,
    );
  });

  it('leaves alone a follow-up that scores nothing and that nothing depends on', () => {
    expect(
      checkFollowUps(follow(exists, { type: 'text', showIf: { question: 'exists', equals: 'no' } })),
    ).toEqual([]);
  });

  it('allows "whenHidden": "notApplicable" behind a question collected for context', () => {
    const region = question({
      id: 'region',
      type: 'singleChoice',
      scored: false,
      options: ['north', 'south'].map((id) => ({ id, label: { en: id, ru: id } })),
    });
    expect(
      checkFollowUps(
        follow(region, { showIf: { question: 'region', equals: 'north' }, whenHidden: 'notApplicable' }),
      ),
    ).toEqual([]);
  });
});
