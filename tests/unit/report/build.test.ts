import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/analysis/index.ts';
import { clauseCitations } from '../../../src/questionnaire/citations.ts';
import type { Assessment } from '../../../src/assessment/types.ts';
import type { WeightProfile } from '../../../src/profiles/schema.ts';
import { buildReport, type Report } from '../../../src/report/index.ts';
import { loadClauseRegistry } from '../../../scripts/lib/questionnaires.ts';
import { answers, assessment, sample } from '../transfer/data.ts';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const byId = Object.fromEntries(answers.map((answer) => [answer.questionId, answer]));
const clauses = clauseCitations(loadClauseRegistry());

const equal: WeightProfile = {
  kind: 'weightProfile',
  format: 1,
  id: 'equal',
  version: '1.0.0',
  title: { en: 'Equal weights' },
  rationale: { en: 'Every pillar counts the same.' },
  appliesTo: ['sample'],
};

/** Strategy counts three times and its first question three times; skills twice; organizational measures twice. */
const weighted: WeightProfile = {
  ...equal,
  id: 'ministry-2026',
  version: '1.0.2',
  title: { en: 'Ministry weighting', ru: 'Веса министерства' },
  rationale: { en: 'Strategy first (R130/instructs-bdt/national-strategies).' },
  basedOn: 'equal',
  pillars: { strategy: 3, cirt: 1, skills: 2, gender: 1, smes: 1, awareness: 1 },
  questions: { 'strategy.exists': 3 },
  gciPillars: { organizational: 2 },
};

/** The assessment aims higher on skills than the questionnaire (60). */
const ownTargets: Assessment = { ...assessment, targets: { skills: 80 } };

const build = (profile: WeightProfile, sharing = false, of = ownTargets) =>
  buildReport(of, sample, byId, { now: NOW, sharing, profile, clauses });

const figures = (report: Report) =>
  report.summary.analysis.groups.map((group) => ({
    id: group.pillarId,
    score: group.score,
    target: group.target,
    gap: group.gap,
    share: group.share,
    band: group.band?.id,
    coverage: group.coverage,
  }));

describe('the report', () => {
  it('holds the cover, every answer with its comment and evidence, and the questionnaire', () => {
    const report = build(equal, false, assessment);
    expect(report.cover).toMatchObject({
      name: assessment.name,
      preparedBy: assessment.preparedBy,
      questionnaire: { id: 'sample', version: '1.0.0' },
      profile: { id: 'equal', version: '1.0.0' },
      generatedAt: NOW.toISOString(),
      progress: { responded: 8, shown: 10 },
      // No date set: the day the record was created.
      assessedOn: assessment.createdAt.slice(0, 10),
    });
    expect(build(equal, false, { ...assessment, assessedOn: '2027-02-01' }).cover.assessedOn).toBe(
      '2027-02-01',
    );
    const strategy = report.answers.pillars[0]!.questions[0]!;
    expect(strategy).toMatchObject({
      number: '1.1',
      status: 'answered',
      answer: { kind: 'word', word: 'partly' },
      comment: 'Draft approved by the cabinet; minister named in the memo.',
      commentRestricted: true,
      score: 0.5,
      weight: 1,
      share: 0.5,
    });
    expect(strategy.evidence).toHaveLength(2);
    expect(report.answers.pillars.flatMap((p) => p.questions)).toHaveLength(10);
    expect(report.appendix.questionnaire).toMatchObject({ id: 'sample', version: '1.0.0' });
    expect(report.appendix.questionWeights).toEqual([]);
    expect(report.appendix.pillarWeights.map((p) => p.weight)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('gives a figure its definition and the rule that scores it, and free text neither', () => {
    const questions = build(equal).answers.pillars.flatMap((p) => p.questions);
    const of = (id: string) => questions.find((q) => q.id === id)!;
    expect(of('gender.share').definition?.en).toMatch(/^Women among all people/);
    const share = sample.pillars.flatMap((p) => p.questions).find((q) => q.id === 'gender.share');
    expect(of('gender.share').rule?.rule).toEqual(share && 'scoring' in share ? share.scoring : 'no rule');
    expect(of('skills.certified').rule?.rule).toEqual({ kind: 'linear', scoreZeroAt: 0, scoreFullAt: 200 });
    expect(of('skills.certified').definition).toBeUndefined();
    expect(of('awareness.lessons')).not.toHaveProperty('rule');
    expect(of('strategy.review')).not.toHaveProperty('definition');
  });

  it('computes with the assessment’s own profile and targets: the summary', () => {
    const report = build(weighted);
    // strategy: (3 × ½ + 0.6) / 4 = 52.5; CIRT: (1 + 0.7) / 2 = 85; skills: (0.6 + 0) / 2 = 30;
    // gender "don't know" 0; SMEs not applicable (no score); awareness unanswered 0.
    expect(figures(report)).toEqual([
      { id: 'strategy', score: 52.5, target: 70, gap: 17.5, share: 3 / 8, band: 'evolving', coverage: 1 },
      { id: 'cirt', score: 85, target: 70, gap: -15, share: 1 / 8, band: 'advancing', coverage: 1 },
      { id: 'skills', score: 30, target: 80, gap: 50, share: 2 / 8, band: 'evolving', coverage: 0.5 },
      { id: 'gender', score: 0, target: 60, gap: 60, share: 1 / 8, band: 'building', coverage: 0 },
      { id: 'smes', score: null, target: 50, gap: null, share: null, band: undefined, coverage: null },
      { id: 'awareness', score: 0, target: 60, gap: 60, share: 1 / 8, band: 'building', coverage: 0 },
    ]);
    const { overall, coverage } = report.summary.analysis;
    // 3/8 × 52.5 + 1/8 × 85 + 2/8 × 30 = 37.8125; targets alike: 3/8 × 70 + 1/8 × 70 + 2/8 × 80 + 1/8 × 60 × 2 = 70.
    expect(overall.score).toBeCloseTo(37.8125, 10);
    expect(overall.target).toBeCloseTo(70, 10);
    expect(overall.gap).toBeCloseTo(32.1875, 10);
    expect(overall.band?.id).toBe('evolving');
    expect(coverage).toBe(5 / 8);
    // The answers carry the same weights: the first strategy question weighs 3 of 4.
    expect(report.answers.pillars[0]).toMatchObject({ score: 52.5, target: 70, share: 3 / 8 });
    expect(report.answers.pillars[0]!.questions.map((q) => [q.weight, q.share])).toEqual([
      [3, 0.75],
      [1, 0.25],
    ]);
    expect(report.answers.pillars[2]!.target).toBe(80);
  });

  it('ranks the gaps by priority and gives the five GCI pillars of the same answers', () => {
    const { gaps } = build(weighted);
    // Weighted gaps: skills 2/8 × 50 = 12.5; gender and awareness 1/8 × 60 = 7.5 (tie: document
    // order); strategy 3/8 × 17.5 = 6.5625. The CIRT meets its target, SMEs have no score.
    expect(gaps.analysis.ranking.map((group) => [group.pillarId, group.rank, group.priority])).toEqual([
      ['skills', 1, 12.5],
      ['gender', 2, 7.5],
      ['awareness', 3, 7.5],
      ['strategy', 4, 6.5625],
    ]);
    expect(gaps.otherView.groupBy).toBe('gciPillar');
    // organizational 2 (strategy, its first question weighing 3), technical 1, capacity 1.
    expect(
      gaps.otherView.groups.map((group) => [group.pillarId, group.score, group.target, group.share]),
    ).toEqual([
      ['legal', null, null, null],
      ['technical', 85, 70, 0.25],
      ['organizational', 52.5, 70, 0.5],
      ['capacity', 15, 70, 0.25],
      ['cooperation', null, null, null],
    ]);
    expect(gaps.otherView.overall.score).toBeCloseTo(51.25, 10);
  });

  it('turns the ranked gaps into the action plan, with the sources, their documents and summaries', () => {
    const { plan } = build(weighted);
    expect(plan.items.map((item) => item.groupId)).toEqual(['skills', 'gender', 'awareness', 'strategy']);
    const [skills, , , strategy] = plan.items;
    // Against the target of 80, the gap found: the 120 certified (½ × 20 = 10); curricula is
    // unanswered, so still to answer rather than a gap.
    expect(skills!.steps.map((step) => [step.questionId, step.status, step.points, step.shortfall])).toEqual([
      ['skills.certified', 'answered', 60, 10],
    ]);
    expect(skills!.open.map((step) => [step.questionId, step.status])).toEqual([
      ['skills.curricula', 'unanswered'],
    ]);
    expect(skills!.provisional).toBe(true);
    expect(skills!.clauses).toEqual([
      'R130/recognizing/workforce-shortage',
      'R130/instructs-bdt/skills-capacity',
    ]);
    expect(strategy!.steps.map((step) => [step.questionId, step.shortfall])).toEqual([
      ['strategy.exists', 15],
      ['strategy.review', 2.5],
    ]);
    expect(strategy!.steps[0]!.action?.en).toMatch(/strategy/i);
    const cited = new Set(plan.items.flatMap((item) => item.clauses));
    expect(plan.citations.map((citation) => citation.id)).toEqual([...cited]);
    expect(plan.citations[0]!.summary?.en).toBe(
      clauses.get('R130/recognizing/workforce-shortage')!.summary?.en,
    );
    // Each citation is named by its own document: the resolution, or the questionnaire's reference.
    const byId = new Map(plan.citations.map((citation) => [citation.id, citation]));
    expect(byId.get('R130/recognizing/workforce-shortage')?.document?.title.en).toBe(
      'ITU Plenipotentiary Resolution 130 (Rev. Bucharest, 2022)',
    );
    expect(byId.get('ncs-guide')?.document).toMatchObject({
      title: { en: 'Guide to Developing a National Cybersecurity Strategy, second edition' },
      year: 2021,
      defaultLanguage: 'en',
    });
    expect(byId.get('ncs-guide')?.summary?.en).toMatch(/What a national strategy covers/);
  });

  it('states the profile, weights, targets and bands used in the appendix', () => {
    const { appendix } = build(weighted);
    expect(appendix.profile).toEqual({
      id: 'ministry-2026',
      version: '1.0.2',
      title: weighted.title,
      rationale: weighted.rationale,
      basedOn: 'equal',
      groupBy: 'pillar',
    });
    expect(appendix.pillarWeights.map((p) => [p.id, p.weight, p.nominalShare, p.share])).toEqual([
      ['strategy', 3, 3 / 9, 3 / 8],
      ['cirt', 1, 1 / 9, 1 / 8],
      ['skills', 2, 2 / 9, 2 / 8],
      ['gender', 1, 1 / 9, 1 / 8],
      ['smes', 1, 1 / 9, null],
      ['awareness', 1, 1 / 9, 1 / 8],
    ]);
    expect(appendix.gciWeights.map((p) => [p.id, p.weight, p.nominalShare])).toEqual([
      ['legal', 1, 1 / 6],
      ['technical', 1, 1 / 6],
      ['organizational', 2, 2 / 6],
      ['capacity', 1, 1 / 6],
      ['cooperation', 1, 1 / 6],
    ]);
    expect(appendix.questionWeights).toEqual([
      {
        id: 'strategy.exists',
        number: '1.1',
        text: sample.pillars[0]!.questions[0]!.text,
        weight: 3,
        questionnaireWeight: 1,
      },
    ]);
    expect(
      appendix.targets
        .filter((entry) => entry.target !== entry.questionnaireTarget)
        .map(({ id, target, questionnaireTarget }) => ({ id, target, questionnaireTarget })),
    ).toEqual([{ id: 'skills', target: 80, questionnaireTarget: 60 }]);
    expect(appendix.targets.map((entry) => entry.target)).toEqual([70, 70, 80, 60, 50, 60]);
    expect(appendix.bands.map((band) => band.from)).toEqual([95, 85, 55, 20, 0]);
    expect(appendix.overallBand?.id).toBe('evolving');
  });

  it('lists in the appendix everything the questions cite, each once, in the order first cited', () => {
    // The last question cites again what the first one cites.
    const questionnaire = structuredClone(sample);
    const first = questionnaire.pillars[0]!.questions[0]!;
    questionnaire.pillars.at(-1)!.questions.at(-1)!.sources.push(first.sources[0]!);
    const { appendix } = buildReport(ownTargets, questionnaire, byId, {
      now: NOW,
      sharing: false,
      profile: equal,
      clauses,
    });
    const cited = questionnaire.pillars.flatMap((pillar) =>
      pillar.questions.flatMap((question) => question.sources),
    );
    expect(appendix.cited.map((citation) => citation.id)).toEqual([...new Set(cited)]);
    expect(appendix.cited.length).toBe(cited.length - 1);
    const citation = new Map(appendix.cited.map((entry) => [entry.id, entry]));
    expect(citation.get('R130/recognizing/workforce-shortage')?.summary?.en).toBe(
      clauses.get('R130/recognizing/workforce-shortage')!.summary?.en,
    );
    expect(citation.get('ncs-guide')?.document?.year).toBe(2021);
  });

  it('shows exactly what the results screen computes for the same profile and targets', () => {
    const report = build(weighted);
    const results = analyse(sample, byId, { profile: weighted, targets: ownTargets.targets });
    expect(report.summary.analysis).toEqual(results);
  });

  it('follows a profile that groups by the five GCI pillars, and then gives the pillars beside them', () => {
    const report = build({ ...weighted, groupBy: 'gciPillar' });
    expect(report.summary.analysis.groupBy).toBe('gciPillar');
    expect(report.gaps.otherView.groupBy).toBe('pillar');
    expect(report.appendix.profile.groupBy).toBe('gciPillar');
    // capacity: 1/4 × (70 − 15) = 13.75; organizational: 1/2 × (70 − 52.5) = 8.75; technical meets it.
    expect(report.plan.items.map((item) => [item.groupId, item.priority])).toEqual([
      ['capacity', 13.75],
      ['organizational', 8.75],
    ]);
    // The answers stay in the questionnaire's pillars.
    expect(report.answers.pillars.map((p) => p.id)).toEqual(sample.pillars.map((p) => p.id));
  });

  it('a copy for sharing leaves out restricted comments and evidence, and names, with the same figures', () => {
    const full = build(weighted);
    const shared = build(weighted, true);
    expect(shared.cover.preparedBy).toBeUndefined();
    expect(shared.cover.sharing).toBe(true);
    const strategy = shared.answers.pillars[0]!.questions[0]!;
    expect(strategy.comment).toBeUndefined();
    expect(strategy.evidence.map((e) => e.reference)).toEqual(['Decree 12/2025']);
    expect(JSON.stringify(shared)).not.toContain('Cabinet memo 7');
    expect(JSON.stringify(shared)).not.toContain('A. Petrova');
    expect(shared.summary).toEqual(full.summary);
    expect(shared.plan).toEqual(full.plan);
    expect(shared.appendix).toEqual(full.appendix);
  });
});
