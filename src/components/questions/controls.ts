import type { Component } from 'vue';
import type { Question } from '../../questionnaire/schema.ts';
import ChoiceControl from './ChoiceControl.vue';
import FigureControl from './FigureControl.vue';
import MultipleChoiceControl from './MultipleChoiceControl.vue';
import TextControl from './TextControl.vue';

/**
 * The control for each answer type. They share one interface (question, value, labelledBy,
 * defaultLanguage → `change`); `typing` marks controls whose changes are saved after a pause.
 * Drawn by `AnswerControl`, on the answering screen and in the workshop consensus.
 */
export const CONTROLS: Record<Question['type'], { component: Component; typing: boolean }> = {
  yesNo: { component: ChoiceControl, typing: false },
  yesPartlyNo: { component: ChoiceControl, typing: false },
  singleChoice: { component: ChoiceControl, typing: false },
  maturity: { component: ChoiceControl, typing: false },
  multipleChoice: { component: MultipleChoiceControl, typing: false },
  number: { component: FigureControl, typing: true },
  percentage: { component: FigureControl, typing: true },
  text: { component: TextControl, typing: true },
};
