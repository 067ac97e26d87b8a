/**
 * One assessment, many contributors, for the screens of a linked device: the parts given to
 * this account (kept on the device, so they can be answered offline), and a coordinator's view
 * of one assessment's parts. Everything goes through the server of record; answers themselves
 * travel by the normal sync.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AssessmentAssignments, AssignRequest, Assignment, StepRequest } from '../coordination/api.ts';
import { readAssignments, writeAssignments } from '../storage/sync.ts';
import {
  assessmentAssignments,
  assign as assignOnServer,
  myAssignments,
  stepAssignment,
  SyncError,
  type ServerClient,
} from '../sync/http.ts';
import { useSyncStore } from './sync.ts';

export const useCoordinationStore = defineStore('coordination', () => {
  const sync = useSyncStore();
  /** The parts given to this account, as last fetched. */
  const mine = ref<Assignment[]>([]);
  const loaded = ref(false);

  /** The server, once the link is read (a screen opened by a reload may ask before the header has read it). */
  async function client(): Promise<ServerClient> {
    await sync.load();
    if (!sync.link)
      throw new SyncError('unauthenticated', 'This device is not linked to a server of record.');
    return { base: sync.link.base, token: sync.link.token };
  }

  async function remember(assignments: Assignment[]): Promise<void> {
    mine.value = assignments;
    await writeAssignments(assignments);
  }

  /** The parts kept on the device, then fresh ones from the server when it answers. */
  async function load(): Promise<void> {
    await sync.load();
    if (!loaded.value) {
      mine.value = (await readAssignments<Assignment[]>()) ?? [];
      loaded.value = true;
    }
    if (!sync.link || sync.revoked) return;
    await remember((await myAssignments(await client())).assignments);
  }

  const partOf = (assignmentId: string) => mine.value.find((assignment) => assignment.id === assignmentId);

  const forAssessment = async (assessmentId: string) => assessmentAssignments(await client(), assessmentId);

  const assign = async (assessmentId: string, request: AssignRequest): Promise<AssessmentAssignments> =>
    assignOnServer(await client(), assessmentId, request);

  /** A step on a part; the answers written here are sent first, so a submitted part is complete. */
  async function step(assignmentId: string, request: StepRequest): Promise<AssessmentAssignments> {
    if (request.action === 'submit') await sync.syncNow();
    const done = await stepAssignment(await client(), assignmentId, request);
    await remember(done.assignments);
    return done.assessment;
  }

  return { mine, loaded, load, partOf, forAssessment, assign, step };
});
