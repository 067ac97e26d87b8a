/**
 * Where the texts of each kind of built-in content are (see `split.ts`): the slots of
 * questionnaires, catalog summaries, the clause registry and weight profiles.
 */
import type { ClauseRegistry } from '../questionnaire/clauses.ts';
import type { QuestionnaireSummary } from '../questionnaire/catalog.ts';
import type { WeightProfile } from '../profiles/schema.ts';
import type { TextSlots } from './split.ts';

/** The built-in questionnaires' titles and descriptions, for the first screen. */
export const catalogTexts: TextSlots<readonly QuestionnaireSummary[]> = (catalog) =>
  catalog.flatMap((summary) =>
    summary.description ? [summary.title, summary.description] : [summary.title],
  );

export const clauseTexts: TextSlots<ClauseRegistry> = (registry) => [
  ...registry.documents.flatMap((document) =>
    document.publisher ? [document.title, document.publisher] : [document.title],
  ),
  ...registry.clauses.map((clause) => clause.summary),
];

export const profileTexts: TextSlots<readonly WeightProfile[]> = (profiles) =>
  profiles.flatMap((profile) => [
    profile.title,
    profile.rationale,
    ...(profile.bands ?? []).map((band) => band.label),
  ]);
