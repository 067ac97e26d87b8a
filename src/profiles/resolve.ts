/** Pure functions over weight profiles: what they mean for scoring, and edits that return new profiles. */
import type { Questionnaire } from '../questionnaire/schema.ts';
import { isScored } from '../questionnaire/answerTypes.ts';
import { scoringGroups, type Grouping } from '../scoring/groups.ts';
import { pillarWeight, questionWeight, type Weights } from '../scoring/weights.ts';
import { GCI_2024_BANDS } from './bands.ts';
import { PROFILE_FORMAT, PROFILE_KIND, type Band, type WeightProfile } from './schema.ts';

/** The weights a profile gives for one grouping (its GCI pillar weights for the GCI view). */
export function profileWeights(profile: WeightProfile, groupBy: Grouping = 'pillar'): Weights {
  return {
    pillars: groupBy === 'gciPillar' ? profile.gciPillars : profile.pillars,
    questions: profile.questions,
  };
}

export function profileBands(profile: WeightProfile): readonly Band[] {
  return profile.bands ?? GCI_2024_BANDS;
}

export function appliesTo(profile: WeightProfile, questionnaireId: string): boolean {
  return profile.appliesTo.includes(questionnaireId);
}

/** A weight with its normalised share: the part of the total it carries, in [0, 1]. */
export interface WeightShare {
  id: string;
  weight: number;
  /** weight / Σ weights of its siblings; 0 when they all weigh 0. */
  share: number;
}

export interface ProfileShares {
  pillars: WeightShare[];
  /** Scored questions (free text and context figures give no weight), by the id of their pillar. */
  questions: Record<string, WeightShare[]>;
}

/**
 * The nominal shares a profile gives on a questionnaire, before any answer: each pillar's
 * weight over all pillar weights, each question's over the scored questions of its pillar.
 * (Scores use the same division over what actually counts, so a pillar or question that is
 * not applicable passes its share to the others.)
 */
export function profileShares(
  questionnaire: Questionnaire,
  profile: WeightProfile,
  groupBy: Grouping = 'pillar',
): ProfileShares {
  const weights = profileWeights(profile, groupBy);
  const groups = scoringGroups(questionnaire, groupBy);
  const pillars = normalise(groups.map((group) => ({ id: group.id, weight: pillarWeight(group, weights) })));
  const questions = Object.fromEntries(
    groups.map((group) => [
      group.id,
      normalise(
        group.questions
          .filter(({ question }) => isScored(question))
          .map(({ question }) => ({ id: question.id, weight: questionWeight(question, weights) })),
      ),
    ]),
  );
  return { pillars, questions };
}

export function normalise(items: readonly { id: string; weight: number }[]): WeightShare[] {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  return items.map((item) => ({ ...item, share: total > 0 ? item.weight / total : 0 }));
}

/**
 * A new profile made from another: same weights and bands, its own id, title and rationale,
 * and `basedOn` naming where it came from.
 */
export function deriveProfile(
  base: WeightProfile,
  { id, title, rationale }: Pick<WeightProfile, 'id' | 'title' | 'rationale'>,
): WeightProfile {
  return {
    kind: PROFILE_KIND,
    format: PROFILE_FORMAT,
    id,
    version: '1.0.0',
    title,
    rationale,
    basedOn: base.id,
    appliesTo: [...base.appliesTo],
    ...(base.groupBy && { groupBy: base.groupBy }),
    ...(base.pillars && { pillars: { ...base.pillars } }),
    ...(base.gciPillars && { gciPillars: { ...base.gciPillars } }),
    ...(base.questions && { questions: { ...base.questions } }),
    ...(base.bands && { bands: base.bands.map((band) => ({ ...band, label: { ...band.label } })) }),
  };
}

export type WeightTarget = 'pillars' | 'gciPillars' | 'questions';

/** The profile with one weight set (pillar, GCI pillar or question, by id). */
export function withWeight(
  profile: WeightProfile,
  target: WeightTarget,
  id: string,
  weight: number,
): WeightProfile {
  return { ...profile, [target]: { ...profile[target], [id]: weight } };
}

/**
 * A profile that states every weight the questionnaire itself gives (1 where it gives none),
 * for a questionnaire that no other profile applies to.
 */
export function questionnaireProfile(questionnaire: Questionnaire): WeightProfile {
  const pillars = Object.fromEntries(questionnaire.pillars.map((pillar) => [pillar.id, pillar.weight ?? 1]));
  return {
    kind: PROFILE_KIND,
    format: PROFILE_FORMAT,
    id: `${questionnaire.id}-weights`,
    version: questionnaire.version,
    title: { en: 'The questionnaire’s own weights', ru: 'Веса, заданные в опроснике' },
    rationale: {
      en: 'The weights written in the questionnaire itself, and 1 wherever it gives none.',
      ru: 'Весовые коэффициенты, указанные в самом опроснике; там, где они не указаны, — 1.',
    },
    appliesTo: [questionnaire.id],
    pillars,
  };
}

/** The profile an assessment uses until someone chooses: the first that applies, else the questionnaire's own. */
export function defaultProfile(
  questionnaire: Questionnaire,
  profiles: readonly WeightProfile[],
): WeightProfile {
  return (
    profiles.find((profile) => appliesTo(profile, questionnaire.id)) ?? questionnaireProfile(questionnaire)
  );
}
