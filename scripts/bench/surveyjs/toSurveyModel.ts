/**
 * A Baseline questionnaire as a SurveyJS JSON model, for the side-by-side benchmark only: each
 * pillar becomes a page, each question the SurveyJS question a developer would pick for it,
 * `showIf` becomes `visibleIf`. Texts keep every language (`{ default, ru, … }`), as Baseline
 * ships them. Scoring, sources and actions have no SurveyJS equivalent and are left out.
 */
import type { Condition, LocalizedText, Question, Questionnaire } from '../../../src/questionnaire/schema.ts';

type SurveyText = Record<string, string>;
export interface SurveyElement {
  type: 'radiogroup' | 'checkbox' | 'text' | 'comment';
  name: string;
  title: SurveyText;
  description?: SurveyText;
  choices?: { value: string | number; text: SurveyText }[];
  inputType?: 'number';
  min?: number;
  max?: number;
  visibleIf?: string;
}
export interface SurveyModel {
  title: SurveyText;
  pages: { name: string; title: SurveyText; elements: SurveyElement[] }[];
}

/** SurveyJS reads a dot in a `{name}` as a path into an object, so names use `_` instead. */
const nameOf = (id: string) => id.replaceAll('.', '_');

function text(localized: LocalizedText, defaultLanguage: string): SurveyText {
  const { [defaultLanguage]: main, ...others } = localized;
  return main === undefined ? { ...others } : { default: main, ...others };
}

const literal = (value: string | number) => (typeof value === 'number' ? String(value) : `'${value}'`);

export function toExpression(condition: Condition): string {
  if ('all' in condition) return condition.all.map((c) => `(${toExpression(c)})`).join(' and ');
  if ('any' in condition) return condition.any.map((c) => `(${toExpression(c)})`).join(' or ');
  if ('not' in condition) return `!(${toExpression(condition.not)})`;
  const name = `{${nameOf(condition.question)}}`;
  if ('equals' in condition) return `${name} = ${literal(condition.equals)}`;
  if ('in' in condition) return `${name} anyof [${condition.in.map(literal).join(', ')}]`;
  if ('notIn' in condition) return `${name} noneof [${condition.notIn.map(literal).join(', ')}]`;
  if ('atLeast' in condition) return `${name} >= ${condition.atLeast}`;
  if ('atMost' in condition) return `${name} <= ${condition.atMost}`;
  return `${name} contains ${literal(condition.includes)}`;
}

/** Baseline's labels for the fixed answers (its interface texts), in the model's two languages. */
const FIXED_LABELS = {
  yes: { default: 'Yes', ru: 'Да' },
  partly: { default: 'Partly', ru: 'Частично' },
  no: { default: 'No', ru: 'Нет' },
} as const;

function element(question: Question, language: string): SurveyElement {
  const t = (localized: LocalizedText) => text(localized, language);
  const fixed = (ids: (keyof typeof FIXED_LABELS)[]) =>
    ids.map((id) => ({ value: id, text: { ...FIXED_LABELS[id] } }));
  const base = {
    name: nameOf(question.id),
    title: t(question.text),
    ...(question.help && { description: t(question.help) }),
    ...(question.showIf && { visibleIf: toExpression(question.showIf) }),
  };
  switch (question.type) {
    case 'yesNo':
      return { ...base, type: 'radiogroup', choices: fixed(['yes', 'no']) };
    case 'yesPartlyNo':
      return { ...base, type: 'radiogroup', choices: fixed(['yes', 'partly', 'no']) };
    case 'maturity':
      return {
        ...base,
        type: 'radiogroup',
        choices: question.levels.map((level, index) => ({ value: index, text: t(level) })),
      };
    case 'singleChoice':
    case 'multipleChoice':
      return {
        ...base,
        type: question.type === 'singleChoice' ? 'radiogroup' : 'checkbox',
        choices: question.options.map((option) => ({ value: option.id, text: t(option.label) })),
      };
    case 'number':
      return { ...base, type: 'text', inputType: 'number' };
    case 'percentage':
      return { ...base, type: 'text', inputType: 'number', min: 0, max: 100 };
    case 'text':
      return { ...base, type: 'comment' };
  }
}

export function toSurveyModel(questionnaire: Questionnaire): SurveyModel {
  const language = questionnaire.defaultLanguage;
  return {
    title: text(questionnaire.title, language),
    pages: questionnaire.pillars.map((pillar) => ({
      name: nameOf(pillar.id),
      title: text(pillar.title, language),
      elements: pillar.questions.map((question) => element(question, language)),
    })),
  };
}
