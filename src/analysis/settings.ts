/**
 * The one place that says which weights and targets an assessment's figures are computed with:
 * its own weight profile (a full copy saved with it) or, until one is chosen, the app's default
 * for its questionnaire; and its own targets over the questionnaire's. The results screen, the
 * weights screen, the report, the CSV and JSON exports and the comparison all call this, so the
 * same assessment shows the same numbers everywhere.
 */
import type { Answers, Assessment } from '../assessment/types.ts';
import { defaultProfile } from '../profiles/resolve.ts';
import type { WeightProfile } from '../profiles/schema.ts';
import type { Questionnaire } from '../questionnaire/schema.ts';
import type { Grouping } from '../scoring/groups.ts';
import { analyse, type GapAnalysis } from './gaps.ts';
import type { Targets } from './targets.ts';

export interface AssessmentSettings {
  profile: WeightProfile;
  /** The assessment's own targets; pillars it does not name keep the questionnaire's. */
  targets: Targets;
  /** The profile's grouping: the questionnaire's pillars unless it says the five GCI pillars. */
  groupBy: Grouping;
}

export function assessmentSettings(
  assessment: Pick<Assessment, 'weightProfile' | 'targets'>,
  questionnaire: Questionnaire,
  builtInProfiles: readonly WeightProfile[],
): AssessmentSettings {
  const profile = assessment.weightProfile ?? defaultProfile(questionnaire, builtInProfiles);
  return { profile, targets: assessment.targets ?? {}, groupBy: profile.groupBy ?? 'pillar' };
}

/**
 * The gap analysis of an assessment with its own settings, grouped as its profile says unless
 * `groupBy` asks for the other view.
 * @throws WeightError when its weights cannot give a score.
 */
export function analyseAssessment(
  assessment: Pick<Assessment, 'weightProfile' | 'targets'>,
  questionnaire: Questionnaire,
  answers: Answers,
  builtInProfiles: readonly WeightProfile[],
  groupBy?: Grouping,
): GapAnalysis {
  const settings = assessmentSettings(assessment, questionnaire, builtInProfiles);
  return analyse(questionnaire, answers, {
    profile: settings.profile,
    targets: settings.targets,
    groupBy: groupBy ?? settings.groupBy,
  });
}
