/**
 * The SurveyJS side-by-side page (benchmark only, never part of the app): the resolution-130
 * questionnaire, converted to a SurveyJS model at build time, rendered by survey-core with its
 * Vue 3 UI package and saved to IndexedDB on every change. Also builds `blank.html`, the floor.
 */
import { join } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type Plugin } from 'vite';
import { loadBuiltInQuestionnaire, ROOT } from '../../lib/questionnaires.ts';
import { toSurveyModel } from './toSurveyModel.ts';

const HERE = join(ROOT, 'scripts', 'bench', 'surveyjs');
const MODEL_ID = 'virtual:survey-model';

/** `import model from 'virtual:survey-model'`: the questionnaire as a SurveyJS JSON model. */
function surveyModel(): Plugin {
  return {
    name: 'baseline-bench-survey-model',
    resolveId: (id) => (id === MODEL_ID ? `\0${MODEL_ID}` : undefined),
    load(id) {
      if (id !== `\0${MODEL_ID}`) return undefined;
      return `export default ${JSON.stringify(toSurveyModel(loadBuiltInQuestionnaire('resolution-130')))};`;
    },
  };
}

export default defineConfig({
  root: HERE,
  base: './',
  plugins: [vue(), surveyModel()],
  build: {
    target: 'es2022',
    outDir: join(ROOT, 'node_modules', '.cache', 'baseline-bench', 'surveyjs'),
    emptyOutDir: true,
    rolldownOptions: { input: [join(HERE, 'index.html'), join(HERE, 'blank.html')] },
  },
});
