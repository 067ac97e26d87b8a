/// <reference types="vite/client" />

/* eslint-disable @typescript-eslint/consistent-type-imports -- an ambient module can only name types through import() */

/**
 * Built by scripts/vite/questionnairesPlugin.ts from the files in questionnaires/. The catalog,
 * questionnaires and clauses come in their default language; `loadTexts` has the others
 * (keys `catalog`, `clauses`, `questionnaire/<id>`; see src/content/split.ts).
 */
declare module 'virtual:questionnaires' {
  export const catalog: import('./questionnaire/catalog.ts').QuestionnaireSummary[];
  /** The validated questionnaire, or undefined when no built-in questionnaire has this id. */
  export function loadQuestionnaire(
    id: string,
  ): Promise<import('./questionnaire/schema.ts').Questionnaire | undefined>;
  export function loadClauses(): Promise<import('./questionnaire/clauses.ts').ClauseRegistry>;
  export const loadTexts: import('./content/source.ts').ContentSource['loadTexts'];
  export const textLanguages: import('./content/source.ts').ContentSource['textLanguages'];
  export const contentFiles: import('./content/source.ts').ContentSource['contentFiles'];
}

/** Built by scripts/vite/weightProfilesPlugin.ts from the files in questionnaires/weights/ (key `profiles`). */
declare module 'virtual:weight-profiles' {
  export function loadProfiles(): Promise<import('./profiles/schema.ts').WeightProfile[]>;
  export const loadTexts: import('./content/source.ts').ContentSource['loadTexts'];
  export const textLanguages: import('./content/source.ts').ContentSource['textLanguages'];
  export const contentFiles: import('./content/source.ts').ContentSource['contentFiles'];
}
