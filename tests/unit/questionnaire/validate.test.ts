import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateQuestionnaire, validateQuestionnaireText } from '../../../src/questionnaire/validate.ts';
import { generatedSchemas } from '../../../scripts/lib/jsonSchemas.ts';
import { loadClauseIds, QUESTIONNAIRE_DIR, ROOT } from '../../../scripts/lib/questionnaires.ts';

// Tests break the file on purpose, so they edit it as untyped JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RawJson = any;

const knownClauses = loadClauseIds();
const sampleText = readFileSync(join(QUESTIONNAIRE_DIR, 'sample.json'), 'utf8');
const file = 'questionnaires/broken.json';

/** Texts in English and Russian only, as the examples below are written. */
function inEnglishAndRussian(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inEnglishAndRussian);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  const isText = typeof (value as { en?: unknown }).en === 'string';
  return Object.fromEntries(
    entries
      .filter(([key]) => !isText || key === 'en' || key === 'ru')
      .map(([key, item]) => [key, key === 'languages' ? ['en', 'ru'] : inEnglishAndRussian(item)]),
  );
}

/** The sample questionnaire with one change applied, checked as if read from `file`. */
function problemsAfter(change: (q: RawJson) => void) {
  const data = inEnglishAndRussian(JSON.parse(sampleText)) as RawJson;
  change(data);
  const result = validateQuestionnaire(data, { file, knownClauses });
  return result.ok ? [] : result.error;
}

describe('questionnaire validator', () => {
  it('accepts the sample questionnaire', () => {
    const result = validateQuestionnaireText(sampleText, {
      file: 'questionnaires/sample.json',
      knownClauses,
    });
    expect(result.ok ? [] : result.error).toEqual([]);
  });

  it('reports JSON syntax errors with the file name', () => {
    const result = validateQuestionnaireText('{"id": ', { file, knownClauses });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error[0]).toMatchObject({
      file,
      path: '$',
      message: expect.stringMatching(/not valid JSON/),
    });
  });

  it.each([
    [
      'a maturity question with a single level',
      (q: RawJson) => q.pillars[0].questions[1].levels.splice(1),
      '$.pillars[0].questions[1].levels',
      /expected "levels": a list of 2 to 11 level descriptors.*strategy\.review/,
    ],
    [
      'a maturity question with twelve levels',
      (q: RawJson) => q.pillars[0].questions[1].levels.push(...q.pillars[0].questions[1].levels),
      '$.pillars[0].questions[1].levels',
      /expected "levels": a list of 2 to 11 level descriptors/,
    ],
    [
      'a maturity question without levels, naming them',
      (q: RawJson) => delete q.pillars[0].questions[1].levels,
      '$.pillars[0].questions[1].levels',
      /expected "levels": a list of 2 to 11 level descriptors, the first for level 0 \(in "strategy\.review"\)/,
    ],
    [
      'a reference whose address is not a web address',
      (q: RawJson) =>
        q.references.push({ id: 'law', title: { en: 'Law', ru: 'Закон' }, url: 'file:///etc/passwd' }),
      '$.references[1].url',
      /expected a web address/,
    ],
    [
      'a source that is neither a clause id nor a reference id',
      (q: RawJson) => q.pillars[0].questions[0].sources.push('Law 12, art. 3'),
      '$.pillars[0].questions[0].sources[2]',
      /expected a clause id such as "R130\/resolves\/sme-problems", or the id of one of the questionnaire’s references/,
    ],
    [
      'an unknown answer type',
      (q: RawJson) => (q.pillars[3].questions[0].type = 'slider'),
      '$.pillars[3].questions[0].type',
      /expected one of "yesNo"/,
    ],
    [
      'an unknown GCI pillar',
      (q: RawJson) => (q.pillars[0].questions[0].gciPillar = 'economic'),
      '$.pillars[0].questions[0].gciPillar',
      /"legal", "technical"/,
    ],
    [
      'an option score above 1',
      (q: RawJson) => (q.pillars[2].questions[1].options[0].score = 2),
      '$.pillars[2].questions[1].options[0].score',
      /at most 1/,
    ],
    [
      'an unexpected key',
      (q: RawJson) => (q.pillars[0].questions[0].colour = 'red'),
      '$.pillars[0].questions[0]',
      /not part of this format: "colour"/,
    ],
    ['a missing format version', (q: RawJson) => delete q.format, '$.format', /expected 1/],
    [
      'a malformed condition',
      (q: RawJson) => (q.pillars[0].questions[1].showIf = { question: 'strategy.exists', is: 'yes' }),
      '$.pillars[0].questions[1].showIf',
      /expected a condition/,
    ],
  ])('rejects %s against the schema', (_name, change, path, message) => {
    const problems = problemsAfter(change);
    expect(problems).toContainEqual(
      expect.objectContaining({ file, path, message: expect.stringMatching(message) }),
    );
  });

  it.each([
    [
      'a text missing a declared language',
      (q: RawJson) => delete q.pillars[2].questions[0].text.ru,
      '$.pillars[2].questions[0].text',
      /missing text in "ru"/,
    ],
    [
      'a default language that is not declared',
      (q: RawJson) => (q.defaultLanguage = 'fr'),
      '$.defaultLanguage',
      /declared languages \(en, ru\)/,
    ],
    [
      'a duplicate question id',
      (q: RawJson) => (q.pillars[4].questions[0].id = 'strategy.exists'),
      '$.pillars[4].questions[0].id',
      /"strategy\.exists" is used twice/,
    ],
    [
      'a duplicate pillar id',
      (q: RawJson) => (q.pillars[1].id = 'strategy'),
      '$.pillars[1].id',
      /used twice/,
    ],
    [
      'a duplicate option id',
      (q: RawJson) => (q.pillars[2].questions[1].options[1].id = 'none'),
      '$.pillars[2].questions[1].options',
      /option id "none" is used twice/,
    ],
    [
      'an unknown clause id',
      (q: RawJson) => q.pillars[0].questions[0].sources.push('R130/resolves/no-such-clause'),
      '$.pillars[0].questions[0].sources[2]',
      /unknown clause id "R130\/resolves\/no-such-clause"/,
    ],
    [
      'an unknown clause id on a pillar',
      (q: RawJson) => (q.pillars[5].sources = ['R130/x/y']),
      '$.pillars[5].sources[0]',
      /unknown clause id/,
    ],
    [
      'a condition on a later question',
      (q: RawJson) => (q.pillars[0].questions[1].showIf = { question: 'cirt.exists', equals: 'yes' }),
      '$.pillars[0].questions[1].showIf.question',
      /comes later/,
    ],
    [
      'a condition on an unknown question',
      (q: RawJson) => (q.pillars[0].questions[1].showIf = { question: 'strategy.exist', equals: 'yes' }),
      '$.pillars[0].questions[1].showIf.question',
      /no question has this id/,
    ],
    [
      'a condition on itself',
      (q: RawJson) => (q.pillars[0].questions[1].showIf = { question: 'strategy.review', atLeast: 1 }),
      '$.pillars[0].questions[1].showIf.question',
      /cannot depend on itself/,
    ],
    [
      'a condition value the question cannot take',
      (q: RawJson) => (q.pillars[1].questions[1].showIf = { question: 'cirt.exists', equals: 'partly' }),
      '$.pillars[1].questions[1].showIf.equals',
      /can be "yes", "no"; found "partly"/,
    ],
    [
      '"atLeast" on a yes/no question',
      (q: RawJson) => (q.pillars[1].questions[1].showIf = { question: 'cirt.exists', atLeast: 1 }),
      '$.pillars[1].questions[1].showIf.atLeast',
      /needs a maturity, number or percentage question/,
    ],
    [
      'a nested condition naming an unknown option',
      (q: RawJson) =>
        (q.pillars[2].questions[0].showIf = {
          all: [
            { question: 'cirt.exists', equals: 'yes' },
            { question: 'cirt.services', includes: 'firewalls' },
          ],
        }),
      '$.pillars[2].questions[0].showIf.all[1].includes',
      /found "firewalls"/,
    ],
    [
      'number bounds the wrong way round',
      (q: RawJson) => Object.assign(q.pillars[2].questions[0], { min: 10, max: 5 }),
      '$.pillars[2].questions[0].max',
      /above "min"/,
    ],
    [
      'a linear rule with equal ends',
      (q: RawJson) =>
        (q.pillars[2].questions[0].scoring = { kind: 'linear', scoreZeroAt: 5, scoreFullAt: 5 }),
      '$.pillars[2].questions[0].scoring',
      /to differ/,
    ],
    [
      'steps out of order',
      (q: RawJson) => (q.pillars[3].questions[0].scoring.steps[2].from = 5),
      '$.pillars[3].questions[0].scoring.steps[2].from',
      /ascending order: 5 follows 10/,
    ],
    [
      'a percentage step above 100',
      (q: RawJson) => (q.pillars[3].questions[0].scoring.steps[4].from = 150),
      '$.pillars[3].questions[0].scoring.steps[4].from',
      /outside the answer's range 0…100/,
    ],
  ])('rejects %s by the rules', (_name, change, path, message) => {
    const problems = problemsAfter(change);
    expect(problems).toContainEqual(
      expect.objectContaining({ file, path, message: expect.stringMatching(message) }),
    );
  });
});

describe('format extensions for other frameworks', () => {
  const law = {
    id: 'cyber-law',
    title: { en: 'Cybersecurity Law', ru: 'Закон о кибербезопасности' },
    year: 2021,
  };

  it('accepts every new field used together', () => {
    const problems = problemsAfter((q) => {
      q.catalog = { order: 3, offerFirst: false };
      q.references.push({ ...law, url: 'https://example.org/law', note: { en: 'Art. 4', ru: 'Ст. 4' } });
      const review = q.pillars[0].questions[1];
      review.levels.splice(5);
      review.levelNumbering = { from: 1, word: { en: 'Stage', ru: 'Этап' } };
      q.pillars[0].questions[0].sources.push('cyber-law');
      q.pillars[1].sources.push('cyber-law');
      Object.assign(q.pillars[2].questions[0], {
        definition: { en: 'Holders on 1 January', ru: 'На 1 января' },
      });
      q.pillars[2].questions[0].scoring.basis = {
        text: { en: 'The regional median', ru: 'Медиана по региону' },
        sources: ['cyber-law', 'R130/resolves/sme-problems'],
      };
      Object.assign(q.pillars[3].questions[0], { scored: false });
      delete q.pillars[3].questions[0].scoring;
      q.pillars[2].questions[1].scored = false;
      for (const option of q.pillars[2].questions[1].options) delete option.score;
      q.pillars[1].questions[1].showIf = { not: { question: 'cirt.exists', notIn: ['yes'] } };
      q.pillars[5].questions[1].showIf = {
        any: [
          { question: 'strategy.review', atMost: 2 },
          { question: 'gender.share', atLeast: 10 },
        ],
      };
    });
    expect(problems).toEqual([]);
  });

  it.each([
    [
      'a scored figure without "scoring", naming it',
      (q: RawJson) => delete q.pillars[2].questions[0].scoring,
      '$.pillars[2].questions[0].scoring',
      /missing "scoring": a scored number question needs a rule .*or "scored": false/,
    ],
    [
      'a "scoring" on a figure collected for context',
      (q: RawJson) => (q.pillars[3].questions[0].scored = false),
      '$.pillars[3].questions[0].scoring',
      /"scored": false is never scored: remove "scoring"/,
    ],
    [
      'an option without a score on a scored question',
      (q: RawJson) => delete q.pillars[2].questions[1].options[1].score,
      '$.pillars[2].questions[1].options[1]',
      /missing "score": each option of a scored question needs a score/,
    ],
    [
      'option scores on a question collected for context',
      (q: RawJson) => (q.pillars[1].questions[1].scored = false),
      '$.pillars[1].questions[1].options[0].score',
      /remove the options' "score"/,
    ],
    [
      'a citation of a reference the file does not have',
      (q: RawJson) => q.pillars[0].questions[0].sources.push('cyber-law'),
      '$.pillars[0].questions[0].sources[2]',
      /unknown reference "cyber-law": expected the id of an entry in "references" \("ncs-guide"\)/,
    ],
    [
      'a basis citing an unknown source',
      (q: RawJson) =>
        (q.pillars[2].questions[0].scoring.basis = {
          text: { en: 'Why', ru: 'Почему' },
          sources: ['R130/resolves/no-such-clause'],
        }),
      '$.pillars[2].questions[0].scoring.basis.sources[0]',
      /unknown clause id/,
    ],
    [
      'a reference id used twice',
      (q: RawJson) => q.references.push(law, { ...law }),
      '$.references[2].id',
      /reference id "cyber-law" is used twice/,
    ],
    [
      'a reference title missing a declared language',
      (q: RawJson) => q.references.push({ ...law, title: { en: 'Cybersecurity Law' } }),
      '$.references[1].title',
      /missing text in "ru"/,
    ],
    [
      'a level word missing a declared language',
      (q: RawJson) => (q.pillars[0].questions[1].levelNumbering = { from: 1, word: { en: 'Stage' } }),
      '$.pillars[0].questions[1].levelNumbering.word',
      /missing text in "ru"/,
    ],
    [
      '"atMost" on a yes/no question',
      (q: RawJson) => (q.pillars[1].questions[1].showIf = { question: 'cirt.exists', atMost: 0 }),
      '$.pillars[1].questions[1].showIf.atMost',
      /"atMost" needs a maturity, number or percentage question/,
    ],
    [
      'a "notIn" value the question cannot take',
      (q: RawJson) => (q.pillars[1].questions[1].showIf = { question: 'cirt.exists', notIn: ['maybe'] }),
      '$.pillars[1].questions[1].showIf.notIn[0]',
      /can be "yes", "no"; found "maybe"/,
    ],
    [
      'a condition under "not" on a later question',
      (q: RawJson) =>
        (q.pillars[0].questions[1].showIf = { not: { question: 'awareness.campaign', equals: 'yes' } }),
      '$.pillars[0].questions[1].showIf.not.question',
      /comes later/,
    ],
  ])('rejects %s', (_name, change, path, message) => {
    expect(problemsAfter(change)).toContainEqual(
      expect.objectContaining({ file, path, message: expect.stringMatching(message) }),
    );
  });
});

describe('what can never work', () => {
  it.each([
    [
      '"equals" on a multiple-choice question',
      (q: RawJson) => (q.pillars[2].questions[0].showIf = { question: 'cirt.services', equals: 'handling' }),
      '$.pillars[2].questions[0].showIf.equals',
      /"equals" compares one answer, but "cirt\.services" is answered with a list of options, so it can never match: use "includes"/,
    ],
    [
      '"in" on a multiple-choice question',
      (q: RawJson) => (q.pillars[2].questions[0].showIf = { question: 'cirt.services', in: ['handling'] }),
      '$.pillars[2].questions[0].showIf.in',
      /"in" compares one answer, .* use "includes" \(and "not" for "does not include"\)/,
    ],
    [
      'a level the maturity scale does not have',
      (q: RawJson) => (q.pillars[1].questions[0].showIf = { question: 'strategy.review', equals: 6 }),
      '$.pillars[1].questions[0].showIf.equals',
      /"strategy\.review" takes levels 0 to 5; 6 can never be its answer/,
    ],
    [
      'a level of a shorter scale in a list',
      (q: RawJson) => {
        q.pillars[0].questions[1].levels.splice(4);
        q.pillars[1].questions[0].showIf = { question: 'strategy.review', notIn: [0, 4] };
      },
      '$.pillars[1].questions[0].showIf.notIn[1]',
      /takes levels 0 to 3; 4 can never be its answer/,
    ],
    [
      'a percentage above 100',
      (q: RawJson) => (q.pillars[4].questions[0].showIf = { question: 'gender.share', in: [50, 120] }),
      '$.pillars[4].questions[0].showIf.in[1]',
      /"gender\.share" takes 0…100; 120 can never be its answer/,
    ],
    [
      'a fraction on a maturity level',
      (q: RawJson) => (q.pillars[1].questions[0].showIf = { question: 'strategy.review', equals: 2.5 }),
      '$.pillars[1].questions[0].showIf.equals',
      /takes whole numbers only; 2\.5 can never be its answer/,
    ],
    [
      'a fraction on a whole-number question',
      (q: RawJson) => {
        q.pillars[2].questions[0].integer = true;
        q.pillars[2].questions[1].showIf = { question: 'skills.certified', equals: 10.5 };
      },
      '$.pillars[2].questions[1].showIf.equals',
      /"skills\.certified" takes whole numbers only; 10\.5 can never be its answer/,
    ],
    [
      'an "atLeast" above the scale',
      (q: RawJson) => (q.pillars[1].questions[0].showIf = { question: 'strategy.review', atLeast: 6 }),
      '$.pillars[1].questions[0].showIf.atLeast',
      /6 lies outside what "strategy\.review" can take \(levels 0 to 5\), so the condition is never true/,
    ],
    [
      'an "atMost" above the range',
      (q: RawJson) => (q.pillars[4].questions[0].showIf = { question: 'gender.share', atMost: 150 }),
      '$.pillars[4].questions[0].showIf.atMost',
      /150 lies outside what "gender\.share" can take \(0…100\), so the condition is true for every answer/,
    ],
    [
      'an "atMost" below the range',
      (q: RawJson) => (q.pillars[4].questions[0].showIf = { question: 'skills.certified', atMost: -1 }),
      '$.pillars[4].questions[0].showIf.atMost',
      /-1 lies outside what "skills\.certified" can take \(0…∞\), so the condition is never true/,
    ],
    [
      'a fractional bound on a whole-number question',
      (q: RawJson) => (q.pillars[1].questions[0].showIf = { question: 'strategy.review', atLeast: 2.5 }),
      '$.pillars[1].questions[0].showIf.atLeast',
      /"strategy\.review" takes whole numbers only: write 3 instead of 2\.5/,
    ],
    [
      'every pillar at weight 0',
      (q: RawJson) => q.pillars.forEach((pillar: RawJson) => (pillar.weight = 0)),
      '$.pillars',
      /every pillar has "weight": 0, so no overall score can ever be computed/,
    ],
    [
      'every scored question of a pillar at weight 0',
      (q: RawJson) => (q.pillars[5].questions[0].weight = 0),
      '$.pillars[5].questions',
      /every scored question of pillar "awareness" has "weight": 0, so the pillar can never be scored/,
    ],
    [
      'every question informing a GCI pillar at weight 0',
      (q: RawJson) =>
        (q.pillars[3].questions[0].gciPillar = 'legal') && (q.pillars[3].questions[0].weight = 0),
      '$.pillars[3].questions[0].weight',
      /every scored question that informs the GCI pillar "legal" has "weight": 0, so the GCI view can never score it/,
    ],
    [
      '"exclusive" on a single-choice option',
      (q: RawJson) => (q.pillars[2].questions[1].options[0].exclusive = true),
      '$.pillars[2].questions[1].options[0].exclusive',
      /"exclusive" is for multiple-choice questions: a single choice already excludes the other options/,
    ],
    [
      'text in a language the file does not declare',
      (q: RawJson) => (q.pillars[0].questions[0].text.fr = 'La stratégie ?'),
      '$.pillars[0].questions[0].text',
      /text in "fr", which "languages" does not declare \(en, ru\): declare the language, or remove the text/,
    ],
  ])('refuses %s', (_name, change, path, message) => {
    expect(problemsAfter(change)).toContainEqual(
      expect.objectContaining({ file, path, message: expect.stringMatching(message) }),
    );
  });

  it('accepts bounds at the ends of the range and a weight of 0 beside weighted questions', () => {
    const problems = problemsAfter((q) => {
      q.pillars[1].questions[0].showIf = { question: 'strategy.review', atLeast: 0 };
      q.pillars[4].questions[0].showIf = { question: 'gender.share', atMost: 100 };
      q.pillars[5].questions[0].weight = 0;
      q.pillars[5].questions[1].type = 'yesNo';
    });
    expect(problems).toEqual([]);
  });
});

describe('the JSON Schema kept in the repo', () => {
  it('is the one generated from the format (run `npm run schema` after changing the format)', () => {
    for (const { path, text } of generatedSchemas()) {
      expect(readFileSync(join(ROOT, path), 'utf8'), path).toBe(text);
    }
  });

  it('accepts the built-in questionnaires and rejects a malformed one, for tools that use it directly', () => {
    const schema = JSON.parse(
      readFileSync(join(ROOT, 'questionnaires/schema/questionnaire.schema.json'), 'utf8'),
    );
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    expect(validate(JSON.parse(sampleText)), JSON.stringify(validate.errors)).toBe(true);
    const broken = JSON.parse(sampleText);
    broken.pillars[0].questions[0].type = 'slider';
    expect(validate(broken)).toBe(false);
  });
});
