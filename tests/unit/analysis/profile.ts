/** A weight profile for tests: only what a test states, the rest valid defaults. */
import type { WeightProfile } from '../../../src/profiles/schema.ts';

export function profile(extra: Partial<WeightProfile> = {}): WeightProfile {
  return {
    kind: 'weightProfile',
    format: 1,
    id: 'test-profile',
    version: '1.0.0',
    title: { en: 'Test profile' },
    rationale: { en: 'For tests (R130/resolves/sme-problems).' },
    appliesTo: ['test'],
    ...extra,
  };
}
