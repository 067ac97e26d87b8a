import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { withComment, withEvidence, withResponse } from '../assessment/answers.ts';
import { pillarProgress, totalProgress } from '../assessment/progress.ts';
import type { Answer, Assessment, Evidence, Response } from '../assessment/types.ts';
import { visibleQuestionIds } from '../questionnaire/conditions.ts';
import type { Questionnaire } from '../questionnaire/schema.ts';
import { scoreAssessment, WeightError, type AssessmentResult } from '../scoring/index.ts';
import { getAssessment, loadAnswers, saveAnswer } from '../storage/index.ts';
import { createAutosave } from './autosave.ts';
import { useQuestionnairesStore } from './questionnaires.ts';

/** Typing in a text box is saved when it pauses this long; choices are saved at once. */
const TYPING_PAUSE_MS = 400;

type LoadState = 'idle' | 'loading' | 'ready' | 'missing' | 'unknownQuestionnaire';

/** The assessment being answered or viewed: its answers, what is shown, progress and scores. */
export const useAssessmentStore = defineStore('assessment', () => {
  const questionnaires = useQuestionnairesStore();

  const assessment = ref<Assessment>();
  const questionnaire = shallowRef<Questionnaire>();
  const answers = ref<Record<string, Answer>>({});
  const loadState = ref<LoadState>('idle');

  const autosave = createAutosave(async (questionId) => {
    const answer = answers.value[questionId];
    if (assessment.value && answer) await saveAnswer(assessment.value.id, answer);
  }, TYPING_PAUSE_MS);

  async function open(id: string): Promise<void> {
    if (assessment.value?.id === id && loadState.value === 'ready') return;
    await autosave.flush();
    loadState.value = 'loading';
    const found = await getAssessment(id);
    if (!found) {
      loadState.value = 'missing';
      return;
    }
    const [loadedQuestionnaire, loadedAnswers] = await Promise.all([
      questionnaires.load(found.questionnaire.id),
      loadAnswers(id),
    ]);
    assessment.value = found;
    questionnaire.value = loadedQuestionnaire;
    answers.value = loadedAnswers;
    loadState.value = loadedQuestionnaire ? 'ready' : 'unknownQuestionnaire';
  }

  function update(questionId: string, next: Answer, immediate: boolean): void {
    answers.value[questionId] = next;
    autosave.schedule(questionId, immediate);
  }

  const now = () => new Date();

  function setResponse(questionId: string, response: Response | undefined, { typing = false } = {}): void {
    update(questionId, withResponse(answers.value[questionId], questionId, response, now()), !typing);
  }

  function setComment(questionId: string, comment: string): void {
    update(questionId, withComment(answers.value[questionId], questionId, comment, now()), false);
  }

  function setEvidence(questionId: string, evidence: Evidence[], { typing = false } = {}): void {
    update(questionId, withEvidence(answers.value[questionId], questionId, evidence, now()), !typing);
  }

  const visible = computed(() =>
    questionnaire.value ? visibleQuestionIds(questionnaire.value, answers.value) : new Set<string>(),
  );
  const progressByPillar = computed(() =>
    questionnaire.value ? pillarProgress(questionnaire.value, answers.value) : [],
  );
  const progress = computed(() =>
    questionnaire.value ? totalProgress(questionnaire.value, answers.value) : { responded: 0, shown: 0 },
  );

  /** Scores with the questionnaire's default weights (weight profiles come in a later step). */
  const scoring = computed((): { result?: AssessmentResult; error?: string } => {
    if (!questionnaire.value) return {};
    try {
      return { result: scoreAssessment(questionnaire.value, answers.value) };
    } catch (error) {
      if (error instanceof WeightError) return { error: error.message };
      throw error;
    }
  });

  return {
    assessment,
    questionnaire,
    answers,
    loadState,
    open,
    setResponse,
    setComment,
    setEvidence,
    visible,
    progress,
    progressByPillar,
    scoring,
    saveState: autosave.state,
    saveError: autosave.failure,
    flush: autosave.flush,
    retrySave: autosave.retry,
  };
});
