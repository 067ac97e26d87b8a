/**
 * The built-in weight profiles say what they do: the priorities profile weighs each pillar by
 * the number of the resolution's clauses filed under it, as its rationale claims, and the bands
 * are placed so that a country answering at one level everywhere lands in the band named for
 * the GCI tier of that level of commitment.
 */
import { describe, expect, it } from 'vitest';
import type { Answer, AnswerValue, Answers } from '../../../src/assessment/types.ts';
import { bandFor } from '../../../src/profiles/bands.ts';
import { profileBands, profileWeights } from '../../../src/profiles/resolve.ts';
import type { WeightProfile } from '../../../src/profiles/schema.ts';
import type { Question, Questionnaire } from '../../../src/questionnaire/schema.ts';
import { questionsInOrder } from '../../../src/questionnaire/walk.ts';
import { scoreAssessment } from '../../../src/scoring/score.ts';
import { applyRule } from '../../../src/scoring/valueScore.ts';
import { builtInProfileFiles, checkBuiltInProfiles } from '../../../scripts/lib/profiles.ts';
import { loadBuiltInQuestionnaire, loadClauseRegistry } from '../../../scripts/lib/questionnaires.ts';

const profiles = new Map<string, WeightProfile>(
  checkBuiltInProfiles(builtInProfileFiles()).flatMap(({ result }) =>
    result.ok ? [[result.value.id, result.value] as const] : [],
  ),
);
const profile = (id: string) => {
  const found = profiles.get(id);
  if (!found) throw new Error(`profile ${id} did not validate`);
  return found;
};

describe('the Resolution 130 priorities profile', () => {
  it('weighs each pillar by the number of the resolution’s clauses filed under it, as its rationale says', () => {
    const counts: Record<string, number> = {};
    for (const clause of loadClauseRegistry().clauses) {
      if (clause.pillar && clause.id.startsWith('R130/'))
        counts[clause.pillar] = (counts[clause.pillar] ?? 0) + 1;
    }
    const priorities = profile('resolution-130-priorities');
    expect(priorities.pillars).toEqual(counts);
    for (const [pillar, count] of Object.entries(counts)) {
      expect(priorities.rationale.en, pillar).toMatch(new RegExp(`\\b${count}\\b`));
      expect(priorities.rationale.ru, pillar).toMatch(new RegExp(`\\b${count}\\b`));
    }
  });
});

/**
 * Every question answered at the same relative height: maturity at `level` of its ladder, a
 * yes/partly/no as `word`, a choice at `rank` of its options by score, a figure where its rule
 * gives `figure` of the full score. Free text and unscored figures are left out.
 */
function uniformAnswers(
  questionnaire: Questionnaire,
  height: { level: number; word: 'yes' | 'partly' | 'no'; rank: number; figure: number },
): Answers {
  const value = (question: Question): AnswerValue | undefined => {
    switch (question.type) {
      case 'yesNo':
        return height.word === 'no' ? 'no' : height.level >= 0.5 ? 'yes' : 'no';
      case 'yesPartlyNo':
        return height.word;
      case 'maturity':
        return Math.round(height.level * (question.levels.length - 1));
      case 'singleChoice': {
        const options = [...question.options].sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
        return options[Math.round(height.rank * (options.length - 1))]?.id;
      }
      case 'multipleChoice': {
        const options = question.options.filter((option) => !option.exclusive);
        const chosen = [...options]
          .sort((a, b) => (b.score ?? 0) - (a.score ?? 0))
          .slice(0, Math.round(height.rank * options.length));
        return chosen.length > 0
          ? chosen.map((option) => option.id)
          : question.options.filter((o) => o.exclusive).map((o) => o.id);
      }
      case 'number':
      case 'percentage': {
        const rule = question.scoring;
        if (!rule) return undefined;
        if (rule.kind === 'linear')
          return rule.scoreZeroAt + height.figure * (rule.scoreFullAt - rule.scoreZeroAt);
        return rule.steps.find((step) => applyRule(rule, step.from) >= height.figure)?.from ?? 0;
      }
      default:
        return undefined;
    }
  };
  const answers: Record<string, Answer> = {};
  for (const { question } of questionsInOrder(questionnaire)) {
    const v = value(question);
    if (v !== undefined)
      answers[question.id] = {
        questionId: question.id,
        response: { kind: 'value', value: v },
        updatedAt: '2026-01-01T00:00:00.000Z',
      };
  }
  return answers;
}

const LEVELS = [
  { band: 'role-modelling', height: { level: 0.8, word: 'yes', rank: 0.8, figure: 0.75 } },
  { band: 'advancing', height: { level: 0.6, word: 'yes', rank: 0.6, figure: 0.5 } },
  { band: 'establishing', height: { level: 0.4, word: 'partly', rank: 0.4, figure: 0.25 } },
  { band: 'evolving', height: { level: 0.2, word: 'partly', rank: 0.2, figure: 0 } },
] as const;

// The one-hour variant has one or two questions in some GCI pillars, too few for its GCI view
// to be read in bands; its pillar view is.
describe.each([
  ['resolution-130', ['equal', 'resolution-130-priorities', 'gci-five-pillars']],
  ['resolution-130-quick', ['equal', 'resolution-130-priorities']],
] as const)('bands for %s', (id, profileIds) => {
  const questionnaire = loadBuiltInQuestionnaire(id);

  it.each(profileIds)(
    'place answers at each level in the band named for it, under the %s profile',
    (profileId) => {
      const chosen = profile(profileId);
      const groupBy = chosen.groupBy ?? 'pillar';
      const landed = LEVELS.map(({ height }) => {
        const answers = uniformAnswers(questionnaire, height);
        const result = scoreAssessment(questionnaire, answers, profileWeights(chosen, groupBy), { groupBy });
        return bandFor(result.overall ?? 0, profileBands(chosen))?.id;
      });
      expect(landed).toEqual(LEVELS.map(({ band }) => band));
    },
  );
});
