import type { Answer, AnswerValue } from '../../assessment/types.ts';
import type { CitationIndex } from '../../questionnaire/citations.ts';
import type { Question } from '../../questionnaire/schema.ts';

/**
 * What every answer control is given (see `CONTROLS`): the question, its value, the heading
 * that names it, and the questionnaire's language for its own texts. Each emits `change`.
 */
export interface ControlProps<Q extends Question = Question> {
  question: Q;
  value: AnswerValue | undefined;
  labelledBy: string;
  defaultLanguage: string;
}

/** What a question's card is given; `AssessmentQuestion` passes the same on. */
export interface QuestionCardProps {
  question: Question;
  answer: Answer | undefined;
  number: number;
  count: number;
  defaultLanguage: string;
  /** The registry's clauses and the questionnaire's references (`citationIndex`). */
  citations: CitationIndex;
}
