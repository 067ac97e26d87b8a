import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateProfile, validateProfileText } from '../../../src/profiles/index.ts';
import {
  builtInProfileFiles,
  checkBuiltInProfiles,
  loadValidQuestionnaires,
  PROFILE_DIR,
} from '../../../scripts/lib/profiles.ts';
import { loadClauseIds, QUESTIONNAIRE_DIR, ROOT } from '../../../scripts/lib/questionnaires.ts';

// Tests break the file on purpose, so they edit it as untyped JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RawJson = any;

const questionnaires = loadValidQuestionnaires();
const knownClauses = loadClauseIds();
const priorities = readFileSync(join(PROFILE_DIR, 'resolution-130-priorities.json'), 'utf8');
const file = 'weights-shared.json';

/** The "Resolution 130 priorities" profile with one change, checked as a file brought from elsewhere. */
function problemsAfter(change: (profile: RawJson) => void, builtIn = false) {
  const data = JSON.parse(priorities);
  change(data);
  const result = validateProfile(data, { file, questionnaires, knownClauses, builtIn });
  return result.ok ? [] : result.error;
}

describe('built-in weight profiles', () => {
  it('are at least the three the app promises, all valid as built-in profiles', () => {
    const results = checkBuiltInProfiles();
    expect(results.flatMap(({ result }) => (result.ok ? [] : result.error))).toEqual([]);
    const ids = results.flatMap(({ result }) => (result.ok ? [result.value.id] : []));
    expect(ids).toEqual(expect.arrayContaining(['equal', 'resolution-130-priorities', 'gci-five-pillars']));
  });

  it('apply to the full and quick Resolution 130 questionnaires and to the sample', () => {
    for (const { result } of checkBuiltInProfiles()) {
      expect(result.ok && result.value.appliesTo).toEqual(
        expect.arrayContaining(['resolution-130', 'resolution-130-quick', 'sample']),
      );
    }
  });

  it('include a GCI view that groups by the five GCI pillars', () => {
    const gci = checkBuiltInProfiles().find(
      ({ result }) => result.ok && result.value.id === 'gci-five-pillars',
    );
    expect(gci?.result.ok && gci.result.value.groupBy).toBe('gciPillar');
  });

  it('refuse two built-in profiles with the same id', () => {
    const equal = join(PROFILE_DIR, 'equal.json');
    const results = checkBuiltInProfiles([equal, equal], questionnaires);
    expect(results[0]?.result).toMatchObject({
      ok: false,
      error: [{ path: '$.id', message: /also has the id "equal"/ }],
    });
  });
});

describe('weight profile validator', () => {
  it('accepts a profile with only some weights named', () => {
    expect(problemsAfter((p) => delete p.questions)).toEqual([]);
  });

  it('reports JSON syntax errors with the file name', () => {
    const result = validateProfileText('{"kind": "weightProfile",', { file, questionnaires });
    expect(!result.ok && result.error[0]).toMatchObject({ file, path: '$', message: /not valid JSON/ });
  });

  it('says so when the file is not a weight profile at all', () => {
    const sample = readFileSync(join(QUESTIONNAIRE_DIR, 'sample.json'), 'utf8');
    const result = validateProfileText(sample, { file, questionnaires });
    expect(!result.ok && result.error).toContainEqual(
      expect.objectContaining({
        file,
        path: '$.kind',
        message: expect.stringMatching(/expected "kind": "weightProfile" \(is this a weight profile\?\)/),
      }),
    );
  });

  it.each([
    [
      'a negative weight',
      (p: RawJson) => (p.pillars.cirt = -1),
      '$.pillars.cirt',
      /expected a weight from 0 to 1000/,
    ],
    [
      'a weight of 1e308, which would overflow the sums and turn every score into 0',
      (p: RawJson) => (p.pillars.cirt = 1e308),
      '$.pillars.cirt',
      /expected a weight from 0 to 1000/,
    ],
    [
      'a weight that is not a number',
      (p: RawJson) => ((p.questions ??= {})['cirt.exists'] = 'two'),
      '$.questions["cirt.exists"]',
      /expected a number/,
    ],
    ['an unknown GCI pillar', (p: RawJson) => (p.gciPillars.economic = 1), '$.gciPillars', /economic/],
    ['a missing rationale', (p: RawJson) => delete p.rationale, '$.rationale', /expected/],
    ['an unknown grouping', (p: RawJson) => (p.groupBy = 'region'), '$.groupBy', /pillar.*gciPillar/],
  ])('rejects %s by the schema', (_name, change, path, message) => {
    expect(problemsAfter(change)).toContainEqual(
      expect.objectContaining({ file, path, message: expect.stringMatching(message) }),
    );
  });

  it.each([
    [
      'a pillar no questionnaire has',
      (p: RawJson) => (p.pillars.economy = 1),
      '$.pillars.economy',
      /no pillar "economy" in "resolution-130"/,
    ],
    [
      'a question no questionnaire has',
      (p: RawJson) => ((p.questions ??= {})['cirt.budget'] = 2),
      '$.questions["cirt.budget"]',
      /no question "cirt.budget"/,
    ],
    [
      'every pillar at weight 0',
      (p: RawJson) => Object.keys(p.pillars).forEach((id) => (p.pillars[id] = 0)),
      '$.pillars',
      /Every pillar has weight 0.*give at least one pillar a weight above 0/,
    ],
    [
      'every GCI pillar at weight 0',
      (p: RawJson) => Object.keys(p.gciPillars).forEach((id) => (p.gciPillars[id] = 0)),
      '$.gciPillars',
      /Every GCI pillar has weight 0/,
    ],
    [
      'a weighted pillar whose questions all weigh 0',
      (p: RawJson) => (p.questions = { 'smes.guidance': 0 }),
      '$.pillars',
      /Every question in pillar "smes" has weight 0.*\(in "sample"\)/,
    ],
    [
      'bands out of order',
      (p: RawJson) =>
        (p.bands = [
          { id: 'low', label: { en: 'Low' }, from: 0 },
          { id: 'high', label: { en: 'High' }, from: 50 },
        ]),
      '$.bands[1].from',
      /from the highest to the lowest/,
    ],
    [
      'bands that leave low scores without a band',
      (p: RawJson) => (p.bands = [{ id: 'high', label: { en: 'High' }, from: 50 }]),
      '$.bands[0].from',
      /last band to start at 0/,
    ],
    [
      'a band id used twice',
      (p: RawJson) =>
        (p.bands = [
          { id: 'x', label: { en: 'High' }, from: 50 },
          { id: 'x', label: { en: 'Low' }, from: 0 },
        ]),
      '$.bands[1].id',
      /band id "x" is used twice/,
    ],
    [
      'a rationale citing a clause that does not exist',
      (p: RawJson) => (p.rationale.en += ' (R130/resolves/no-such-clause)'),
      '$.rationale.en',
      /cites "R130\/resolves\/no-such-clause", which is not in the clause registry/,
    ],
    [
      'a profile for questionnaires this app does not have',
      (p: RawJson) => (p.appliesTo = ['another-country-questionnaire']),
      '$.appliesTo',
      /none of which is in this app/,
    ],
  ])('rejects %s by the rules', (_name, change, path, message) => {
    expect(problemsAfter(change)).toContainEqual(
      expect.objectContaining({ file, path, message: expect.stringMatching(message) }),
    );
  });

  it('accepts a shared profile that also names questionnaires this app does not have', () => {
    expect(problemsAfter((p) => p.appliesTo.push('another-country-questionnaire'))).toEqual([]);
  });

  it('holds built-in profiles to more: known questionnaires only, and a rationale that cites the resolution', () => {
    expect(problemsAfter((p) => p.appliesTo.push('other'), true)).toContainEqual(
      expect.objectContaining({
        file,
        path: '$.appliesTo[3]',
        message: expect.stringMatching(/no questionnaire "other" is built into the app/),
      }),
    );
    expect(problemsAfter((p) => (p.rationale = { en: 'Because.', ru: 'Потому что.' }), true)).toContainEqual(
      expect.objectContaining({
        file,
        path: '$.rationale',
        message: expect.stringMatching(/cite the resolution’s clause ids/),
      }),
    );
    expect(problemsAfter((p) => (p.rationale = { en: 'Because.', ru: 'Потому что.' }))).toEqual([]);
  });
});

describe('the weight profile JSON Schema kept in the repo', () => {
  it('accepts the built-in profiles and rejects a malformed one, for tools that use it directly', () => {
    const schema = JSON.parse(
      readFileSync(join(ROOT, 'questionnaires/schema/weight-profile.schema.json'), 'utf8'),
    );
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    for (const path of builtInProfileFiles()) {
      expect(
        validate(JSON.parse(readFileSync(path, 'utf8'))),
        `${path}: ${JSON.stringify(validate.errors)}`,
      ).toBe(true);
    }
    const broken = JSON.parse(priorities);
    broken.pillars.cirt = -2;
    expect(validate(broken)).toBe(false);
  });
});
