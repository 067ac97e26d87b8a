import { defineStore } from 'pinia';
import { markRaw, ref, shallowRef } from 'vue';
import { loadProfiles } from 'virtual:weight-profiles';
import { newId } from '../assessment/ids.ts';
import {
  appliesTo,
  nextVersion,
  PROFILE_LIMITS,
  profileGuard,
  sameProfile,
  validateProfile,
  type WeightProfile,
} from '../profiles/index.ts';
import type { Questionnaire } from '../questionnaire/schema.ts';
import { deleteSavedProfile, listSavedProfiles, putSavedProfile } from '../storage/index.ts';
import { misplacedKind, type FileKind } from '../transfer/fileKind.ts';
import type { Parsed } from '../validation/parse.ts';
import { readChosenFile, type ChosenFile } from '../validation/readFile.ts';
import { profileTexts } from '../content/texts.ts';
import { PROFILE_TEXTS, useContentStore } from './content.ts';
import { useQuestionnairesStore } from './questionnaires.ts';

/** What is needed of a file the person picked (a `File` has it), read only once its size is known. */
export type ProfileFile = ChosenFile & { readonly size: number };

export type ImportResult =
  | { ok: true; profile: WeightProfile; renamed: boolean; unchanged: boolean }
  /** `misplaced`: another of Baseline's files, which belongs elsewhere. */
  | (Extract<Parsed<WeightProfile>, { ok: false }> & { misplaced?: FileKind });

/**
 * Weight profiles: the built-in ones (validated when the app was built) and those saved on
 * this device. Saving and importing validate first; nothing invalid is ever stored.
 */
export const useWeightProfilesStore = defineStore('weightProfiles', () => {
  const questionnaires = useQuestionnairesStore();
  const content = useContentStore();
  const builtIn = shallowRef<readonly WeightProfile[]>([]);
  const saved = ref<WeightProfile[]>([]);
  const loaded = ref(false);

  async function ensureLoaded(): Promise<void> {
    if (loaded.value) return;
    const [own, stored] = await Promise.all([
      loadProfiles().then((shells) =>
        content.register(markRaw(shells), 'profiles', profileTexts, PROFILE_TEXTS),
      ),
      listSavedProfiles(),
    ]);
    builtIn.value = own;
    saved.value = stored;
    loaded.value = true;
  }

  const isBuiltIn = (id: string) => builtIn.value.some((profile) => profile.id === id);
  const find = (id: string) =>
    builtIn.value.find((profile) => profile.id === id) ?? saved.value.find((profile) => profile.id === id);
  const forQuestionnaire = (questionnaireId: string) =>
    [...builtIn.value, ...saved.value].filter((profile) => appliesTo(profile, questionnaireId));

  /** Every built-in questionnaire, for checking a profile's pillar and question ids. */
  async function allQuestionnaires(): Promise<Map<string, Questionnaire>> {
    const entries = await Promise.all(
      questionnaires.catalog.map(async ({ id }) => [id, await questionnaires.load(id)] as const),
    );
    return new Map(entries.filter((entry): entry is [string, Questionnaire] => entry[1] !== undefined));
  }

  /**
   * Saves a profile made on this device. A built-in profile's id cannot be reused, and a
   * changed profile gets the next version number.
   */
  async function save(profile: WeightProfile): Promise<Parsed<WeightProfile>> {
    if (isBuiltIn(profile.id)) throw new Error(`"${profile.id}" is a built-in profile; save a copy instead.`);
    const previous = saved.value.find((entry) => entry.id === profile.id);
    const next =
      previous && !sameProfile(previous, profile)
        ? { ...profile, version: nextVersion(previous.version) }
        : profile;
    const checked = validateProfile(next, { file: next.id, questionnaires: await allQuestionnaires() });
    if (!checked.ok) return checked;
    await putSavedProfile(checked.value);
    saved.value = await listSavedProfiles();
    return checked;
  }

  async function remove(id: string): Promise<void> {
    await deleteSavedProfile(id);
    saved.value = await listSavedProfiles();
  }

  /**
   * Reads a profile file brought from elsewhere. It is validated against the questionnaires
   * of this app before anything is stored. A profile whose id is already taken by a different
   * profile is kept as a copy under a new id; the same profile again changes nothing.
   */
  async function importFile(file: ProfileFile): Promise<ImportResult> {
    const read = await readChosenFile(file, PROFILE_LIMITS, profileGuard(file.name));
    if (!read.ok) return read;
    const misplaced = misplacedKind(read.value.value, ['weightProfile']);
    if (misplaced) return { ok: false, error: [], misplaced };
    const context = { file: file.name, questionnaires: await allQuestionnaires() };
    const result = validateProfile(read.value.value, context);
    if (!result.ok) return result;
    const existing = find(result.value.id);
    if (existing && sameProfile(existing, result.value))
      return { ok: true, profile: existing, renamed: false, unchanged: true };
    const profile = existing ? { ...result.value, id: `imported-${newId()}` } : result.value;
    delete profile.$schema;
    await putSavedProfile(profile);
    saved.value = await listSavedProfiles();
    return { ok: true, profile, renamed: existing !== undefined, unchanged: false };
  }

  return {
    builtIn,
    saved,
    loaded,
    ensureLoaded,
    isBuiltIn,
    find,
    forQuestionnaire,
    save,
    remove,
    importFile,
  };
});
