import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { useAnalysisStore } from '../../stores/analysis.ts';
import { useAssessmentStore } from '../../stores/assessment.ts';
import { useWeightProfilesStore } from '../../stores/weightProfiles.ts';
import { useAnalysisText } from './useAnalysisText.ts';

/** The option for a profile in use that is not (or no longer) the one in the library. */
const CURRENT = '__current';

/**
 * The list of profiles an assessment can use, and the one in use, for a `<ProfileSelect>`.
 * Choosing another profile while the one in use has unsaved changes asks first.
 */
export function useProfileChoice(onChosen?: () => void) {
  const { t } = useI18n();
  const { profileTitle } = useAnalysisText();
  const assessment = useAssessmentStore();
  const analysis = useAnalysisStore();
  const profiles = useWeightProfilesStore();

  const available = computed(() =>
    assessment.questionnaire ? profiles.forQuestionnaire(assessment.questionnaire.id) : [],
  );
  const unsavedOption = computed(() =>
    analysis.profile && analysis.modified
      ? { value: CURRENT, label: t('analysis.unsaved', { title: profileTitle(analysis.profile) }) }
      : undefined,
  );
  const profileId = computed({
    get: () => (analysis.modified ? CURRENT : (analysis.profile?.id ?? CURRENT)),
    set: (id: string) => {
      const chosen = profiles.find(id);
      if (!chosen) return;
      if (analysis.modified && !window.confirm(t('analysis.confirmReplace'))) return;
      onChosen?.();
      void analysis.chooseProfile(chosen);
    },
  });
  return { available, unsavedOption, profileId };
}
