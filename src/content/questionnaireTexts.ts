/** Where a questionnaire's texts are (see `split.ts`), apart from `texts.ts`: see the store's loader. */
import type { Questionnaire } from '../questionnaire/schema.ts';
import { localizedTexts } from '../questionnaire/walk.ts';
import type { TextSlots } from './split.ts';

export const questionnaireTexts: TextSlots<Questionnaire> = (questionnaire) =>
  localizedTexts(questionnaire).map(({ text }) => text);
