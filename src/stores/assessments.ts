import { defineStore } from 'pinia';
import { ref } from 'vue';
import { newId } from '../assessment/ids.ts';
import { totalProgress, type Progress } from '../assessment/progress.ts';
import type { Assessment } from '../assessment/types.ts';
import { deleteAssessment, listAssessments, loadAllAnswers, putAssessment } from '../storage/index.ts';
import { useQuestionnairesStore } from './questionnaires.ts';

export interface AssessmentListItem {
  assessment: Assessment;
  /** Undefined when the questionnaire is not built into this version of the app. */
  progress?: Progress;
}

/** The saved assessments on this device, for the home screen. */
export const useAssessmentsStore = defineStore('assessments', () => {
  const questionnaires = useQuestionnairesStore();
  const items = ref<AssessmentListItem[]>([]);
  const loaded = ref(false);

  async function refresh(): Promise<void> {
    const [assessments, answers] = await Promise.all([listAssessments(), loadAllAnswers()]);
    items.value = await Promise.all(
      assessments.map(async (assessment) => {
        const questionnaire = await questionnaires.load(assessment.questionnaire.id);
        const progress = questionnaire
          ? totalProgress(questionnaire, answers.get(assessment.id) ?? {})
          : undefined;
        return { assessment, progress };
      }),
    );
    loaded.value = true;
  }

  async function create(name: string, questionnaireId: string): Promise<Assessment> {
    const summary = questionnaires.summary(questionnaireId);
    if (!summary) throw new Error(`No built-in questionnaire "${questionnaireId}"`);
    const at = new Date().toISOString();
    const assessment: Assessment = {
      id: newId(),
      name: name.trim(),
      questionnaire: { id: summary.id, version: summary.version },
      createdAt: at,
      updatedAt: at,
    };
    await putAssessment(assessment);
    await refresh();
    return assessment;
  }

  async function remove(id: string): Promise<void> {
    await deleteAssessment(id);
    await refresh();
  }

  return { items, loaded, refresh, create, remove };
});
