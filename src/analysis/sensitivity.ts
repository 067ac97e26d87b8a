/**
 * Sensitivity: the same assessment under two weight profiles, side by side, and how the
 * ranking of gaps changes between them. Both analyses must use the same grouping.
 */
import type { GapAnalysis, GroupAnalysis, Overall } from './gaps.ts';

export interface SideFigures {
  score: number | null;
  gap: number | null;
  share: number | null;
  priority: number;
  rank: number | null;
}

export interface SensitivityRow {
  groupId: string;
  a: SideFigures;
  b: SideFigures;
  /**
   * Places the gap moves up the ranking under B (positive: more urgent under B); `null` when
   * it is ranked under only one of them, or neither.
   */
  rankChange: number | null;
}

export interface Sensitivity {
  overall: { a: Overall; b: Overall };
  /** In the order of the analyses' groups. */
  rows: SensitivityRow[];
  /** Whether the ranked gaps come in the same order under both. */
  sameRanking: boolean;
  /** Pairs of gaps, among those ranked under both, whose order is reversed under B. */
  swappedPairs: number;
}

export function compareAnalyses(a: GapAnalysis, b: GapAnalysis): Sensitivity {
  if (a.groupBy !== b.groupBy) throw new Error('Compare two analyses with the same grouping.');
  const other = new Map(b.groups.map((group) => [group.pillarId, group]));
  const rows = a.groups.map((group) => {
    const counterpart = other.get(group.pillarId);
    const [left, right] = [figures(group), figures(counterpart)];
    return {
      groupId: group.pillarId,
      a: left,
      b: right,
      rankChange: left.rank !== null && right.rank !== null ? left.rank - right.rank : null,
    };
  });
  const order = (analysis: GapAnalysis) => analysis.ranking.map((group) => group.pillarId);
  return {
    overall: { a: a.overall, b: b.overall },
    rows,
    sameRanking: order(a).join('\n') === order(b).join('\n'),
    swappedPairs: swappedPairs(rows),
  };
}

function figures(group: GroupAnalysis | undefined): SideFigures {
  return {
    score: group?.score ?? null,
    gap: group?.gap ?? null,
    share: group?.share ?? null,
    priority: group?.priority ?? 0,
    rank: group?.rank ?? null,
  };
}

function swappedPairs(rows: SensitivityRow[]): number {
  const both = rows.filter((row) => row.a.rank !== null && row.b.rank !== null);
  let swapped = 0;
  both.forEach((first, i) =>
    both.slice(i + 1).forEach((second) => {
      if (
        Math.sign((first.a.rank ?? 0) - (second.a.rank ?? 0)) !==
        Math.sign((first.b.rank ?? 0) - (second.b.rank ?? 0))
      )
        swapped += 1;
    }),
  );
  return swapped;
}
