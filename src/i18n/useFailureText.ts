import { useI18n } from 'vue-i18n';
import { isolate } from '../language/index.ts';
import { storageErrorKind } from '../storage/persistence.ts';
import type { Explained } from '../validation/messages.ts';
import { useProblemText } from './useProblemText.ts';

/** A located problem, or anything else the core explains with a code (`src/validation/messages.ts`). */
const isExplained = (value: unknown): value is Explained =>
  typeof value === 'object' &&
  value !== null &&
  !(value instanceof Error) &&
  typeof (value as { message?: unknown }).message === 'string';

/**
 * No answer at all from a server: `fetch` rejects with a TypeError, the sync and room clients say
 * `unreachable` (told by its code, so that the sync client stays out of the first screen).
 */
const isUnreachable = (failure: unknown): boolean =>
  (failure instanceof TypeError && /fetch|network/i.test(failure.message)) ||
  (failure as { code?: unknown } | null)?.code === 'unreachable';

/**
 * Why something failed, in the interface language, as a clause that the place's own sentence
 * wraps (`Nothing was imported…: {error}`): located problems in their translated words (the first
 * of a list; the list itself is shown beside), a full disk, an unreachable network, and anything
 * else as an unexpected error with its technical detail, as written.
 */
export function useFailureText() {
  const { t } = useI18n();
  const { explain } = useProblemText();

  function failureText(failure: unknown): string {
    const first: unknown = Array.isArray(failure) ? failure[0] : failure;
    if (isUnreachable(first)) return t('failure.unreachable');
    if (isExplained(first)) return explain(first).text;
    if (storageErrorKind(first) === 'quota') return t('failure.quota');
    const detail = first instanceof Error ? first.message || first.name : String(first);
    return t('failure.unexpected', { detail: isolate(detail) });
  }

  /** The same as a sentence of its own, where no sentence of the place wraps it. */
  const failureSentence = (failure: unknown): string =>
    t('failure.sentence', { error: failureText(failure) });

  return { failureText, failureSentence };
}
