/**
 * One assessment, many contributors, for the screens of a linked device: the parts given to
 * this account (kept on the device, so they can be answered offline), and a coordinator's view
 * of one assessment's parts. Everything goes through the server of record; answers themselves
 * travel by the normal sync.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AssessmentAssignments, AssignRequest, Assignment, StepRequest } from '../coordination/api.ts';
import { keptContributors, type KeptContributors } from '../coordination/contributors.ts';
import { readAssignments, readContributors, writeAssignments, writeContributors } from '../storage/sync.ts';
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

  /** An assessment's parts and authors, as fetched now; kept on the device for its report. */
  async function keep(assessmentId: string, data: AssessmentAssignments): Promise<AssessmentAssignments> {
    await writeContributors(assessmentId, keptContributors(assessmentId, data, new Date()));
    return data;
  }

  const forAssessment = async (assessmentId: string) =>
    keep(assessmentId, await assessmentAssignments(await client(), assessmentId));

  const assign = async (assessmentId: string, request: AssignRequest): Promise<AssessmentAssignments> =>
    keep(assessmentId, await assignOnServer(await client(), assessmentId, request));

  /**
   * An assessment's contributors for its report: fresh from the server when it answers, else the
   * list last fetched on this device (with when), else none.
   */
  async function contributors(assessmentId: string): Promise<KeptContributors | undefined> {
    await sync.load();
    if (sync.link && !sync.revoked) {
      try {
        await forAssessment(assessmentId);
      } catch {
        // Offline, or not on the server: the list kept on the device, if any.
      }
    }
    return readContributors<KeptContributors>(assessmentId);
  }

  /** A step on a part; the answers written here are sent first, so a submitted part is complete. */
  async function step(assignmentId: string, request: StepRequest): Promise<AssessmentAssignments> {
    if (request.action === 'submit') await sync.syncNow();
    const done = await stepAssignment(await client(), assignmentId, request);
    await remember(done.assignments);
    const assessmentId = done.assessment.assignments[0]?.assessmentId;
    return assessmentId === undefined ? done.assessment : keep(assessmentId, done.assessment);
  }

  return { mine, loaded, load, partOf, forAssessment, assign, step, contributors };
});
