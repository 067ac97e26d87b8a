import type { Pillar, Questionnaire } from '../questionnaire/schema.ts';

/** Targets chosen for one assessment, 0 to 100, by questionnaire pillar id; others keep the default. */
export type Targets = Readonly<Partial<Record<string, number>>>;

/** A pillar's target when neither the assessment nor the questionnaire sets one: full marks. */
export const FALLBACK_TARGET = 100;

export function defaultTarget(pillar: Pillar): number {
  return pillar.target ?? FALLBACK_TARGET;
}

/** The target of every pillar: the assessment's own where it set one, else the questionnaire's. */
export function pillarTargets(questionnaire: Questionnaire, targets: Targets = {}): Record<string, number> {
  return Object.fromEntries(
    questionnaire.pillars.map((pillar) => {
      const own = Object.hasOwn(targets, pillar.id) ? targets[pillar.id] : undefined;
      return [pillar.id, own ?? defaultTarget(pillar)];
    }),
  );
}

/** A target as typed by a person: a number from 0 to 100, else `undefined`. */
export function validTarget(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100
    ? value
    : undefined;
}
