import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { Assessment } from '../assessment/types.ts';
import { newId } from '../assessment/ids.ts';
import { profileWeights, type WeightProfile } from '../profiles/index.ts';
import type { Questionnaire } from '../questionnaire/schema.ts';
import {
  deleteSubmission,
  getWorkshop,
  listSubmissions,
  putSubmission,
  putWorkshop,
  saveConsensusAssessment,
  type StoredSubmission,
  type StoredWorkshop,
} from '../storage/index.ts';
import { collect, type Collected, type ScanEvent } from '../workshop/chunks.ts';
import {
  consensusAnswers,
  consensusProvenance,
  type ConsensusDraft,
  type ConsensusItem,
} from '../workshop/consensus.ts';
import { receive, type Outcome, type Via } from '../workshop/importer.ts';
import { mergeParticipants, type MergeResult } from '../workshop/merge.ts';
import { createAutosave } from './autosave.ts';
import { useQuestionnairesStore } from './questionnaires.ts';
import { useWeightProfilesStore } from './weightProfiles.ts';
import { compareInstants } from '../validation/time.ts';
import type { LoadState } from './loadState.ts';
import { startOpening } from './opening.ts';

/** Typing a rationale is saved when it pauses this long. */
const TYPING_PAUSE_MS = 400;

/** One workshop as its facilitator sees it: set-up, answers received, merge, consensus. */
export const useWorkshopStore = defineStore('workshop', () => {
  const questionnaires = useQuestionnairesStore();
  const profiles = useWeightProfilesStore();
  const workshop = ref<StoredWorkshop>();
  /** The weight profile the set-up names, when this device has it; else the questionnaire's weights. */
  const profile = shallowRef<WeightProfile>();
  const questionnaire = shallowRef<Questionnaire>();
  // Replaced whole, never changed inside: kept shallow, so the merge reads plain records rather
  // than every answer through a reactive proxy (several times slower for a large room).
  const submissions = shallowRef<StoredSubmission[]>([]);
  const loadState = ref<LoadState>('idle');
  /** QR parts scanned so far, by transfer. */
  const collected = ref<Collected>({});

  const draft = ref<ConsensusDraft>({ items: {}, updatedAt: new Date(0).toISOString() });
  const autosave = createAutosave(async () => {
    if (!workshop.value) return;
    workshop.value = { ...workshop.value, consensus: draft.value, updatedAt: draft.value.updatedAt };
    await putWorkshop(workshop.value);
  }, TYPING_PAUSE_MS);

  async function open(id: string): Promise<void> {
    const opening = { state: loadState, openId: workshop.value?.id, flush: autosave.flush };
    const found = await startOpening(id, getWorkshop, opening);
    if (!found) return;
    const [loaded, received] = await Promise.all([
      questionnaires.load(found.setup.questionnaire.id),
      listSubmissions(id),
      profiles.ensureLoaded(),
    ]);
    profile.value = found.setup.weightProfile ? profiles.find(found.setup.weightProfile) : undefined;
    workshop.value = found;
    submissions.value = received;
    draft.value = found.consensus ?? { items: {}, updatedAt: found.createdAt };
    collected.value = {};
    // The built-in questionnaire must be the very version the workshop was set up with.
    questionnaire.value = loaded?.version === found.setup.questionnaire.version ? loaded : undefined;
    loadState.value = questionnaire.value ? 'ready' : 'unknownQuestionnaire';
  }

  /** Decides on a received payload and stores what is to be kept. Returns the outcome to report. */
  async function receiveText(text: string, file: string, via: Via): Promise<Outcome> {
    if (!workshop.value || !questionnaire.value) throw new Error('No workshop is open');
    const { setup, secretKey } = workshop.value;
    const outcome = receive(text, {
      file,
      setup,
      questionnaire: questionnaire.value,
      secretKey,
      existing: (participantId) => submissions.value.find((entry) => entry.participantId === participantId),
      via,
      now: new Date(),
    });
    if (outcome.kind === 'added' || outcome.kind === 'replaced') {
      await putSubmission(outcome.submission);
      submissions.value = [
        ...submissions.value.filter((entry) => entry.participantId !== outcome.submission.participantId),
        outcome.submission,
      ];
    }
    return outcome;
  }

  /** Adds one scanned QR code; when it completes a participant's answers, receives them. */
  async function scan(text: string, via: Via = 'qr'): Promise<{ event: ScanEvent; outcome?: Outcome }> {
    const step = collect(collected.value, text);
    collected.value = step.collected;
    if (step.event.kind !== 'complete') return { event: step.event };
    return {
      event: step.event,
      outcome: await receiveText(step.event.text, via === 'image' ? 'QR images' : 'QR codes', via),
    };
  }

  async function removeSubmission(participantId: string): Promise<void> {
    if (!workshop.value) return;
    await deleteSubmission(workshop.value.id, participantId);
    submissions.value = submissions.value.filter((entry) => entry.participantId !== participantId);
  }

  const merge = computed((): MergeResult | undefined => {
    if (!workshop.value || !questionnaire.value) return undefined;
    return mergeParticipants({
      questionnaire: questionnaire.value,
      groups: workshop.value.setup.groups.map((group) => group.id),
      participants: [...submissions.value].sort((a, b) => compareInstants(a.receivedAt, b.receivedAt)),
      weights: profile.value ? profileWeights(profile.value) : undefined,
    });
  });

  function setConsensus(questionId: string, change: Partial<ConsensusItem>, { typing = false } = {}): void {
    const items = { ...draft.value.items, [questionId]: { ...draft.value.items[questionId], ...change } };
    draft.value = { items, updatedAt: new Date().toISOString() };
    autosave.schedule('consensus', !typing);
  }

  /** Makes (or updates) the consensus assessment. Returns its id. */
  async function saveConsensus(name: string): Promise<string> {
    const current = workshop.value;
    if (!current || !questionnaire.value || !merge.value) throw new Error('No workshop is open');
    await autosave.flush();
    const now = new Date();
    const id = current.consensusAssessmentId ?? newId();
    const assessment: Assessment = {
      id,
      name: name.trim(),
      questionnaire: { ...current.setup.questionnaire },
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      provenance: consensusProvenance(current.setup, merge.value, draft.value, now),
    };
    if (profile.value) assessment.weightProfile = profile.value;
    await saveConsensusAssessment(
      current.id,
      assessment,
      consensusAnswers(questionnaire.value, merge.value, draft.value, now),
    );
    workshop.value = { ...current, consensusAssessmentId: id, updatedAt: assessment.updatedAt };
    return id;
  }

  return {
    workshop,
    questionnaire,
    profile,
    submissions,
    loadState,
    collected,
    open,
    receiveText,
    scan,
    removeSubmission,
    merge,
    draft,
    setConsensus,
    saveConsensus,
    saveState: autosave.state,
    flush: autosave.flush,
  };
});
