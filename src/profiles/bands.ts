import type { Band } from './schema.ts';

/**
 * The five tiers of the ITU Global Cybersecurity Index 2024, the default bands of every
 * profile, so a country can read its result in the terms it already knows.
 */
export const GCI_2024_BANDS: readonly Band[] = [
  { id: 'role-modelling', from: 95, label: { en: 'Role-modelling', ru: 'Образцовый' } },
  { id: 'advancing', from: 85, label: { en: 'Advancing', ru: 'Продвинутый' } },
  { id: 'establishing', from: 55, label: { en: 'Establishing', ru: 'Формирующийся' } },
  { id: 'evolving', from: 20, label: { en: 'Evolving', ru: 'Развивающийся' } },
  { id: 'building', from: 0, label: { en: 'Building', ru: 'Начальный' } },
];

/** The band a score from 0 to 100 falls in: the first, from the top, whose `from` it reaches. */
export function bandFor(score: number, bands: readonly Band[] = GCI_2024_BANDS): Band | undefined {
  return bands.find((band) => score >= band.from);
}
