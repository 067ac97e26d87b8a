/**
 * What a Vue developer would write with SurveyJS: the model, the survey component, its default
 * theme, and an autosave of `survey.data` to IndexedDB (with idb, as Baseline) on every change.
 */
import { openDB } from 'idb';
import { Model } from 'survey-core';
import 'survey-core/survey-core.css';
import { SurveyComponent, surveyPlugin } from 'survey-vue3-ui';
import model from 'virtual:survey-model';
import { createApp, h } from 'vue';

const survey = new Model(model);
const db = openDB('surveyjs-bench', 1, {
  upgrade: (database) => database.createObjectStore('results'),
});
survey.onValueChanged.add(async () => {
  await (await db).put('results', survey.data, 'resolution-130');
});

createApp({ render: () => h(SurveyComponent, { model: survey }) })
  .use(surveyPlugin)
  .mount('#app');
