import { onMounted, ref } from 'vue';
import { useFailureText } from '../../i18n/useFailureText.ts';
import { useQuestionnairesStore } from '../../stores/questionnaires.ts';
import { useWeightProfilesStore } from '../../stores/weightProfiles.ts';

/**
 * What an analysis needs beside the assessment, loaded when its screen opens: the built-in
 * profiles (the profile in use may be one) and the clause registry (the plan quotes it). A
 * failure is kept in words for the screen to say.
 */
export function useAnalysisSources() {
  const { failureText } = useFailureText();
  const profiles = useWeightProfilesStore();
  const questionnaires = useQuestionnairesStore();
  const loadError = ref<string>();
  onMounted(async () => {
    try {
      await Promise.all([profiles.ensureLoaded(), questionnaires.ensureClauses()]);
    } catch (error) {
      loadError.value = failureText(error);
    }
  });
  return { loadError };
}
