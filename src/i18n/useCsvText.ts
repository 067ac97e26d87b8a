import type { CsvText } from '../transfer/csv.ts';
import type { CsvConvention } from '../transfer/csvConvention.ts';
import { useResponseWords } from './useResponseText.ts';
import { useLanguage } from './useLanguage.ts';

/** Column names and answer words of CSV exports, in the interface language, for the spreadsheet's `convention`. */
export function useCsvText(defaultLanguage: () => string, convention: () => CsvConvention): () => CsvText {
  const { t, localized } = useLanguage();
  const words = useResponseWords(defaultLanguage);
  const column = (key: string) => t(`transfer.csv.${key}`);
  return () => ({
    columns: {
      pillarId: column('pillarId'),
      pillar: column('pillar'),
      questionId: column('questionId'),
      question: column('question'),
      status: column('status'),
      answer: column('answer'),
      value: column('value'),
      score: column('score'),
      weight: column('weight'),
      share: column('share'),
      target: column('target'),
      gap: column('gap'),
      weightedGap: column('weightedGap'),
      priority: column('priority'),
      rank: column('rank'),
      band: column('band'),
      result: column('result'),
      ceiling: column('ceiling'),
      comment: column('comment'),
      evidence: column('evidence'),
      coverage: column('coverage'),
      answered: column('answered'),
      counted: column('counted'),
      overall: column('overall'),
    },
    words,
    localize: (text) => localized(text, defaultLanguage()).text,
    status: (status) => t(`report.status.${status}`),
    result: (state) => t(`transfer.csv.results.${state}`),
    gciPillar: (id) => t(`gci.${id}`),
    restricted: t('question.evidence.restricted'),
    convention: convention(),
  });
}
