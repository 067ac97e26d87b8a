import { useI18n } from 'vue-i18n';
import type { GapAnalysis } from '../../analysis/gaps.ts';
import { useLocalized } from '../../i18n/useLocalized.ts';
import type { Band, WeightProfile } from '../../profiles/schema.ts';
import type { LocalizedText, Questionnaire } from '../../questionnaire/schema.ts';
import type { Grouping } from '../../scoring/groups.ts';

/** Profiles and bands carry text in the languages their authors wrote; English is the usual common one. */
const PROFILE_FALLBACK_LANGUAGE = 'en';

/** Names of pillars, profiles and bands in the reader's language, for the analysis screens. */
export function useAnalysisText() {
  const { t } = useI18n();
  const localized = useLocalized();

  const text = (value: LocalizedText) => localized(value, PROFILE_FALLBACK_LANGUAGE).text;

  /** A questionnaire pillar's title, or a GCI pillar's name. */
  function groupTitle(questionnaire: Questionnaire | undefined, groupBy: Grouping, id: string): string {
    if (groupBy === 'gciPillar') return t(`gci.${id}`);
    const pillar = questionnaire?.pillars.find((entry) => entry.id === id);
    return pillar ? localized(pillar.title, questionnaire?.defaultLanguage ?? 'en').text : id;
  }

  /** The title of each group of an analysis, by id. */
  function groupTitles(questionnaire: Questionnaire | undefined, analysis: GapAnalysis | undefined) {
    return Object.fromEntries(
      (analysis?.groups ?? []).map((group) => [
        group.pillarId,
        groupTitle(questionnaire, analysis?.groupBy ?? 'pillar', group.pillarId),
      ]),
    );
  }

  const profileTitle = (profile: WeightProfile) => text(profile.title);
  const bandLabel = (band: Band | undefined) => (band ? text(band.label) : '—');

  return { text, groupTitle, groupTitles, profileTitle, bandLabel };
}
