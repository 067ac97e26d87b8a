import { compareInstants, localCalendarDate } from '../validation/time.ts';
import type { Assessment } from './types.ts';

type Dated = Pick<Assessment, 'assessedOn' | 'createdAt'>;

/**
 * The date an assessment describes (YYYY-MM-DD): the one the person set, else the day its record
 * was created where this device is (the UTC day is already the next one on an evening in the
 * Americas, still the one before on a morning in Asia). A copy imported to start next year's
 * assessment keeps the old record's creation time, so it is the date a person sets that orders
 * assessments in comparisons.
 */
export function assessmentDate(assessment: Dated): string {
  return assessment.assessedOn ?? localCalendarDate(new Date(assessment.createdAt));
}

/** Oldest first, by the date each describes; the same date keeps the order the records were made in. */
export function byAssessmentDate(a: Dated, b: Dated): number {
  return assessmentDate(a).localeCompare(assessmentDate(b)) || compareInstants(a.createdAt, b.createdAt);
}
