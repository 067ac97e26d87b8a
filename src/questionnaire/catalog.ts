import type { QuestionCount } from '../assessment/questionCount.ts';
import type { LocalizedText } from './schema.ts';

/** What the first screen needs to know of a built-in questionnaire, without loading it. */
export interface QuestionnaireSummary {
  id: string;
  version: string;
  basedOn?: string;
  languages: string[];
  defaultLanguage: string;
  title: LocalizedText;
  description?: LocalizedText;
  /** The questionnaire's own `catalog` entry: its place in lists, and whether it is offered first. */
  catalog?: { order: number; offerFirst?: boolean };
  pillarCount: number;
  /** Every question in the file. */
  questionCount: number;
  /** How many a person is asked: always, and at most, depending on the answers. */
  asked: QuestionCount;
  /** Set for a questionnaire added on this device from a file, rather than built into the app. */
  added?: boolean;
}

type Listed = Pick<QuestionnaireSummary, 'id' | 'basedOn' | 'catalog'>;

/**
 * The order of lists: questionnaires with a `catalog` entry by its `order`; after them those
 * without one, each full questionnaire followed by its variants (`basedOn`), by id.
 */
export function catalogOrder(a: Listed, b: Listed): number {
  if (a.catalog && b.catalog) return a.catalog.order - b.catalog.order || a.id.localeCompare(b.id);
  if (a.catalog || b.catalog) return a.catalog ? -1 : 1;
  const key = (q: Listed) => [q.basedOn ?? q.id, q.basedOn ? 1 : 0, q.id] as const;
  const [ka, kb] = [key(a), key(b)];
  return ka[0].localeCompare(kb[0]) || ka[1] - kb[1] || ka[2].localeCompare(kb[2]);
}

/**
 * The questionnaire chosen in advance for a new assessment: of those whose catalog entry says
 * `offerFirst`, the first in order. A questionnaire without a catalog entry, such as a file
 * somebody just added, is never chosen for the person; with none offered, nothing is.
 */
export function offeredFirst<T extends Listed>(catalog: readonly T[]): T | undefined {
  return [...catalog].sort(catalogOrder).find((entry) => entry.catalog?.offerFirst === true);
}
