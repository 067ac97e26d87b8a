import { defineStore } from 'pinia';
import { markRaw, shallowRef } from 'vue';
import { catalog, loadClauses, loadQuestionnaire } from 'virtual:questionnaires';
import { citationIndex, clauseCitations, type CitationIndex } from '../questionnaire/citations.ts';
import type { Questionnaire } from '../questionnaire/schema.ts';

/**
 * The built-in questionnaires (validated when the app was built) and the clause registry.
 * Each questionnaire is a separate chunk, loaded on first use and kept; they are static data,
 * so they are kept raw rather than made deeply reactive.
 */
export const useQuestionnairesStore = defineStore('questionnaires', () => {
  const loaded = shallowRef<ReadonlyMap<string, Questionnaire>>(new Map());
  /** The registry's clauses, each with the document it comes from. */
  const clauses = shallowRef<CitationIndex>(new Map());

  async function load(id: string): Promise<Questionnaire | undefined> {
    const cached = loaded.value.get(id);
    if (cached) return cached;
    const questionnaire = await loadQuestionnaire(id);
    if (questionnaire) loaded.value = new Map(loaded.value).set(id, markRaw(questionnaire));
    return questionnaire;
  }

  async function ensureClauses(): Promise<void> {
    if (clauses.value.size === 0) clauses.value = clauseCitations(await loadClauses());
  }

  const summary = (id: string) => catalog.find((entry) => entry.id === id);

  /** What a questionnaire's `sources` may name: the registry's clauses and its own references. */
  const citationsFor = (questionnaire: Questionnaire): CitationIndex =>
    citationIndex(clauses.value, questionnaire);

  return { catalog, summary, load, loaded, clauses, ensureClauses, citationsFor };
});
