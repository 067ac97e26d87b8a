import type { GapAnalysis } from '../../analysis/gaps.ts';
import { shownShortfall, type GapFigures } from '../../analysis/shown.ts';
import { shownAs, type ShownText } from '../../i18n/useLocalized.ts';
import type { Band, WeightProfile } from '../../profiles/schema.ts';
import { findPillar } from '../../questionnaire/lookup.ts';
import type { LocalizedText, Questionnaire } from '../../questionnaire/schema.ts';
import type { Grouping } from '../../scoring/groups.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';

/** Profiles and bands carry text in the languages their authors wrote; English is the usual common one. */
const PROFILE_FALLBACK_LANGUAGE = 'en';

/** Names of pillars, profiles and bands in the reader's language, for the analysis screens. */
export function useAnalysisText() {
  const { t, locale, format, localized } = useLanguage();

  /** Profile and band text, tagged with the language it is in. */
  const shown = (value: LocalizedText) => localized(value, PROFILE_FALLBACK_LANGUAGE);
  const text = (value: LocalizedText) => shown(value).text;

  /** Interface text, in the interface language. */
  const own = (value: string): ShownText => shownAs(value, locale.value);

  /** A questionnaire pillar's title, or a GCI pillar's name. */
  function groupTitle(questionnaire: Questionnaire | undefined, groupBy: Grouping, id: string): ShownText {
    if (groupBy === 'gciPillar') return own(t(`gci.${id}`));
    const pillar = findPillar(questionnaire, id);
    return pillar ? localized(pillar.title, questionnaire?.defaultLanguage ?? 'en') : own(id);
  }

  /** The title of each group of an analysis, by id. */
  function groupTitles(
    questionnaire: Questionnaire | undefined,
    analysis: GapAnalysis | undefined,
  ): Record<string, ShownText> {
    return Object.fromEntries(
      (analysis?.groups ?? []).map((group) => [
        group.pillarId,
        groupTitle(questionnaire, analysis?.groupBy ?? 'pillar', group.pillarId),
      ]),
    );
  }

  /** A 0–100 score, or "not scored" where nothing counted. */
  const scoreText = (score: number | null) => (score === null ? t('results.notScored') : format.score(score));
  /**
   * A gap in points as the reader can check it beside its score and target (`shownShortfall`), never
   * below 0: a pillar a fraction of a point short shows 0 while its score and target read the same.
   */
  const gapPoints = (figures: GapFigures) => format.score(shownShortfall(figures) ?? 0);
  /** A gap in points, "met" once the target is reached, a dash where there is none. */
  const gapText = (figures: (GapFigures & { gap: number | null }) | undefined) =>
    !figures || figures.gap === null ? '—' : figures.gap <= 0 ? t('analysis.met') : gapPoints(figures);

  const profileTitle = (profile: WeightProfile) => text(profile.title);
  const bandLabel = (band: Band | undefined) => (band ? text(band.label) : '—');
  const bandShown = (band: Band | undefined) => (band ? shown(band.label) : own('—'));

  return {
    text,
    shown,
    own,
    groupTitle,
    groupTitles,
    profileTitle,
    bandLabel,
    bandShown,
    scoreText,
    gapPoints,
    gapText,
  };
}
