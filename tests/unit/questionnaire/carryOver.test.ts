import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/assessment/types.ts';
import {
  carryAnswers,
  carryOverFor,
  checkCarryOver,
  describeEarlier,
} from '../../../src/questionnaire/carryOver.ts';
import type { CarryOver, Questionnaire } from '../../../src/questionnaire/schema.ts';
import { dontKnow, pillar, question, questionnaire, value } from '../builders.ts';

const AT = '2026-01-01T00:00:00.000Z';
const text = (en: string) => ({ en, ru: `${en} (ru)` });

const answer = (questionId: string, response?: Answer['response'], extra: Partial<Answer> = {}): Answer => ({
  questionId,
  ...(response ? { response } : {}),
  updatedAt: AT,
  ...extra,
});

const rules: CarryOver = {
  from: '1.0.0',
  questions: [
    { id: 'kept', carry: 'same' },
    { id: 'reworded', carry: 'same', check: text('The levels were reworded.') },
    {
      id: 'laws',
      carry: 'map',
      text: text('Which subjects are covered by law?'),
      type: 'multipleChoice',
      options: ['crime', 'data', 'none'].map((id) => ({ id, label: text(id) })),
      rules: [
        { when: { includes: 'crime' }, to: 'law-crime', value: 'yes' },
        { when: { includes: 'data' }, to: 'law-data', value: 'yes' },
      ],
      note: text('One question per subject now.'),
    },
    {
      id: 'plan',
      carry: 'map',
      text: text('How is the strategy carried out?'),
      type: 'maturity',
      levels: 6,
      rules: [
        { when: { in: [0, 1] }, to: 'action-plan', value: 0 },
        { when: { equals: 5 }, to: 'action-plan', value: 4 },
        { when: { equals: 5 }, to: 'kept', value: 'no' },
      ],
    },
    {
      id: 'dropped',
      carry: 'none',
      text: text('An old figure'),
      type: 'number',
      note: text('Asked differently now.'),
    },
  ],
};

const current: Questionnaire = questionnaire(
  [
    pillar('p', [
      question({ id: 'kept', type: 'yesPartlyNo' }),
      question({ id: 'reworded', type: 'maturity' }),
      question({ id: 'law-crime', type: 'yesPartlyNo' }),
      question({ id: 'law-data', type: 'yesPartlyNo' }),
      question({ id: 'action-plan', type: 'maturity' }),
    ]),
  ],
  { version: '2.0.0', carryOver: [rules] },
);

describe('carrying answers over to a new version', () => {
  it('carries unchanged questions as they are, and lists those whose wording changed for a check', () => {
    const { answers, report } = carryAnswers(current, '1.0.0', [
      answer('kept', value('partly'), { comment: 'a decree is pending' }),
      answer('reworded', value(3)),
    ]);
    expect(answers).toEqual([
      answer('kept', value('partly'), { comment: 'a decree is pending' }),
      answer('reworded', value(3)),
    ]);
    expect(report).toMatchObject({ from: '1.0.0', to: '2.0.0', carried: ['kept'], check: ['reworded'] });
  });

  it('maps a split question onto the questions its answer settles, keeping comment and evidence', () => {
    const evidence = [{ id: 'e1', reference: 'Penal code, art. 12', access: 'public' as const }];
    const old = answer('laws', value(['crime']), { comment: 'since 2019', evidence });
    const { answers, report } = carryAnswers(current, '1.0.0', [old]);
    expect(answers).toEqual([answer('law-crime', value('yes'), { comment: 'since 2019', evidence })]);
    expect(report.mapped).toEqual([{ answer: old, to: ['law-crime'] }]);
    expect(report.listed).toEqual([]);
  });

  it('lists an answer that settles nothing, and one whose question is not carried, keeping them whole', () => {
    const unsettled = answer('plan', value(3), { comment: 'funded in 2024' });
    const dropped = answer('dropped', value(12));
    const { answers, report } = carryAnswers(current, '1.0.0', [unsettled, dropped]);
    expect(answers).toEqual([]);
    expect(report.listed).toEqual([unsettled, dropped]);
  });

  it('never lets a mapped answer replace one carried as it was', () => {
    const { answers, report } = carryAnswers(current, '1.0.0', [
      answer('plan', value(5)),
      answer('kept', value('yes')),
    ]);
    expect(answers).toEqual([answer('kept', value('yes')), answer('action-plan', value(4))]);
    expect(report.mapped).toEqual([{ answer: answer('plan', value(5)), to: ['action-plan'] }]);
  });

  it('lists a "don\'t know" given to a split question instead of guessing its parts', () => {
    const { answers, report } = carryAnswers(current, '1.0.0', [answer('laws', dontKnow)]);
    expect(answers).toEqual([]);
    expect(report.listed).toEqual([answer('laws', dontKnow)]);
  });

  it('drops an unanswered question with nothing in it rather than listing it', () => {
    const { report } = carryAnswers(current, '1.0.0', [answer('dropped')]);
    expect(report.listed).toEqual([]);
  });

  it('without rules for a version, carries what still fits by id and lists the rest', () => {
    const minor = { ...current, carryOver: undefined };
    const { answers, report } = carryAnswers(minor, '1.9.0', [
      answer('kept', value('yes')),
      answer('reworded', value(9)),
      answer('gone', value('no')),
    ]);
    expect(answers).toEqual([answer('kept', value('yes'))]);
    expect(report.listed.map((listed) => listed.questionId)).toEqual(['reworded', 'gone']);
  });

  it('picks the latest set of rules that the earlier version reaches', () => {
    const later: CarryOver = { from: '1.5.0', questions: [{ id: 'kept', carry: 'same' }] };
    const two = { ...current, carryOver: [rules, later] };
    expect(carryOverFor(two, '1.2.0')).toBe(rules);
    expect(carryOverFor(two, '1.5.1')).toBe(later);
    expect(carryOverFor(two, '2.0.0')).toBeUndefined();
    expect(carryOverFor(two, '0.9.0')).toBeUndefined();
  });
});

describe('the rules of a carry-over section', () => {
  const problems = (carryOver: CarryOver[]) => {
    const found: string[] = [];
    checkCarryOver({ ...current, carryOver }, (path, message) => found.push(`${path.join('.')}: ${message}`));
    return found;
  };

  it('accepts a consistent section', () => {
    expect(problems([rules])).toEqual([]);
  });

  it('refuses rules that cannot work, saying where and why', () => {
    expect(
      problems([
        {
          from: '2.0.0',
          questions: [
            { id: 'missing', carry: 'same' },
            {
              id: 'laws',
              carry: 'map',
              text: text('Laws'),
              type: 'multipleChoice',
              options: [{ id: 'crime', label: text('crime') }],
              rules: [
                { when: { includes: 'tax' }, to: 'law-crime', value: 'maybe' },
                { when: { equals: 'crime' }, to: 'nowhere', value: 'yes' },
              ],
            },
            { id: 'missing', carry: 'none', text: text('Twice'), type: 'yesNo' },
          ],
        },
      ]),
    ).toEqual([
      'carryOver.0.from: expected a version before 2.0.0, found 2.0.0',
      'carryOver.0.questions.0.id: "missing" is carried as it is, but this version has no such question',
      'carryOver.0.questions.1.rules.0.value: "law-crime" does not accept "maybe"',
      'carryOver.0.questions.1.rules.0.when: "laws" could be "crime"; found "tax"',
      'carryOver.0.questions.1.rules.1.to: "nowhere" is not a question of this version',
      'carryOver.0.questions.2.id: question "missing" is listed twice',
    ]);
  });

  it('asks for the earlier options of a choice question and sets in ascending order', () => {
    expect(
      problems([
        rules,
        {
          from: '0.5.0',
          questions: [
            {
              id: 'plan',
              carry: 'map',
              text: text('Plan'),
              type: 'maturity',
              rules: [{ when: { equals: 1 }, to: 'action-plan', value: 1 }],
            },
          ],
        },
      ]),
    ).toEqual([
      'carryOver.1.from: expected sets in ascending order of "from": 0.5.0 follows 1.0.0',
      'carryOver.1.questions.0.levels: an earlier maturity question needs its "levels" for its rules to be checked',
    ]);
  });
});

describe('an earlier answer in words', () => {
  const laws = rules.questions[2];
  const plan = rules.questions[3];
  const dropped = rules.questions[4];

  it('uses what the rules keep of the earlier question', () => {
    expect(describeEarlier(laws, value(['crime', 'data']))).toEqual({
      kind: 'options',
      labels: [text('crime'), text('data')],
    });
    expect(describeEarlier(plan, value(3))).toEqual({ kind: 'level', level: 3, shown: 3 });
    expect(describeEarlier(dropped, value(12))).toEqual({
      kind: 'figure',
      value: 12,
      unit: undefined,
      percent: false,
    });
    expect(describeEarlier(undefined, dontKnow)).toEqual({ kind: 'dontKnow' });
    expect(describeEarlier(undefined, undefined)).toEqual({ kind: 'unanswered' });
  });
});
