import { useI18n } from 'vue-i18n';
import type { Citation, CitationIndex } from '../questionnaire/citations.ts';
import { useLocalized } from './useLocalized.ts';

/** What a clause id looks like inside written text: `R130/recognizing/workforce-shortage`. */
const CLAUSE_ID = /[A-Za-z0-9][A-Za-z0-9-]*\/[a-z0-9-]+(?:\/[a-z0-9-]+)?/g;

/**
 * A clause as a reader finds it in its document: "resolves 9", "considering ok)", "instructs
 * the Director of BDT 2 bis", from the part of the resolution its id names and the mark the
 * document prints; never the id, which is for the questionnaire's authors. A reference of the
 * questionnaire's own has its title as its name, so it needs no label (`undefined`).
 */
export function useClauseLabel() {
  const i18n = useI18n();
  const { t } = i18n;
  const localized = useLocalized(i18n.locale);

  function clauseLabel(citation: Citation): string | undefined {
    if (!citation.mark) return citation.document ? undefined : citation.id;
    const [, part, slug] = citation.id.split('/');
    const section = citation.section ?? (slug === undefined ? undefined : part);
    // The registry's marks of seed documents begin with the seed's number, which names a working file, not a text.
    const mark = citation.mark.replace(/^seed \d+,\s*/, '');
    const key = `clauses.section.${section}`;
    return section && i18n.te(key) ? `${t(key)} ${mark}` : mark;
  }

  /** The clause with its document: "ITU Plenipotentiary Resolution 130 (…), recognizing l bis". */
  function clauseName(citation: Citation): string {
    const label = clauseLabel(citation);
    const document =
      citation.document && localized(citation.document.title, citation.document.defaultLanguage).text;
    return [document, label].filter(Boolean).join(', ') || citation.id;
  }

  /**
   * Written text (a profile's rationale) with the clause ids its author cited replaced by the
   * clauses' names, for a reader who does not know the ids.
   */
  function withClauseNames(text: string, citations: CitationIndex): string {
    return text.replace(CLAUSE_ID, (id) => {
      const citation = citations.get(id);
      return citation ? clauseName(citation) : id;
    });
  }

  return { clauseLabel, clauseName, withClauseNames };
}
