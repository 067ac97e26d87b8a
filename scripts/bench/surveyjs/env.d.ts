declare module 'virtual:survey-model' {
  import type { SurveyModel } from './toSurveyModel.ts';
  const model: SurveyModel;
  export default model;
}
