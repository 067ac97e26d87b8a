import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import {
  getReceivedFiles,
  getRoomInfo,
  getWorkshopStatus,
  openWorkshop,
  putWorkshopQuestionnaire,
  servedByRoom,
  type RoomError,
  type RoomResult,
} from '../room/client.ts';
import { openJoinNotice } from '../room/joinNotice.ts';
import type { RoomInfo, WorkshopStatus } from '../room/protocol.ts';
import { rosterOf, type Joined, type Roster } from '../room/roster.ts';
import type { Outcome } from '../workshop/importer.ts';
import { carriedFor } from './carriedQuestionnaire.ts';
import { whileBusy } from './opening.ts';
import { useQuestionnairesStore } from './questionnaires.ts';
import { useWorkshopStore } from './workshop.ts';

export interface ImportSummary {
  /** Each received file with what the importer decided about it. */
  outcomes: { file: string; outcome: Outcome }[];
}

/**
 * The facilitator's side of the room server: whether this page came from it, where participants
 * open the app, whether the open workshop collects over the network, who joined, and importing
 * what arrived (through the workshop store, so through the same importer as files).
 */
export const useRoomStore = defineStore('room', () => {
  const workshop = useWorkshopStore();
  /** Whether the room server served this page; nothing is asked of any server otherwise. */
  const served = servedByRoom();
  const info = ref<RoomInfo>();
  const status = shallowRef<WorkshopStatus>();
  const error = ref<RoomError>();
  const busy = ref(false);

  /** Keeps why the server refused, for the screen to say; true when it did. */
  function refused<T>(result: RoomResult<T>): result is Extract<RoomResult<T>, { ok: false }> {
    if (!result.ok) error.value = result.error;
    return !result.ok;
  }

  async function loadInfo(): Promise<void> {
    if (!served || info.value) return;
    const result = await getRoomInfo();
    if (!refused(result)) info.value = result.value;
  }

  const canCollect = computed(() => served && info.value?.facilitator === true);

  /** Where participants open the app, when other devices can reach it. */
  const participantAddresses = computed(() =>
    info.value && !info.value.localOnly ? info.value.addresses : [],
  );

  async function refresh(): Promise<void> {
    const id = workshop.workshop?.id;
    if (!canCollect.value || !id) return;
    const result = await getWorkshopStatus(id);
    if (workshop.workshop?.id !== id) return;
    if (refused(result)) return;
    status.value = result.value;
    error.value = undefined;
  }

  async function startCollecting(): Promise<boolean> {
    const setup = workshop.workshop?.setup;
    if (!canCollect.value || !setup) return false;
    return whileBusy(busy, async () => {
      if (refused(await openWorkshop(setup))) return false;
      // An added questionnaire is served to the participants, who have only the built-in ones.
      const carried = await carriedFor(useQuestionnairesStore(), setup.questionnaire.id);
      if (carried && refused(await putWorkshopQuestionnaire(setup.id, carried))) return false;
      await refresh();
      return true;
    });
  }

  const collecting = computed(
    () => status.value?.collecting === true && status.value.workshopId === workshop.workshop?.id,
  );

  /** Participants the server says joined, with group and name opened with this device's key when sealed. */
  const joined = computed((): Joined[] => {
    const current = status.value;
    if (!current?.collecting) return [];
    return current.joins.map((notice) => {
      const content = openJoinNotice(notice, workshop.workshop?.secretKey);
      return { participantId: notice.participantId, joinedAt: notice.joinedAt, ...content };
    });
  });

  const roster = computed((): Roster | undefined => {
    const setup = workshop.workshop?.setup;
    if (!setup) return undefined;
    const current = status.value;
    return rosterOf({
      groups: setup.groups.map((group) => group.id),
      joined: collecting.value ? joined.value : [],
      arrived: workshop.submissions,
      onServer: collecting.value && current?.collecting ? current.submissions : [],
    });
  });

  /** Imports every answer the server received, each through the importer (validation, duplicate rule). */
  async function importReceived(): Promise<ImportSummary | undefined> {
    const id = workshop.workshop?.id;
    if (!canCollect.value || !id) return undefined;
    return whileBusy(busy, async () => {
      const result = await getReceivedFiles(id);
      if (refused(result)) return undefined;
      const outcomes: ImportSummary['outcomes'] = [];
      for (const file of result.value.files)
        outcomes.push({
          file: file.name,
          outcome: await workshop.receiveText(file.text, file.name, 'network'),
        });
      await refresh();
      return { outcomes };
    });
  }

  return {
    served,
    info,
    status,
    error,
    busy,
    canCollect,
    participantAddresses,
    collecting,
    roster,
    loadInfo,
    refresh,
    startCollecting,
    importReceived,
  };
});
