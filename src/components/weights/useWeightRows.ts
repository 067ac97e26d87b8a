import { computed, type ComputedRef } from 'vue';
import { defaultTarget } from '../../analysis/targets.ts';
import type { ShownText } from '../../i18n/useLocalized.ts';
import { useProblemText } from '../../i18n/useProblemText.ts';
import { profileShares, type WeightProfile } from '../../profiles/index.ts';
import type { Questionnaire } from '../../questionnaire/schema.ts';
import type { Grouping } from '../../scoring/groups.ts';
import { useAnalysisStore } from '../../stores/analysis.ts';
import { useAnalysisText } from '../analysis/useAnalysisText.ts';
import type { FigureTableContent } from './FigureTable.vue';
import { useLanguage } from '../../i18n/useLanguage.ts';

/**
 * The weights screen's tables: each pillar's (or GCI pillar's) weight and share with its score,
 * gap and rank, each question's weight within its pillar, and each pillar's target.
 */
export function useWeightRows(
  questionnaire: ComputedRef<Questionnaire | undefined>,
  profile: ComputedRef<WeightProfile | undefined>,
) {
  const analysisStore = useAnalysisStore();
  const { t, format, localized } = useLanguage();
  const { explain } = useProblemText();
  const { groupTitle, own, gapText } = useAnalysisText();
  const figure = (value: number | null | undefined) => (value == null ? '—' : format.score(value));
  const weightOf = (title: ShownText) => t('weights.weightOf', { name: title.text });
  const weightField = computed(() => ({ min: 0, invalidMessage: t('weights.invalidWeight') }));

  function weightTable(grouping: Grouping): FigureTableContent {
    const { value: analysis, error } = grouping === 'pillar' ? analysisStore.byPillar : analysisStore.byGci;
    const shares =
      questionnaire.value && profile.value
        ? profileShares(questionnaire.value, profile.value, grouping)
        : undefined;
    return {
      columns: [
        { label: t('results.pillar') },
        { label: t('analysis.weight') },
        { label: t('analysis.share') },
        { label: t('results.score'), wide: true },
        { label: t('analysis.gap'), wide: true },
        { label: t('analysis.rank'), wide: true },
      ],
      rows: (shares?.pillars ?? []).map(({ id, weight, share }) => {
        const group = analysis?.groups.find((entry) => entry.pillarId === id);
        const title = groupTitle(questionnaire.value, grouping, id);
        return {
          id,
          title,
          label: weightOf(title),
          value: weight,
          figures: [format.percent(share), figure(group?.score), gapText(group), figure(group?.rank)],
        };
      }),
      field: weightField.value,
      error: error && t('results.weightError', { error: explain(error).text }),
    };
  }
  const pillarTable = computed(() => weightTable('pillar'));
  const gciTable = computed(() => weightTable('gciPillar'));

  /** A table of questions for each pillar. */
  const questionTables = computed(() => {
    const q = questionnaire.value;
    if (!q || !profile.value) return [];
    const shares = profileShares(q, profile.value, 'pillar').questions;
    return q.pillars.map((pillar) => ({
      id: pillar.id,
      title: groupTitle(q, 'pillar', pillar.id),
      table: {
        columns: [
          { label: t('analysis.question') },
          { label: t('analysis.weight') },
          { label: t('analysis.share') },
        ],
        rows: (shares[pillar.id] ?? []).map(({ id, weight, share }) => {
          const question = pillar.questions.find((entry) => entry.id === id);
          const title = question ? localized(question.text, q.defaultLanguage) : own(id);
          return { id, title, label: weightOf(title), value: weight, figures: [format.percent(share)] };
        }),
        field: weightField.value,
      } satisfies FigureTableContent,
    }));
  });

  const targetTable = computed((): FigureTableContent => ({
    columns: [
      { label: t('results.pillar') },
      { label: t('analysis.target') },
      { label: t('weights.defaultTarget'), wide: true },
      { label: t('results.score'), wide: true },
      { label: t('analysis.gap'), wide: true },
    ],
    rows: (questionnaire.value?.pillars ?? []).map((pillar) => {
      const group = analysisStore.byPillar.value?.groups.find((entry) => entry.pillarId === pillar.id);
      const title = groupTitle(questionnaire.value, 'pillar', pillar.id);
      return {
        id: pillar.id,
        title,
        label: t('weights.targetOf', { name: title.text }),
        value: analysisStore.targets[pillar.id] ?? defaultTarget(pillar),
        figures: [figure(defaultTarget(pillar)), figure(group?.score), gapText(group)],
      };
    }),
    field: { min: 0, max: 100, invalidMessage: t('weights.invalidTarget') },
  }));

  return { pillarTable, gciTable, questionTables, targetTable };
}
