import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/report/index.ts';
import { answers, assessment, sample } from '../transfer/data.ts';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const byId = Object.fromEntries(answers.map((answer) => [answer.questionId, answer]));

describe('the report', () => {
  it('holds the cover, the scores, every answer and the working', () => {
    const report = buildReport(assessment, sample, byId, { now: NOW, sharing: false });
    expect(report.cover).toMatchObject({
      name: assessment.name,
      preparedBy: assessment.preparedBy,
      questionnaire: { id: 'sample', version: '1.0.0' },
      generatedAt: NOW.toISOString(),
      progress: { responded: 8, shown: 10 },
    });
    // strategy: (0.5 + 0.6) / 2 = 55; CIRT: yes 1 and the two services chosen 0.7 → 85.
    expect(report.summary.pillars.map((p) => [p.id, p.score === null ? null : Math.round(p.score)])).toEqual([
      ['strategy', 55],
      ['cirt', 85],
      ['skills', 30],
      ['gender', 0],
      ['smes', null],
      ['awareness', 0],
    ]);
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
    expect(report.appendix.pillarWeights.map((p) => p.weight)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(report.appendix.questionWeights).toEqual([]);
  });

  it('a copy for sharing leaves out restricted comments and evidence, and names', () => {
    const report = buildReport(assessment, sample, byId, { now: NOW, sharing: true });
    expect(report.cover.preparedBy).toBeUndefined();
    expect(report.cover.sharing).toBe(true);
    const strategy = report.answers.pillars[0]!.questions[0]!;
    expect(strategy.comment).toBeUndefined();
    expect(strategy.evidence.map((e) => e.reference)).toEqual(['Decree 12/2025']);
  });
});
