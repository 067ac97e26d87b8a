import { defineStore } from 'pinia';
import { computed, markRaw, shallowRef } from 'vue';
import { catalog as builtInCatalog, loadClauses, loadQuestionnaire } from 'virtual:questionnaires';
import { addLanguage } from '../content/split.ts';
import { catalogTexts, clauseTexts } from '../content/texts.ts';
import { catalogOrder, type QuestionnaireSummary } from '../questionnaire/catalog.ts';
import { citationIndex, clauseCitations, type CitationIndex } from '../questionnaire/citations.ts';
import type { Questionnaire } from '../questionnaire/schema.ts';
import {
  deleteAddedQuestionnaire,
  listAddedQuestionnaires,
  openChannel,
  putAddedQuestionnaire,
  type AddedQuestionnaire,
} from '../storage/index.ts';
import { QUESTIONNAIRE_TEXTS, useContentStore } from './content.ts';

/**
 * The questionnaires this device knows, and the clause registry. The built-in ones were
 * validated when the app was built; each is a separate chunk, loaded on first use and kept, in
 * its default language, and gets the texts of the language in use from the content store
 * (`content.ts`). Those added on this device from a file were validated when they were added
 * and are kept whole, every language included, in IndexedDB. All are static data, so they are
 * kept raw rather than made deeply reactive.
 */
/**
 * Where a questionnaire's texts are: walking every answer type's texts needs the answer-type
 * descriptors, which the first screen (a list of titles) does not, so they load with the first
 * questionnaire instead.
 */
const loadQuestionnaireTexts = async () =>
  (await import('../content/questionnaireTexts.ts')).questionnaireTexts;

export const useQuestionnairesStore = defineStore('questionnaires', () => {
  const content = useContentStore();
  const loaded = shallowRef<ReadonlyMap<string, Questionnaire>>(new Map());
  const added = shallowRef<readonly AddedQuestionnaire[]>([]);
  /** The registry's clauses, each with the document it comes from. */
  const clauses = shallowRef<CitationIndex>(new Map());
  const pending = new Map<string, Promise<Questionnaire | undefined>>();

  // The catalog's titles and descriptions follow the language too.
  void content.register(markRaw(builtInCatalog), 'catalog', catalogTexts, QUESTIONNAIRE_TEXTS);

  async function fetchQuestionnaire(id: string): Promise<Questionnaire | undefined> {
    // Together: one after the other, each is a trip through the service worker more.
    const [shell, questionnaireTexts] = await Promise.all([loadQuestionnaire(id), loadQuestionnaireTexts()]);
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

  let readingAdded: Promise<void> | undefined;
  async function readAdded(): Promise<void> {
    added.value = (await listAddedQuestionnaires()).map((record) => markRaw(record));
  }
  /** Reads the added questionnaires once; every later change goes through `add` and `remove`. */
  function ensureAdded(): Promise<void> {
    readingAdded ??= readAdded().catch((error: unknown) => {
      readingAdded = undefined;
      throw error;
    });
    return readingAdded;
  }

  // Another window added or removed one: list it here too.
  const channel = openChannel((message) => {
    if (message.kind === 'questionnaires' && readingAdded) readingAdded = readAdded();
  });

  /** Built-in and added questionnaires, in catalog order. */
  const catalog = computed<QuestionnaireSummary[]>(() =>
    [...builtInCatalog, ...added.value.map((record) => ({ ...record.summary, added: true }))].sort(
      catalogOrder,
    ),
  );

  const isBuiltIn = (id: string) => builtInCatalog.some((entry) => entry.id === id);
  const addedRecord = (id: string) => added.value.find((record) => record.id === id);

  async function load(id: string): Promise<Questionnaire | undefined> {
    if (!isBuiltIn(id)) {
      await ensureAdded();
      return addedRecord(id)?.questionnaire;
    }
    const cached = loaded.value.get(id);
    if (cached) return cached;
    let loading = pending.get(id);
    if (!loading) pending.set(id, (loading = fetchQuestionnaire(id).finally(() => pending.delete(id))));
    return loading;
  }

  /**
   * A questionnaire with every language it has, for exports: an added one as kept; a built-in
   * one with the texts of each language this device can get (offline, those it keeps). A language
   * whose texts cannot be had is left out of `languages`, so that the file stays valid.
   */
  async function loadComplete(id: string): Promise<Questionnaire | undefined> {
    const questionnaire = await load(id);
    if (!questionnaire || !isBuiltIn(id)) return questionnaire;
    const whole = structuredClone(questionnaire);
    const key = `questionnaire/${id}`;
    const present = new Set(Object.keys(whole.title));
    const questionnaireTexts = await loadQuestionnaireTexts();
    await Promise.all(
      QUESTIONNAIRE_TEXTS.textLanguages(key).map(async (code) => {
        const texts = await QUESTIONNAIRE_TEXTS.loadTexts(key, code).catch(() => undefined);
        if (!texts) return;
        addLanguage(whole, questionnaireTexts, code, texts);
        present.add(code);
      }),
    );
    whole.languages = whole.languages.filter((code) => present.has(code));
    return whole;
  }

  async function changed(): Promise<void> {
    await readAdded();
    channel.post({ kind: 'questionnaires' });
  }

  /**
   * Keeps a validated questionnaire on this device; a new version replaces the one kept so far
   * (answers follow by question id, as they do from one built-in version to the next).
   */
  async function add(record: AddedQuestionnaire): Promise<void> {
    if (isBuiltIn(record.id)) throw new Error(`"${record.id}" is a built-in questionnaire`);
    await ensureAdded();
    await putAddedQuestionnaire(record);
    await changed();
  }

  /** Removes an added questionnaire; resolves to what was removed, for an undo (`add` it back). */
  async function remove(id: string): Promise<AddedQuestionnaire | undefined> {
    await ensureAdded();
    const record = addedRecord(id);
    if (!record) return undefined;
    await deleteAddedQuestionnaire(id);
    await changed();
    return record;
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

  const summary = (id: string) => catalog.value.find((entry) => entry.id === id);

  /** What a questionnaire's `sources` may name: the registry's clauses and its own references. */
  const citationsFor = (questionnaire: Questionnaire): CitationIndex =>
    citationIndex(clauses.value, questionnaire);

  return {
    catalog,
    added,
    summary,
    isBuiltIn,
    load,
    loadComplete,
    loaded,
    ensureAdded,
    add,
    remove,
    clauses,
    ensureClauses,
    citationsFor,
  };
});
