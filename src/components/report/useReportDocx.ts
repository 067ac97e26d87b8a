import { ref } from 'vue';
import { responseText } from '../../assessment/describe.ts';
import { useClauseLabel } from '../../i18n/useClauseLabel.ts';
import type { ShownText } from '../../i18n/useLocalized.ts';
import { useResponseWords } from '../../i18n/useResponseText.ts';
import { languageDirection } from '../../language/index.ts';
import type { OptionalSection, Paper } from '../../report/choices.ts';
import type { DocxTableText, DocxWords } from '../../report/docx.ts';
import type { CitationIndex } from '../../questionnaire/citations.ts';
import type { Report } from '../../report/index.ts';
import { fileName } from '../../transfer/export.ts';
import { useAnalysisText } from '../analysis/useAnalysisText.ts';
import { saveBlob } from '../transfer/saveFile.ts';
import { useFailureText } from '../../i18n/useFailureText.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';

export interface DocxChoice {
  /** The clause registry, to name the clauses written text cites by id. */
  clauses: CitationIndex;
  sections: ReadonlySet<OptionalSection>;
  paper: Paper;
  titles: Record<string, ShownText>;
  otherTitles: Record<string, ShownText>;
  basedOn?: ShownText;
  /** Who answered which parts, on a linked device (see ReportContributors.vue). */
  contributors?: DocxTableText;
}

/**
 * The editable report: the words of the screen handed to the DOCX builder, which is loaded
 * (with the `docx` library) only when the person asks for the file.
 */
export function useReportDocx() {
  const { t, locale, format, localized } = useLanguage();
  const { failureText } = useFailureText();
  const analysisText = useAnalysisText();
  const { clauseLabel, withClauseNames } = useClauseLabel();
  let clauses: CitationIndex = new Map();
  let language = 'en';
  const responseWords = useResponseWords(() => language);
  const busy = ref(false);
  const error = ref('');

  function words(report: Report, choice: DocxChoice): DocxWords {
    const percent = (value: number | null) => (value === null ? '—' : format.percent(value));
    return {
      t: (key, params) => (params ? t(key, params) : t(key)),
      score: analysisText.scoreText,
      gap: analysisText.gapText,
      gapPoints: analysisText.gapPoints,
      whole: format.score,
      percent,
      decimal: format.decimal,
      date: (iso) => format.date(new Date(iso)),
      dateTime: format.dateTime,
      content: (text) => localized(text, report.defaultLanguage).text,
      profile: (text) => withClauseNames(analysisText.text(text), clauses),
      group: (id) => choice.titles[id]?.text ?? id,
      otherGroup: (id) => choice.otherTitles[id]?.text ?? id,
      band: analysisText.bandLabel,
      answer: (description) => responseText(description, responseWords),
      clause: clauseLabel,
      document: (citation) =>
        citation.document && localized(citation.document.title, citation.document.defaultLanguage).text,
      rtl: languageDirection(locale.value) === 'rtl',
    };
  }

  async function save(report: Report, choice: DocxChoice): Promise<void> {
    busy.value = true;
    error.value = '';
    try {
      language = report.defaultLanguage;
      clauses = choice.clauses;
      const { reportDocx } = await import('../../report/docx.ts');
      const blob = await reportDocx(report, words(report, choice), {
        sections: choice.sections,
        paper: choice.paper,
        ...(choice.basedOn ? { basedOn: choice.basedOn.text } : {}),
        ...(choice.contributors ? { contributors: choice.contributors } : {}),
      });
      saveBlob(fileName(report.cover.name, 'report', 'docx', new Date()), blob);
    } catch (failure) {
      error.value = failureText(failure);
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, save };
}
