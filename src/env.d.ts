/// <reference types="vite/client" />

/* eslint-disable @typescript-eslint/consistent-type-imports -- an ambient module can only name types through import() */

/** Built by scripts/vite/questionnairesPlugin.ts from the files in questionnaires/. */
declare module 'virtual:questionnaires' {
  export const catalog: import('./questionnaire/catalog.ts').QuestionnaireSummary[];
  /** The validated questionnaire, or undefined when no built-in questionnaire has this id. */
  export function loadQuestionnaire(
    id: string,
  ): Promise<import('./questionnaire/schema.ts').Questionnaire | undefined>;
  export function loadClauses(): Promise<import('./questionnaire/clauses.ts').ClauseRegistry>;
}

/** Built by scripts/vite/weightProfilesPlugin.ts from the files in questionnaires/weights/. */
declare module 'virtual:weight-profiles' {
  export function loadProfiles(): Promise<import('./profiles/schema.ts').WeightProfile[]>;
}
