import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { toExpression, toSurveyModel } from '../../../scripts/bench/surveyjs/toSurveyModel.ts';
import { loadBuiltInQuestionnaire } from '../../../scripts/lib/questionnaires.ts';

describe('toExpression', () => {
  it('writes each kind of condition as a SurveyJS expression, with dots in names as underscores', () => {
    expect(toExpression({ question: 'a.b', equals: 'yes' })).toBe("{a_b} = 'yes'");
    expect(toExpression({ question: 'a', in: ['yes', 2] })).toBe("{a} anyof ['yes', 2]");
    expect(toExpression({ question: 'a', atLeast: 3 })).toBe('{a} >= 3');
    expect(toExpression({ question: 'a', includes: 'x' })).toBe("{a} contains 'x'");
    expect(
      toExpression({ all: [{ question: 'a', equals: 1 }, { any: [{ question: 'b', equals: 2 }] }] }),
    ).toBe('({a} = 1) and (({b} = 2))');
  });
});

describe('toSurveyModel', () => {
  const questionnaire = loadBuiltInQuestionnaire('resolution-130');
  const model = toSurveyModel(questionnaire);

  it('keeps every pillar as a page and every question, in order, in both languages', () => {
    expect(model.pages.map((page) => page.title.default)).toEqual(
      questionnaire.pillars.map((pillar) => pillar.title.en),
    );
    const elements = model.pages.flatMap((page) => page.elements);
    expect(elements).toHaveLength(106);
    expect(elements[0]).toMatchObject({
      name: 'strategy_exists',
      type: 'radiogroup',
      title: { default: questionnaire.pillars[0]!.questions[0]!.text.en, ru: expect.any(String) as string },
    });
  });

  it('gives SurveyJS a model whose conditions show and hide the same questions', () => {
    const survey = new Model(model);
    const scope = () => survey.getQuestionByName('strategy_scope').isVisible;
    expect(survey.getAllQuestions()).toHaveLength(106);
    survey.setValue('strategy_exists', 'no');
    expect(scope()).toBe(false);
    survey.setValue('strategy_exists', 'partly');
    expect(scope()).toBe(true);
  });
});
