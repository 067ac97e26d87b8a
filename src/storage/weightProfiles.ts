/** Weight profiles saved on this device: made in the weight editor or imported from a file. */
import { wholeRecords } from './db.ts';

const saved = wholeRecords('weightProfiles');

/** Every saved profile, in order of id. */
export const listSavedProfiles = saved.list;
/** Saves a profile, replacing a saved one with the same id. */
export const putSavedProfile = saved.put;
export const deleteSavedProfile = saved.remove;
