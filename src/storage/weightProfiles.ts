/** Weight profiles saved on this device: made in the weight editor or imported from a file. */
import type { WeightProfile } from '../profiles/schema.ts';
import { database, plain } from './db.ts';

/** Every saved profile, in order of id. */
export async function listSavedProfiles(): Promise<WeightProfile[]> {
  return (await database()).getAll('weightProfiles');
}

/** Saves a profile, replacing a saved one with the same id. */
export async function putSavedProfile(profile: WeightProfile): Promise<void> {
  await (await database()).put('weightProfiles', plain(profile));
}

export async function deleteSavedProfile(id: string): Promise<void> {
  await (await database()).delete('weightProfiles', id);
}
