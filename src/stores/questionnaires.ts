import { defineStore } from 'pinia';
import { markRaw, shallowRef } from 'vue';
import { catalog, loadClauses, loadQuestionnaire } from 'virtual:questionnaires';
import type { Clause } from '../questionnaire/clauses.ts';
import { clauseIndex } from '../questionnaire/clauseIndex.ts';
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

  async function ensureClauses(): Promise<void> {
    if (clauses.value.size === 0) clauses.value = clauseIndex(await loadClauses());
  }

  const summary = (id: string) => catalog.find((entry) => entry.id === id);

  return { catalog, summary, load, loaded, clauses, ensureClauses };
});
