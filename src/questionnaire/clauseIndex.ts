/**
 * The clause registry by id. Kept apart from the registry's schema (`clauses.ts`) so that the
 * screens that only look clauses up do not load Zod.
 */
import type { Clause, ClauseRegistry } from './clauses.ts';

export function clauseIndex(registry: ClauseRegistry): Map<string, Clause> {
  return new Map(registry.clauses.map((clause) => [clause.id, clause]));
}
