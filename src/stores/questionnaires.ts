import { defineStore } from 'pinia';
import { markRaw, shallowRef } from 'vue';
import { catalog, loadClauses, loadQuestionnaire } from 'virtual:questionnaires';
import { catalogTexts, clauseTexts, questionnaireTexts } from '../content/texts.ts';
import { citationIndex, clauseCitations, type CitationIndex } from '../questionnaire/citations.ts';
import type { Questionnaire } from '../questionnaire/schema.ts';
import { QUESTIONNAIRE_TEXTS, useContentStore } from './content.ts';

/**
 * The built-in questionnaires (validated when the app was built) and the clause registry.
 * Each questionnaire is a separate chunk, loaded on first use and kept; they are static data,
 * so they are kept raw rather than made deeply reactive. Each comes in its default language
 * and gets the texts of the language in use from the content store (`content.ts`), so the
 * objects have every language this page shows.
 */
export const useQuestionnairesStore = defineStore('questionnaires', () => {
  const content = useContentStore();
  const loaded = shallowRef<ReadonlyMap<string, Questionnaire>>(new Map());
  /** The registry's clauses, each with the document it comes from. */
  const clauses = shallowRef<CitationIndex>(new Map());
  const pending = new Map<string, Promise<Questionnaire | undefined>>();

  // The catalog's titles and descriptions follow the language too.
  void content.register(markRaw(catalog), 'catalog', catalogTexts, QUESTIONNAIRE_TEXTS);

  async function fetchQuestionnaire(id: string): Promise<Questionnaire | undefined> {
    const shell = await loadQuestionnaire(id);
    if (!shell) return undefined;
    const questionnaire = await content.register(
      markRaw(shell),
      `questionnaire/${id}`,
      questionnaireTexts,
      QUESTIONNAIRE_TEXTS,
    );
    loaded.value = new Map(loaded.value).set(id, questionnaire);
    return questionnaire;
  }

  async function load(id: string): Promise<Questionnaire | undefined> {
    const cached = loaded.value.get(id);
    if (cached) return cached;
    let loading = pending.get(id);
    if (!loading) pending.set(id, (loading = fetchQuestionnaire(id).finally(() => pending.delete(id))));
    return loading;
  }

  let clausesLoading: Promise<void> | undefined;
  function ensureClauses(): Promise<void> {
    clausesLoading ??= (async () => {
      const registry = await content.register(
        markRaw(await loadClauses()),
        'clauses',
        clauseTexts,
        QUESTIONNAIRE_TEXTS,
      );
      clauses.value = clauseCitations(registry);
    })();
    return clausesLoading;
  }

  const summary = (id: string) => catalog.find((entry) => entry.id === id);

  /** What a questionnaire's `sources` may name: the registry's clauses and its own references. */
  const citationsFor = (questionnaire: Questionnaire): CitationIndex =>
    citationIndex(clauses.value, questionnaire);

  return { catalog, summary, load, loaded, clauses, ensureClauses, citationsFor };
});
