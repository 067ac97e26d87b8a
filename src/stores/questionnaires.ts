import { defineStore } from 'pinia';
import { markRaw, shallowRef } from 'vue';
import { catalog, loadClauses, loadQuestionnaire } from 'virtual:questionnaires';
import type { Clause } from '../questionnaire/clauses.ts';
import type { Questionnaire } from '../questionnaire/schema.ts';

/**
 * The built-in questionnaires (validated when the app was built) and the clause registry.
 * Each questionnaire is a separate chunk, loaded on first use and kept; they are static data,
 * so they are kept raw rather than made deeply reactive.
 */
export const useQuestionnairesStore = defineStore('questionnaires', () => {
  const loaded = shallowRef<ReadonlyMap<string, Questionnaire>>(new Map());
  const clauses = shallowRef<ReadonlyMap<string, Clause>>(new Map());

  async function load(id: string): Promise<Questionnaire | undefined> {
    const cached = loaded.value.get(id);
    if (cached) return cached;
    const questionnaire = await loadQuestionnaire(id);
    if (questionnaire) loaded.value = new Map(loaded.value).set(id, markRaw(questionnaire));
    return questionnaire;
  }

  // The clause module brings the Zod schemas with it: fetched with the clauses, not on the first screen.
  async function ensureClauses(): Promise<void> {
    if (clauses.value.size > 0) return;
    const [{ clauseIndex }, registry] = await Promise.all([
      import('../questionnaire/clauses.ts'),
      loadClauses(),
    ]);
    clauses.value = clauseIndex(registry);
  }

  const summary = (id: string) => catalog.find((entry) => entry.id === id);

  return { catalog, summary, load, loaded, clauses, ensureClauses };
});
