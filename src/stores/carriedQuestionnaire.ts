/**
 * A questionnaire a workshop carries: what the facilitator's device sends with it, and what a
 * participant's device keeps of it once it passed the validator there. Apart from the
 * questionnaires store so that the first screen does not load it.
 */
import { summaryOf } from '../questionnaire/summary.ts';
import { checkCarried, type CarriedCheck } from '../questionnaire/carried.ts';
import type { Questionnaire } from '../questionnaire/schema.ts';
import type { useQuestionnairesStore } from './questionnaires.ts';

type QuestionnairesStore = ReturnType<typeof useQuestionnairesStore>;

/**
 * What a workshop carries to participants for a questionnaire: an added one whole (every
 * language, as kept), a built-in one nothing (every copy of the app has it).
 */
export async function carriedFor(store: QuestionnairesStore, id: string): Promise<Questionnaire | undefined> {
  if (store.isBuiltIn(id)) return undefined;
  await store.ensureAdded();
  return store.added.find((record) => record.id === id)?.questionnaire;
}

/**
 * Keeps a questionnaire a workshop carried (in its set-up file, or from the room server) once
 * it has passed the validator of `npm run validate` here, on this device: a device never runs
 * a questionnaire it has not validated itself.
 */
export async function adoptCarried(
  store: QuestionnairesStore,
  value: unknown,
  file: string,
): Promise<CarriedCheck> {
  await store.ensureClauses();
  const checked = await checkCarried(value, file, new Set(store.clauses.keys()), async (id) =>
    store.isBuiltIn(id) ? { builtIn: true } : { builtIn: false, current: await store.load(id) },
  );
  if (!checked.ok || checked.addition.kind === 'sameFile') return checked;
  const { questionnaire } = checked;
  await store.add({
    id: questionnaire.id,
    questionnaire,
    summary: summaryOf(questionnaire),
    fileName: file,
    addedAt: new Date().toISOString(),
  });
  return checked;
}
