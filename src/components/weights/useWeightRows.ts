import { computed, type ComputedRef } from 'vue';
import type { GapAnalysis } from '../../analysis/gaps.ts';
import { defaultTarget } from '../../analysis/targets.ts';
import { useLocalized } from '../../i18n/useLocalized.ts';
import { profileShares, type WeightProfile } from '../../profiles/index.ts';
import type { Questionnaire } from '../../questionnaire/schema.ts';
import type { Grouping } from '../../scoring/groups.ts';
import { useAnalysisStore } from '../../stores/analysis.ts';
import { useAnalysisText } from '../analysis/useAnalysisText.ts';
import type { WeightRow } from './WeightTable.vue';

/**
 * The rows of the weights screen's tables: each pillar's (or GCI pillar's) weight and share with
 * its score and gap, each question's weight within its pillar, and each pillar's target.
 */
export function useWeightRows(
  questionnaire: ComputedRef<Questionnaire | undefined>,
  profile: ComputedRef<WeightProfile | undefined>,
) {
  const analysisStore = useAnalysisStore();
  const localized = useLocalized();
  const { groupTitle, own } = useAnalysisText();

  function rows(grouping: Grouping, analysis: GapAnalysis | undefined): WeightRow[] {
    if (!questionnaire.value || !profile.value) return [];
    const shares = profileShares(questionnaire.value, profile.value, grouping);
    return shares.pillars.map(({ id, weight, share }) => {
      const group = analysis?.groups.find((entry) => entry.pillarId === id);
      return {
        id,
        title: groupTitle(questionnaire.value, grouping, id),
        weight,
        share,
        score: group?.score ?? null,
        gap: group?.gap ?? null,
        rank: group?.rank ?? null,
      };
    });
  }
  const pillarRows = computed(() => rows('pillar', analysisStore.byPillar.value));
  const gciRows = computed(() => rows('gciPillar', analysisStore.byGci.value));

  const questionGroups = computed(() => {
    const q = questionnaire.value;
    if (!q || !profile.value) return [];
    const shares = profileShares(q, profile.value, 'pillar').questions;
    return q.pillars.map((pillar) => ({
      id: pillar.id,
      title: groupTitle(q, 'pillar', pillar.id),
      questions: (shares[pillar.id] ?? []).map(({ id, weight, share }) => {
        const question = pillar.questions.find((entry) => entry.id === id);
        return { id, weight, share, text: question ? localized(question.text, q.defaultLanguage) : own(id) };
      }),
    }));
  });

  const targetRows = computed(() => {
    const q = questionnaire.value;
    if (!q) return [];
    return q.pillars.map((pillar) => {
      const group = analysisStore.byPillar.value?.groups.find((entry) => entry.pillarId === pillar.id);
      return {
        id: pillar.id,
        title: groupTitle(q, 'pillar', pillar.id),
        target: analysisStore.targets[pillar.id] ?? defaultTarget(pillar),
        defaultTarget: defaultTarget(pillar),
        score: group?.score ?? null,
        gap: group?.gap ?? null,
      };
    });
  });

  return { pillarRows, gciRows, questionGroups, targetRows };
}
