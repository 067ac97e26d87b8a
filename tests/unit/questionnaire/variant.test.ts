import { describe, expect, it } from 'vitest';
import { loadBuiltInQuestionnaire, loadClauseIds } from '../../../scripts/lib/questionnaires.ts';
import { validateQuestionnaire } from '../../../src/questionnaire/validate.ts';
import { conditionQuestions } from '../../../src/questionnaire/conditions.ts';
import { makeVariant, withGates } from '../../../src/questionnaire/variant.ts';
import { questionsInOrder } from '../../../src/questionnaire/walk.ts';

const full = loadBuiltInQuestionnaire('resolution-130');
const clauses = loadClauseIds();
const ids = (questionnaire = full) => questionsInOrder(questionnaire).map(({ question }) => question.id);
const question = (id: string) => questionsInOrder(full).find((entry) => entry.question.id === id)!.question;

/** A question of the full questionnaire whose condition names another question. */
const gated = questionsInOrder(full).find(({ question: q }) => q.showIf && 'question' in q.showIf)!.question;

describe('a variant made in the app', () => {
  it('keeps the picked questions unchanged, in the full questionnaire’s order, with basedOn', () => {
    const picked = [ids()[5]!, ids()[0]!, ids().at(-1)!].filter((id) => !question(id).showIf);
    const { questionnaire } = makeVariant(full, {
      id: 'my-workshop',
      title: 'My workshop',
      questions: picked,
    });
    expect(questionnaire.basedOn).toBe('resolution-130');
    expect(questionnaire.version).toBe('1.0.0');
    expect(questionnaire.catalog).toBeUndefined();
    expect(questionnaire.carryOver).toBeUndefined();
    expect(ids(questionnaire)).toEqual(ids().filter((id) => picked.includes(id)));
    for (const id of ids(questionnaire))
      expect(questionsInOrder(questionnaire).find((e) => e.question.id === id)!.question).toEqual(
        question(id),
      );
    expect(questionnaire.title).toEqual(Object.fromEntries(full.languages.map((l) => [l, 'My workshop'])));
    const parsed = validateQuestionnaire(questionnaire, { file: 'variant', knownClauses: clauses });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.slice(0, 3)));
  });

  it('brings in the question a picked question’s condition names, and says so', () => {
    const gate = conditionQuestions(gated.showIf!)[0]!;
    const { questionnaire, pulledIn } = makeVariant(full, {
      id: 'gated',
      title: 'Gated',
      questions: [gated.id],
    });
    expect(ids(questionnaire)).toContain(gate);
    expect(pulledIn).toContainEqual({ id: gate, by: [gated.id] });
    expect(validateQuestionnaire(questionnaire, { file: 'variant', knownClauses: clauses }).ok).toBe(true);
    // Picked on purpose, it is not reported as brought in.
    expect(makeVariant(full, { id: 'both', title: 'Both', questions: [gated.id, gate] }).pulledIn).toEqual(
      [],
    );
  });

  it('follows gates of gates, and every part of all, any and not', () => {
    expect(
      conditionQuestions({
        all: [
          { question: 'a', equals: 'yes' },
          {
            not: {
              any: [
                { question: 'b', atMost: 1 },
                { question: 'c', in: ['x'] },
              ],
            },
          },
        ],
      }),
    ).toEqual(['a', 'b', 'c']);
    const chained = questionsInOrder(full).find(({ question: q }) => {
      if (!q.showIf) return false;
      return conditionQuestions(q.showIf).some((gate) => question(gate).showIf);
    });
    if (!chained) return;
    const { kept } = withGates(full, [chained.question.id]);
    for (const id of kept) {
      const condition = question(id).showIf;
      if (condition) for (const gate of conditionQuestions(condition)) expect(kept.has(gate)).toBe(true);
    }
    expect(kept.size).toBeGreaterThan(2);
  });

  it('keeps only the pillars with a question, sets the targets asked for, and only the references still cited', () => {
    const strategy = full.pillars.find((p) => p.id === 'strategy')!;
    const picked = strategy.questions.filter((q) => !q.showIf).map((q) => q.id);
    const { questionnaire } = makeVariant(full, {
      id: 'strategy-only',
      title: {
        en: 'Strategy',
        ru: 'Стратегия',
        fr: 'Stratégie',
        es: 'Estrategia',
        zh: '战略',
        ar: 'الاستراتيجية',
      },
      questions: picked,
      targets: { strategy: 60 },
    });
    expect(questionnaire.pillars.map((p) => p.id)).toEqual(['strategy']);
    expect(questionnaire.pillars[0]!.target).toBe(60);
    const cited = JSON.stringify(questionnaire.pillars);
    for (const reference of questionnaire.references ?? []) expect(cited).toContain(`"${reference.id}"`);
    expect((questionnaire.references ?? []).length).toBeLessThan(full.references!.length);
    expect(validateQuestionnaire(questionnaire, { file: 'variant', knownClauses: clauses }).ok).toBe(true);
  });

  it('a variant of a variant names the full questionnaire, so all three compare', () => {
    const quick = loadBuiltInQuestionnaire('resolution-130-quick');
    const { questionnaire } = makeVariant(quick, {
      id: 'shorter',
      title: 'Shorter',
      questions: ids(quick).slice(0, 3),
    });
    expect(questionnaire.basedOn).toBe('resolution-130');
  });

  it('ignores an id the questionnaire does not have', () => {
    const first = ids()[0]!;
    const { questionnaire, pulledIn } = makeVariant(full, {
      id: 'one',
      title: 'One',
      questions: [first, 'no.such'],
    });
    expect(ids(questionnaire)).toEqual([first]);
    expect(pulledIn).toEqual([]);
  });
});
