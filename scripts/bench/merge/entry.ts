/**
 * The merge benchmark's page script (built by `lib/builds.ts`, run in Chromium by
 * `measurements/workshopMerge.ts`): times merges inside a page, where the app runs them, on
 * workshops generated in the page (answers as IndexedDB returns them).
 */
import resolution130 from '../../../questionnaires/resolution-130.json';
import type { Questionnaire } from '../../../src/questionnaire/schema.ts';
import {
  byDisagreement,
  mergeParticipants,
  type MergeInput,
  type MergeResult,
} from '../../../src/workshop/merge.ts';
import { mergeReference } from '../../../tests/unit/workshop/mergeReference.ts';
import { answerAtRandom, syntheticWorkshop } from '../lib/workshop.ts';
import { DEFAULT_GROUPS } from '../../../src/workshop/setup.ts';

/** The workshops measured: 120 synthetic questions, or resolution-130 with its conditions. */
export type WorkshopName = 'synthetic-500' | 'synthetic-2000' | 'resolution-130-500';
export type Method = 'fast' | 'reference';

const BUILD: Record<WorkshopName, () => MergeInput> = {
  'synthetic-500': () => syntheticWorkshop(500, 120),
  'synthetic-2000': () => syntheticWorkshop(2000, 120),
  'resolution-130-500': () => {
    const questionnaire = resolution130 as unknown as Questionnaire;
    return { questionnaire, groups: DEFAULT_GROUPS, participants: answerAtRandom(questionnaire, 500) };
  },
};
const METHODS: Record<Method, (input: MergeInput) => MergeResult> = {
  fast: mergeParticipants,
  reference: mergeReference,
};

const built = new Map<WorkshopName, MergeInput>();
const workshop = (name: WorkshopName) => built.get(name) ?? built.set(name, BUILD[name]()).get(name)!;
let last: MergeResult | undefined;

const mergeBench = {
  /** Milliseconds one merge of the workshop takes. */
  time(name: WorkshopName, method: Method): number {
    const input = workshop(name);
    const start = performance.now();
    last = METHODS[method](input);
    return performance.now() - start;
  },
  /** Milliseconds sorting the last merge's questions by disagreement takes. */
  sortTime(): number {
    const start = performance.now();
    byDisagreement(last?.questions ?? []);
    return performance.now() - start;
  },
};

declare global {
  interface Window {
    mergeBench?: typeof mergeBench;
  }
}
window.mergeBench = mergeBench;
