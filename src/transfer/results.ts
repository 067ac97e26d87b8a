/**
 * The figures an assessment export carries beside its answers: the scores, targets, gaps,
 * priorities and bands as the results screen shows them, computed with the assessment's own
 * weight profile and targets (`analyseAssessment`), and whether each is final. They are for
 * people and tools reading the file; on import the app recomputes everything from the answers
 * and ignores them.
 */
import type { GapAnalysis } from '../analysis/gaps.ts';
import { FINAL_COVERAGE } from '../analysis/provisional.ts';
import { GROUPINGS } from '../scoring/groupings.ts';
import { identifier, versionSchema } from '../validation/fields.ts';
import { z } from '../validation/zod.ts';

const figure = z.number().nullable();
const state = z.enum(['empty', 'provisional', 'final']);

const resultFigures = {
  score: figure.meta({ description: '0 to 100; null with no answer, or where nothing counts' }),
  target: figure,
  gap: figure.meta({ description: 'target − score' }),
  band: identifier
    .nullable()
    .meta({ description: 'The id of the band the score is in; null while provisional (not a verdict yet)' }),
  coverage: figure.meta({ description: 'The part of the score’s weight that is settled, 0 to 1' }),
  ceiling: figure.meta({ description: 'The most the score can reach once every open question is answered' }),
  provisional: z.boolean(),
};

export const exportedResultsSchema = z
  .strictObject({
    profile: z.strictObject({ id: identifier, version: versionSchema }),
    groupBy: z.enum(GROUPINGS),
    state,
    finalCoverage: z
      .number()
      .min(0)
      .max(1)
      .meta({ description: 'The coverage from which a result counts as final' }),
    overall: z.strictObject(resultFigures),
    pillars: z
      .array(
        z.strictObject({
          id: identifier,
          ...resultFigures,
          weightedGap: figure.meta({
            description: 'share × gap: the points of the overall gap it accounts for',
          }),
          priority: z.number(),
          rank: z.number().int().min(1).nullable(),
        }),
      )
      .max(200),
  })
  .meta({
    id: 'Results',
    description:
      'The figures as Baseline computed them at export, with the assessment’s own weight profile and targets. ' +
      'For reading only: on import they are ignored and recomputed from the answers.',
  });
export type ExportedResults = z.infer<typeof exportedResultsSchema>;

export function exportedResults(analysis: GapAnalysis): ExportedResults {
  const band = (id: string | undefined, provisional: boolean) => (id && !provisional ? id : null);
  const { overall } = analysis;
  return {
    profile: { id: analysis.profileId, version: analysis.profileVersion },
    groupBy: analysis.groupBy,
    state: analysis.state,
    finalCoverage: FINAL_COVERAGE,
    overall: {
      score: overall.score,
      target: overall.target,
      gap: overall.gap,
      band: band(overall.band?.id, overall.provisional),
      coverage: analysis.coverage,
      ceiling: overall.ceiling,
      provisional: overall.provisional,
    },
    pillars: analysis.groups.map((group) => ({
      id: group.pillarId,
      score: group.score,
      target: group.target,
      gap: group.gap,
      band: band(group.band?.id, group.provisional),
      coverage: group.coverage,
      ceiling: group.ceiling,
      provisional: group.provisional,
      weightedGap: group.weightedGap,
      priority: group.priority,
      rank: group.rank,
    })),
  };
}
