import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import {
  actionPlan,
  analyse,
  assessmentSettings,
  compareAnalyses,
  pillarTargets,
  validTarget,
  type GapAnalysis,
  type Sensitivity,
} from '../analysis/index.ts';
import type { Assessment } from '../assessment/types.ts';
import { newId } from '../assessment/ids.ts';
import { deriveProfile, sameProfile, type WeightProfile } from '../profiles/index.ts';
import type { Grouping } from '../scoring/groups.ts';
import { WeightError } from '../scoring/weights.ts';
import type { Explained } from '../validation/messages.ts';
import type { Parsed } from '../validation/parse.ts';
import { useAssessmentStore } from './assessment.ts';
import { useWeightProfilesStore } from './weightProfiles.ts';

/** A result, or why the weights cannot give one (WeightError: a code the screen translates). */
type Scored<T> = { value?: T; error?: Explained };

/** Title and rationale of a copy, in the reader's language (the store has no interface text). */
export type CopyText = (base: WeightProfile) => Pick<WeightProfile, 'title' | 'rationale'>;

function copyOf(base: WeightProfile, copyText: CopyText): WeightProfile {
  return deriveProfile(base, { id: `custom-${newId()}`, ...copyText(base) });
}

/**
 * Weights, targets and the gap analysis of the open assessment. Targets and the weight profile
 * belong to the assessment and are saved with it at once; the grouping (the assessment's
 * pillars or the five GCI pillars) and the profile to compare with are choices of the screen.
 */
export const useAnalysisStore = defineStore('analysis', () => {
  const assessments = useAssessmentStore();
  const profiles = useWeightProfilesStore();

  const chosenGrouping = ref<Grouping>();
  const compareWithId = ref<string>();
  /** Why the last save failed, for the screen to say (`useFailureText`); undefined after a save. */
  const saveError = shallowRef<unknown>();

  // The grouping and the comparison are chosen per visit to an assessment.
  watch(
    () => assessments.assessment?.id,
    () => {
      chosenGrouping.value = undefined;
      compareWithId.value = undefined;
    },
  );

  const settings = computed(() =>
    assessments.questionnaire && assessments.assessment
      ? assessmentSettings(assessments.assessment, assessments.questionnaire, profiles.builtIn)
      : undefined,
  );
  const profile = computed((): WeightProfile | undefined => settings.value?.profile);
  const groupBy = computed<Grouping>(() => chosenGrouping.value ?? profile.value?.groupBy ?? 'pillar');
  const targets = computed(() =>
    assessments.questionnaire
      ? pillarTargets(assessments.questionnaire, assessments.assessment?.targets)
      : {},
  );

  function analysisWith(chosen: WeightProfile | undefined, grouping = groupBy.value): Scored<GapAnalysis> {
    const questionnaire = assessments.questionnaire;
    if (!questionnaire || !chosen) return {};
    try {
      const options = { profile: chosen, targets: settings.value?.targets, groupBy: grouping };
      return { value: analyse(questionnaire, assessments.answers, options) };
    } catch (error) {
      if (error instanceof WeightError) return { error };
      throw error;
    }
  }

  const analysis = computed(() => analysisWith(profile.value));
  /** The same, by the questionnaire's pillars and by the GCI pillars, whatever the screen shows. */
  const byPillar = computed(() => analysisWith(profile.value, 'pillar'));
  const byGci = computed(() => analysisWith(profile.value, 'gciPillar'));
  const plan = computed(() =>
    analysis.value.value && assessments.questionnaire
      ? actionPlan(analysis.value.value, assessments.questionnaire)
      : [],
  );

  const compareWith = computed(() => (compareWithId.value ? profiles.find(compareWithId.value) : undefined));
  const comparison = computed((): Scored<Sensitivity> & { other?: GapAnalysis } => {
    const own = analysis.value.value;
    if (!own || !compareWith.value) return {};
    const other = analysisWith(compareWith.value);
    if (!other.value) return { error: other.error };
    return { value: compareAnalyses(own, other.value), other: other.value };
  });

  /** Applies a change to the open assessment now, and saves it; a failed save is reported, not lost. */
  async function change(update: (assessment: Assessment) => Assessment): Promise<void> {
    try {
      await assessments.changeAssessment(update);
      saveError.value = undefined;
    } catch (error) {
      saveError.value = error;
    }
  }

  /** Sets one pillar's target; a value that is not a number from 0 to 100 is ignored. */
  function setTarget(pillarId: string, value: number): Promise<void> {
    const target = validTarget(value);
    if (target === undefined) return Promise.resolve();
    return change((assessment) => ({
      ...assessment,
      targets: { ...assessment.targets, [pillarId]: target },
    }));
  }

  function resetTargets(): Promise<void> {
    return change(({ targets: _, ...assessment }) => assessment);
  }

  function useProfile(chosen: WeightProfile): Promise<void> {
    return change((assessment) => ({ ...assessment, weightProfile: chosen }));
  }

  /** Chooses a profile from the list: its own grouping applies until another is chosen. */
  function chooseProfile(chosen: WeightProfile): Promise<void> {
    chosenGrouping.value = undefined;
    return useProfile(chosen);
  }

  /** The saved or built-in version of the profile in use, if there is one. */
  const libraryVersion = computed(() => (profile.value ? profiles.find(profile.value.id) : undefined));
  /** The profile in use differs from any saved version of it (or was never saved). */
  const modified = computed(
    () => !!profile.value && (!libraryVersion.value || !sameProfile(libraryVersion.value, profile.value)),
  );

  /**
   * Changes the profile in use. A built-in profile is never changed: the first edit makes a
   * copy of it, with its own id and the title and rationale given.
   */
  function editProfile(edit: (current: WeightProfile) => WeightProfile, copyText: CopyText): Promise<void> {
    const current = profile.value;
    if (!current) return Promise.resolve();
    const editable = profiles.isBuiltIn(current.id) ? copyOf(current, copyText) : current;
    return useProfile(edit(editable));
  }

  function copyProfile(copyText: CopyText): Promise<void> {
    return profile.value ? useProfile(copyOf(profile.value, copyText)) : Promise.resolve();
  }

  /** Back to the saved version of the profile in use, or to the profile it was made from. */
  function resetProfile(): Promise<void> {
    const current = profile.value;
    const saved = libraryVersion.value ?? (current?.basedOn ? profiles.find(current.basedOn) : undefined);
    return saved ? useProfile(saved) : Promise.resolve();
  }

  /** Saves the profile in use to the device's library; problems are returned, nothing invalid is stored. */
  async function saveProfile(): Promise<Parsed<WeightProfile> | undefined> {
    if (!profile.value) return undefined;
    const result = await profiles.save(profile.value);
    if (result.ok) await useProfile(result.value);
    return result;
  }

  function setGrouping(value: Grouping): void {
    chosenGrouping.value = value;
  }

  function setCompareWith(id: string | undefined): void {
    compareWithId.value = id;
  }

  return {
    profile,
    groupBy,
    targets,
    analysis,
    byPillar,
    byGci,
    plan,
    compareWithId,
    compareWith,
    comparison,
    saveError,
    setTarget,
    resetTargets,
    useProfile,
    chooseProfile,
    libraryVersion,
    modified,
    editProfile,
    copyProfile,
    resetProfile,
    saveProfile,
    setGrouping,
    setCompareWith,
  };
});
