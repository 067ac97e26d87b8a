/**
 * Keeps the built-in Resolution 130 questionnaires honest: they must validate, trace every
 * question to the resolution, cover every clause of the six pillars, stay complete in both
 * languages, and the quick variant must reuse the full questionnaire's questions unchanged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { holds } from '../../../src/questionnaire/conditions.ts';
import {
  GCI_PILLARS,
  type Condition,
  type LocalizedText,
  type Question,
  type Questionnaire,
} from '../../../src/questionnaire/schema.ts';
import { validateQuestionnaireText } from '../../../src/questionnaire/validate.ts';
import { localizedTexts, questionsInOrder } from '../../../src/questionnaire/walk.ts';
import type { Parsed } from '../../../src/validation/parse.ts';
import { formatProblem } from '../../../src/validation/problems.ts';
import { loadClauseIds, loadClauseRegistry, QUESTIONNAIRE_DIR } from '../../../scripts/lib/questionnaires.ts';

const LANGUAGES = ['en', 'ru'] as const;
const PILLAR_IDS = ['strategy', 'cirt', 'skills', 'gender', 'smes', 'awareness'];
/** The resolution's maturity ladders run from absence (level 0) to four or five steps above it. */
const LEVELS = { min: 4, max: 6 };
/** Every ladder says it is cumulative, and each level above 1 says what it adds. */
const CUMULATIVE = {
  en: 'Each level includes the one before it.',
  ru: 'Каждый уровень включает предыдущий.',
};
const ADDS = { en: /\balso\b/, ru: /Кроме того/ };
const FULL = 'resolution-130.json';
const QUICK = 'resolution-130-quick.json';

const registry = loadClauseRegistry();
const knownClauses = loadClauseIds();

function validate(name: string): Parsed<Questionnaire> {
  const text = readFileSync(join(QUESTIONNAIRE_DIR, name), 'utf8');
  return validateQuestionnaireText(text, { file: `questionnaires/${name}`, knownClauses });
}

const results = { [FULL]: validate(FULL), [QUICK]: validate(QUICK) };

/** The validated questionnaire; a file that does not validate fails the test with its problems. */
function load(name: typeof FULL | typeof QUICK): Questionnaire {
  const result = results[name];
  if (!result.ok) throw new Error(`${name} is not valid:\n${result.error.map(formatProblem).join('\n')}`);
  return result.value;
}

function questions(questionnaire: Questionnaire): Question[] {
  return questionsInOrder(questionnaire).map(({ question }) => question);
}

/** Ids of the languages in which a text is missing or blank. */
function missingLanguages(text: LocalizedText | undefined): string[] {
  return LANGUAGES.filter((language) => !text?.[language]?.trim());
}

/** Clause ids quoted in a text, e.g. "(R130/recognizing/gender-imbalance)". */
function citedClauses(text: string): string[] {
  return [...text.matchAll(/[A-Za-z0-9-]+(?:\/[a-z0-9-]+)+/g)]
    .map((match) => match[0])
    .filter((id) => knownClauses.has(id));
}

function conditionQuestions(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionQuestions);
  if ('any' in condition) return condition.any.flatMap(conditionQuestions);
  if ('not' in condition) return conditionQuestions(condition.not);
  return [condition.question];
}

/** How a hidden follow-up counts (issue 15's field; absent means it counts 0). */
const whenHidden = (question: Question) => (question as { whenHidden?: string }).whenHidden;

/** Whether a question is shown when `parent` is answered `value` (and nothing else is). */
function shownWhen(question: Question, parent: string, value: string): boolean {
  if (!question.showIf) return true;
  return holds(question.showIf, (id) => (id === parent ? value : undefined));
}

describe.each([FULL, QUICK] as const)('%s', (name) => {
  it('passes the validator', () => {
    const result = results[name];
    expect(result.ok ? [] : result.error.map(formatProblem)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('leaves the number of questions to the catalog, which counts those a person will see', () => {
    // A description saying "106 questions" stood beside a card saying "78, up to 104 depending on
    // your answers": a count in the text cannot follow the conditions, so none is written there.
    const questionnaire = load(name);
    const count = String(questions(questionnaire).length);
    const stating = Object.entries(questionnaire.description ?? {}).filter(([, text]) =>
      text.match(/\d+/gu)?.includes(count),
    );
    expect(stating.map(([language]) => language)).toEqual([]);
  });

  it('has the six pillars, in order', () => {
    expect(load(name).pillars.map((pillar) => pillar.id)).toEqual(PILLAR_IDS);
  });

  it('cites at least one known clause in every question, and otherwise only references of the file', () => {
    const file = load(name);
    const references = new Set((file.references ?? []).map((reference) => reference.id));
    const offenders = questions(file).flatMap((question) => [
      ...(question.sources.some((id) => knownClauses.has(id)) ? [] : [`${question.id}: cites no clause`]),
      ...question.sources
        .filter((id) => !knownClauses.has(id) && !references.has(id))
        .map((id) => `${question.id}: unknown source "${id}"`),
    ]);
    expect(offenders).toEqual([]);
  });

  it('gives every question a help text and an action in both languages', () => {
    const offenders = questions(load(name)).flatMap((question) => [
      ...missingLanguages(question.help).map((language) => `${question.id}: help (${language})`),
      ...missingLanguages(question.action).map((language) => `${question.id}: action (${language})`),
    ]);
    expect(offenders).toEqual([]);
  });

  it('gives every pillar a target and a rationale in both languages that cites a known clause', () => {
    const offenders = load(name).pillars.flatMap((pillar) => {
      const problems: string[] = [];
      if (pillar.target === undefined) problems.push(`${pillar.id}: no target`);
      for (const language of LANGUAGES) {
        const text = pillar.rationale?.[language];
        if (!text?.trim()) problems.push(`${pillar.id}: no rationale (${language})`);
        else if (citedClauses(text).length === 0)
          problems.push(`${pillar.id}: rationale (${language}) cites no clause`);
      }
      return problems;
    });
    expect(offenders).toEqual([]);
  });

  it('describes distinct, cumulative levels, in both languages, for every maturity question', () => {
    const offenders = questions(load(name)).flatMap((question) => {
      if (question.type !== 'maturity') return [];
      const problems: string[] = [];
      if (question.levels.length < LEVELS.min || question.levels.length > LEVELS.max)
        problems.push(`${question.id}: ${question.levels.length} levels`);
      question.levels.forEach((level, l) =>
        missingLanguages(level).forEach((language) =>
          problems.push(`${question.id}: level ${l} (${language})`),
        ),
      );
      for (const language of LANGUAGES) {
        const texts = question.levels.map((level) => level[language]?.trim());
        if (new Set(texts).size !== texts.length)
          problems.push(`${question.id}: repeated level text (${language})`);
        if (!question.help?.[language]?.includes(CUMULATIVE[language]))
          problems.push(`${question.id}: help (${language}) does not say the levels are cumulative`);
        texts.slice(2).forEach((text, l) => {
          if (!ADDS[language].test(text ?? ''))
            problems.push(`${question.id}: level ${l + 2} (${language}) adds nothing`);
        });
      }
      return problems;
    });
    expect(offenders).toEqual([]);
  });

  it('asks one thing per question', () => {
    const offenders = questions(load(name)).flatMap((question) =>
      LANGUAGES.flatMap((language) => {
        const text = question.text[language] ?? '';
        const marks = [...text].filter((character) => character === '?').length;
        if (marks !== 1 || !text.endsWith('?')) return [`${question.id}: not one question (${language})`];
        if (/\band\/or\b|;/.test(text)) return [`${question.id}: joins two questions (${language})`];
        return [];
      }),
    );
    expect(offenders).toEqual([]);
  });

  it('defines every figure and justifies the thresholds of every scored one with a source it cites', () => {
    const file = load(name);
    const references = new Set((file.references ?? []).map((reference) => reference.id));
    const offenders = questions(file).flatMap((question) => {
      if (question.type !== 'number' && question.type !== 'percentage') return [];
      const problems = missingLanguages(question.definition).map(
        (language) => `${question.id}: no definition (${language})`,
      );
      if (question.scored === false) return problems;
      const basis = question.scoring?.basis;
      problems.push(
        ...missingLanguages(basis?.text).map((language) => `${question.id}: no basis (${language})`),
      );
      const sources = basis?.sources ?? [];
      if (sources.length === 0) problems.push(`${question.id}: basis cites no source`);
      for (const source of sources)
        if (!references.has(source))
          problems.push(`${question.id}: basis cites "${source}", not a reference of the file`);
      return problems;
    });
    expect(offenders).toEqual([]);
  });

  it('gives every question a GCI pillar, and keeps the GCI abbreviation out of the Russian text', () => {
    const file = load(name);
    const offenders = [
      ...questions(file)
        .filter((question) => !GCI_PILLARS.includes(question.gciPillar))
        .map((question) => `${question.id}: GCI pillar ${question.gciPillar}`),
      ...localizedTexts(file)
        .filter(({ text }) => /GCI|МСЭ-T/.test(text.ru ?? ''))
        .map(({ path }) => `${path.join('.')}: write ГИК and МСЭ-Т (Cyrillic Т) in Russian`),
    ];
    expect(offenders).toEqual([]);
  });

  it('leaves every figure’s rule to the app, which states it from the scoring: the help does not restate it', () => {
    const offenders = questions(load(name)).flatMap((question) => {
      if (question.type !== 'number' && question.type !== 'percentage') return [];
      const { scoring } = question;
      const problems: string[] = [];
      // A steps rule must reach the full score, or the best figure could never earn it.
      if (scoring?.kind === 'steps' && !scoring.steps.some((step) => step.score === 1)) {
        problems.push(`${question.id}: no step earns the full score`);
      }
      for (const language of LANGUAGES) {
        const help = question.help?.[language];
        if (!help?.trim()) problems.push(`${question.id}: no help (${language})`);
        else if (/(^|\s)(Rule|Правило):/.test(help)) {
          problems.push(`${question.id}: help (${language}) restates the rule the app shows from scoring`);
        }
      }
      return problems;
    });
    expect(offenders).toEqual([]);
  });
});

describe(FULL, () => {
  it('has at least ten questions in each pillar', () => {
    const counts = Object.fromEntries(
      load(FULL).pillars.map((pillar) => [pillar.id, pillar.questions.length]),
    );
    for (const id of PILLAR_IDS) expect(counts[id], id).toBeGreaterThanOrEqual(10);
  });

  it('cites every clause that the clause map files under a pillar', () => {
    const cited = new Set(questions(load(FULL)).flatMap((question) => question.sources));
    const uncited = registry.clauses
      .filter((clause) => clause.pillar !== undefined)
      .map((clause) => clause.id)
      .filter((id) => !cited.has(id));
    expect(uncited).toEqual([]);
  });

  it('informs all five GCI pillars', () => {
    const informed = new Set(questions(load(FULL)).map((question) => question.gciPillar));
    expect([...informed].sort()).toEqual([...GCI_PILLARS].sort());
  });

  it('asks about plans for a CIRT only where there is none, and about its work only where there is one', () => {
    const all = questions(load(FULL));
    const dependsOnCirt = all.filter(
      (question) => question.showIf && conditionQuestions(question.showIf).includes('cirt.exists'),
    );
    const onlyWithout = dependsOnCirt.filter(
      (question) =>
        shownWhen(question, 'cirt.exists', 'no') &&
        !shownWhen(question, 'cirt.exists', 'yes') &&
        !shownWhen(question, 'cirt.exists', 'partly'),
    );
    const onlyWith = dependsOnCirt.filter(
      (question) =>
        !shownWhen(question, 'cirt.exists', 'no') &&
        shownWhen(question, 'cirt.exists', 'yes') &&
        shownWhen(question, 'cirt.exists', 'partly'),
    );
    expect(onlyWithout.map((question) => question.id)).not.toEqual([]);
    expect(onlyWith.map((question) => question.id)).not.toEqual([]);
    for (const question of onlyWithout) expect(whenHidden(question), question.id).toBe('full');
  });

  it('asks how far a strategy is prepared only where there is none, and about the strategy only where there is one', () => {
    const followUps = questions(load(FULL)).filter(
      (question) => question.showIf && conditionQuestions(question.showIf).includes('strategy.exists'),
    );
    const onlyWithout = followUps.filter(
      (question) =>
        shownWhen(question, 'strategy.exists', 'no') &&
        !shownWhen(question, 'strategy.exists', 'yes') &&
        !shownWhen(question, 'strategy.exists', 'partly'),
    );
    expect(onlyWithout.map((question) => question.id)).toEqual(['strategy.preparation']);
    for (const question of followUps.filter((question) => !onlyWithout.includes(question))) {
      expect(shownWhen(question, 'strategy.exists', 'no'), question.id).toBe(false);
    }
    // What is asked only where a capacity is absent counts in full where it is present.
    for (const question of onlyWithout) expect(whenHidden(question), question.id).toBe('full');
  });
});

describe(QUICK, () => {
  it('is based on the full questionnaire', () => {
    expect(load(QUICK).basedOn).toBe(load(FULL).id);
  });

  it('has between 15 and 25 questions, in every pillar', () => {
    const quick = load(QUICK);
    const count = questions(quick).length;
    expect(count).toBeGreaterThanOrEqual(15);
    expect(count).toBeLessThanOrEqual(25);
    for (const pillar of quick.pillars) expect(pillar.questions.length, pillar.id).toBeGreaterThan(0);
  });

  it('copies each question from the full questionnaire unchanged, under the same pillar', () => {
    const full = new Map(questionsInOrder(load(FULL)).map((located) => [located.question.id, located]));
    for (const { question, pillar } of questionsInOrder(load(QUICK))) {
      const original = full.get(question.id);
      expect(original, `${question.id} is not in the full questionnaire`).toBeDefined();
      expect(question, question.id).toEqual(original?.question);
      expect(pillar.id, question.id).toBe(original?.pillar.id);
    }
  });

  it('keeps the pillars’ titles, sources, weights, targets and rationale', () => {
    const withoutQuestions = (questionnaire: Questionnaire) =>
      questionnaire.pillars.map(({ questions: _questions, ...pillar }) => pillar);
    expect(withoutQuestions(load(QUICK))).toEqual(withoutQuestions(load(FULL)));
  });
});

describe('clause registry', () => {
  it('summarizes every clause in English and Russian', () => {
    const offenders = registry.clauses.flatMap((clause) =>
      missingLanguages(clause.summary).map((language) => `${clause.id} (${language})`),
    );
    expect(offenders).toEqual([]);
  });
});
