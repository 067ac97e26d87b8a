import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/analysis/index.ts';
import { GCI_2024_BANDS } from '../../../src/profiles/index.ts';
import { WeightError } from '../../../src/scoring/index.ts';
import { answers, dontKnow, notApplicable, pillar, question, questionnaire, value } from '../builders.ts';
import { profile } from './profile.ts';

// Two questions per pillar, so a pillar scores 0, 25, 50, 75 or 100 from yes/partly/no answers.
const q = questionnaire([
  pillar('a', [question({ id: 'a1', type: 'yesPartlyNo' }), question({ id: 'a2', type: 'yesPartlyNo' })], {
    target: 80,
  }),
  pillar('b', [question({ id: 'b1', type: 'yesPartlyNo' }), question({ id: 'b2', type: 'yesPartlyNo' })], {
    target: 60,
  }),
  pillar('c', [question({ id: 'c1', type: 'yesPartlyNo' }), question({ id: 'c2', type: 'yesPartlyNo' })], {
    target: 50,
  }),
]);

// a: 25 (gap 55), b: 50 (gap 10), c: 75 (target met, 25 above).
const given = answers({
  a1: value('partly'),
  a2: value('no'),
  b1: value('yes'),
  b2: value('no'),
  c1: value('yes'),
  c2: value('partly'),
});

const group = (analysis: ReturnType<typeof analyse>, id: string) => {
  const found = analysis.groups.find((entry) => entry.pillarId === id);
  if (!found) throw new Error(`no group ${id}`);
  return found;
};

describe('gaps and priorities', () => {
  it('computes gap = target − score per pillar, and the priority as share × gap', () => {
    const analysis = analyse(q, given, { profile: profile() });
    expect(group(analysis, 'a')).toMatchObject({ score: 25, target: 80, gap: 55, status: 'gap', rank: 1 });
    expect(group(analysis, 'a').priority).toBeCloseTo(55 / 3);
    expect(group(analysis, 'b')).toMatchObject({ score: 50, gap: 10, status: 'gap', rank: 2 });
    expect(group(analysis, 'b').priority).toBeCloseTo(10 / 3);
    expect(analysis.ranking.map((entry) => entry.pillarId)).toEqual(['a', 'b']);
  });

  it('gives a pillar that meets its target no priority, and keeps the surplus as a negative gap', () => {
    const c = group(analyse(q, given, { profile: profile() }), 'c');
    expect(c).toMatchObject({ score: 75, target: 50, gap: -25, status: 'met', priority: 0, rank: null });
  });

  it('lets the pillar weights reorder the priorities even when the gaps stay the same', () => {
    const analysis = analyse(q, given, { profile: profile({ pillars: { a: 1, b: 10, c: 1 } }) });
    expect(group(analysis, 'a').gap).toBe(55);
    expect(group(analysis, 'b').priority).toBeCloseTo((10 / 12) * 10);
    expect(group(analysis, 'a').priority).toBeCloseTo((1 / 12) * 55);
    expect(analysis.ranking.map((entry) => entry.pillarId)).toEqual(['b', 'a']);
  });

  it('adds the weighted gaps up to the overall gap (overall target − overall score)', () => {
    const analysis = analyse(q, given, { profile: profile({ pillars: { a: 2, b: 1, c: 3 } }) });
    const { score, target, gap } = analysis.overall;
    expect(score).toBeCloseTo((2 * 25 + 50 + 3 * 75) / 6);
    expect(target).toBeCloseTo((2 * 80 + 60 + 3 * 50) / 6);
    expect(gap).toBeCloseTo((target ?? 0) - (score ?? 0));
    const sumOfWeightedGaps = analysis.groups.reduce((sum, entry) => sum + (entry.weightedGap ?? 0), 0);
    expect(sumOfWeightedGaps).toBeCloseTo(gap ?? Number.NaN);
  });

  it('uses the assessment’s own targets over the questionnaire’s', () => {
    const analysis = analyse(q, given, { profile: profile(), targets: { c: 90 } });
    expect(group(analysis, 'c')).toMatchObject({ target: 90, gap: 15, status: 'gap', rank: 2 });
    expect(group(analysis, 'a').target).toBe(80);
  });

  it('aims at 100 for a pillar whose questionnaire sets no target', () => {
    const plain = questionnaire([pillar('p', [question({ id: 'p1', type: 'yesNo' })])]);
    const analysis = analyse(plain, answers({ p1: value('no') }), { profile: profile() });
    expect(group(analysis, 'p')).toMatchObject({ target: 100, gap: 100 });
  });

  it('leaves a pillar that could not be assessed out of the gaps and the overall target', () => {
    const analysis = analyse(
      q,
      { ...given, ...answers({ b1: notApplicable, b2: notApplicable }) },
      {
        profile: profile(),
      },
    );
    expect(group(analysis, 'b')).toMatchObject({
      score: null,
      gap: null,
      weightedGap: null,
      priority: 0,
      rank: null,
      status: 'notAssessed',
      band: undefined,
    });
    expect(analysis.overall.target).toBeCloseTo((80 + 50) / 2);
    expect(analysis.ranking.map((entry) => entry.pillarId)).toEqual(['a']);
  });

  it('shows the gap of a zero-weight pillar but gives it no priority', () => {
    const analysis = analyse(q, given, { profile: profile({ pillars: { a: 0 } }) });
    expect(group(analysis, 'a')).toMatchObject({
      gap: 55,
      share: 0,
      nominalShare: 0,
      weightedGap: 0,
      priority: 0,
      rank: null,
      status: 'zeroWeight',
    });
    expect(analysis.ranking.map((entry) => entry.pillarId)).toEqual(['b']);
  });

  it('refuses all-zero weights with a clear error instead of a number', () => {
    const zero = profile({ pillars: { a: 0, b: 0, c: 0 } });
    expect(() => analyse(q, given, { profile: zero })).toThrow(WeightError);
    expect(() => analyse(q, given, { profile: zero })).toThrow(/give at least one pillar a weight above 0/);
    // It says where and what to do.
    expect(() => analyse(q, given, { profile: zero })).toThrow(
      /under “Weights and targets”, give at least one pillar a weight above 0, or choose another weight profile/,
    );
  });

  it('ranks equal priorities by the larger gap, then in questionnaire order', () => {
    const tie = analyse(q, answers({ a1: value('no'), a2: value('no'), b1: value('no'), b2: value('no') }), {
      profile: profile(),
      targets: { a: 60, b: 60, c: 0 },
    });
    expect(tie.ranking.map((entry) => entry.pillarId)).toEqual(['a', 'b']);
    const weighted = analyse(q, given, { profile: profile({ pillars: { a: 10, b: 55, c: 1 } }) });
    // a: 10/66 × 55 = b: 55/66 × 10; a has the larger gap.
    expect(group(weighted, 'a').priority).toBeCloseTo(group(weighted, 'b').priority);
    expect(weighted.ranking.map((entry) => entry.pillarId)).toEqual(['a', 'b']);
  });

  it('does not call rounding noise a gap', () => {
    const thirds = questionnaire([
      pillar(
        'p',
        ['x', 'y', 'z'].map((id) => question({ id, type: 'yesNo' })),
        { target: 200 / 3 },
      ),
    ]);
    const analysis = analyse(thirds, answers({ x: value('yes'), y: value('yes'), z: value('no') }), {
      profile: profile(),
    });
    expect(group(analysis, 'p')).toMatchObject({ gap: 0, status: 'met', priority: 0 });
  });
});

describe('the working behind each score', () => {
  it('gives each question its score, weight, share, contribution and gap, adding up to the pillar', () => {
    const weighted = questionnaire([
      pillar(
        'p',
        [
          question({ id: 'x', type: 'yesPartlyNo' }),
          question({ id: 'y', type: 'maturity', weight: 2 }),
          question({ id: 'z', type: 'yesNo' }),
          question({ id: 'n', type: 'yesNo' }),
          question({ id: 't', type: 'text' }),
        ],
        { target: 70 },
      ),
    ]);
    const analysis = analyse(
      weighted,
      answers({ x: value('partly'), y: value(3), z: dontKnow, n: notApplicable, t: value('notes') }),
      { profile: profile() },
    );
    const p = group(analysis, 'p');
    expect(p.weightSum).toBe(4);
    expect(p.weightedScoreSum).toBeCloseTo(0.5 + 2 * 0.6);
    expect(p.score).toBeCloseTo((100 * 1.7) / 4);
    const [x, y, z, n, t] = p.questions;
    expect(x).toMatchObject({
      weight: 1,
      share: 0.25,
      points: 50,
      contribution: 12.5,
      gap: 20,
      shortfall: 5,
    });
    expect(y).toMatchObject({ weight: 2, share: 0.5, points: 60, contribution: 30, gap: 10, shortfall: 5 });
    expect(z).toMatchObject({ status: 'dontKnow', points: 0, contribution: 0, gap: 70, shortfall: 17.5 });
    expect(n).toMatchObject({ status: 'notApplicable', share: null, contribution: null, gap: null });
    expect(t).toMatchObject({ status: 'unscored', contribution: null });
    const contributions = p.questions.reduce((sum, entry) => sum + (entry.contribution ?? 0), 0);
    expect(contributions).toBeCloseTo(p.score ?? Number.NaN);
    const shortfalls = p.questions.reduce((sum, entry) => sum + (entry.shortfall ?? 0), 0);
    expect(shortfalls).toBeGreaterThanOrEqual(p.gap ?? Number.NaN);
  });
});

describe('bands', () => {
  it('reads scores in the GCI 2024 tiers by default, boundaries included', () => {
    const band = (score: number) =>
      analyse(
        questionnaire([pillar('p', [question({ id: 'p1', type: 'percentage' })])]),
        answers({ p1: value(score) }),
        { profile: profile() },
      ).overall.band?.id;
    expect(band(100)).toBe('role-modelling');
    expect(band(95)).toBe('role-modelling');
    expect(band(94.9)).toBe('advancing');
    expect(band(85)).toBe('advancing');
    expect(band(55)).toBe('establishing');
    expect(band(54)).toBe('evolving');
    expect(band(20)).toBe('evolving');
    expect(band(19.9)).toBe('building');
    expect(band(0)).toBe('building');
  });

  it('uses the bands a profile sets, for the overall and for each pillar', () => {
    const bands = [
      { id: 'high', label: { en: 'High' }, from: 50 },
      { id: 'low', label: { en: 'Low' }, from: 0 },
    ];
    const analysis = analyse(q, given, { profile: profile({ bands }) });
    expect(analysis.bands).toEqual(bands);
    expect(group(analysis, 'a').band?.id).toBe('low');
    expect(group(analysis, 'b').band?.id).toBe('high');
    expect(analyse(q, given, { profile: profile() }).bands).toBe(GCI_2024_BANDS);
  });
});

describe('the five GCI pillars', () => {
  const mixed = questionnaire([
    pillar(
      'strategy',
      [
        question({ id: 's-law', type: 'yesNo', gciPillar: 'legal' }),
        question({ id: 's-org', type: 'yesNo', gciPillar: 'organizational' }),
      ],
      { target: 80 },
    ),
    pillar(
      'cirt',
      [
        question({ id: 'c-tech', type: 'yesNo', gciPillar: 'technical' }),
        question({ id: 'c-org', type: 'yesNo', gciPillar: 'organizational' }),
        question({
          id: 'c-follow',
          type: 'yesNo',
          gciPillar: 'technical',
          showIf: { question: 'c-tech', equals: 'yes' },
        }),
      ],
      { target: 40 },
    ),
  ]);
  const mixedAnswers = answers({
    's-law': value('yes'),
    's-org': value('no'),
    'c-tech': value('no'),
    'c-org': value('yes'),
    'c-follow': value('yes'),
  });

  it('groups the same answers by each question’s GCI pillar, all five present in the GCI order', () => {
    const analysis = analyse(mixed, mixedAnswers, { profile: profile(), groupBy: 'gciPillar' });
    expect(analysis.groups.map((entry) => entry.pillarId)).toEqual([
      'legal',
      'technical',
      'organizational',
      'capacity',
      'cooperation',
    ]);
    expect(group(analysis, 'legal').score).toBe(100);
    // The follow-up stays hidden and counts 0: visibility comes from the questionnaire, not the grouping.
    expect(group(analysis, 'technical')).toMatchObject({ score: 0, counted: 2 });
    expect(group(analysis, 'organizational').score).toBe(50);
    expect(group(analysis, 'capacity')).toMatchObject({ score: null, status: 'notAssessed' });
    expect(analysis.overall.score).toBeCloseTo(50);
  });

  it('derives a GCI pillar’s target from the targets of its questions’ own pillars', () => {
    const analysis = analyse(mixed, mixedAnswers, { profile: profile(), groupBy: 'gciPillar' });
    expect(group(analysis, 'organizational').target).toBeCloseTo((80 + 40) / 2);
    expect(group(analysis, 'legal')).toMatchObject({ target: 80, gap: -20, status: 'met' });
    expect(group(analysis, 'technical')).toMatchObject({ target: 40, gap: 40 });
    const org = group(analysis, 'organizational');
    expect(org.questions.map((entry) => [entry.questionId, entry.pillarId, entry.target])).toEqual([
      ['s-org', 'strategy', 80],
      ['c-org', 'cirt', 40],
    ]);
  });

  it('weighs the GCI pillars with the profile’s GCI weights, and takes the profile’s grouping by default', () => {
    const analysis = analyse(mixed, mixedAnswers, {
      profile: profile({ groupBy: 'gciPillar', gciPillars: { legal: 3, technical: 1, organizational: 0 } }),
    });
    expect(analysis.groupBy).toBe('gciPillar');
    expect(group(analysis, 'legal').share).toBe(0.75);
    expect(group(analysis, 'organizational').status).toBe('zeroWeight');
    expect(analysis.overall.score).toBeCloseTo(75);
  });

  it('refuses GCI weights that are all zero, naming the GCI pillars', () => {
    const zero = profile({
      gciPillars: { legal: 0, technical: 0, organizational: 0, capacity: 0, cooperation: 0 },
    });
    expect(() => analyse(mixed, mixedAnswers, { profile: zero, groupBy: 'gciPillar' })).toThrow(
      /Every GCI pillar has weight 0/,
    );
    expect(analyse(mixed, mixedAnswers, { profile: zero }).overall.score).not.toBeNull();
  });
});
