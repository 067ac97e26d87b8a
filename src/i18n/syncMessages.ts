/**
 * The words of the server-of-record screens, in every language, kept apart from the app's own
 * messages: only a device that links to a server loads them (with the sync code, see
 * vite.config.ts), so they weigh nothing in what every device keeps offline.
 */
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { DEFAULT_LOCALE, switchWithPart, type MessagePart } from './index.ts';
import type { Locale } from '../language/index.ts';
import { servedMessages } from './messages.ts';
import { whileBusy } from '../stores/opening.ts';
import { SyncError } from '../sync/http.ts';
import { isRefusalReason } from '../sync/protocol.ts';
import { useFailureText } from './useFailureText.ts';
import type en from './sync/en.json';

type SyncMessages = typeof en;

const LOADERS = import.meta.glob<{ default: SyncMessages }>('./sync/*.json');

const merged = new Set<string>();
let mergeInto: MessagePart | undefined;

/**
 * Fetches every language's words once one is here, for the service worker to keep (a few kB
 * each, on linked devices only): a language chosen later, offline, then has its words too.
 */
let everyLanguageAsked = false;
function keepEveryLanguage(): void {
  if (everyLanguageAsked) return;
  everyLanguageAsked = true;
  for (const load of Object.values(LOADERS)) load().catch(() => (everyLanguageAsked = false));
}

/**
 * Adds the sync screens' words to the interface language, and from then on to every language
 * switched to, before the switch (`switchWithPart`): a merge after it would leave the screen in
 * English until something else drew it again. A language whose words this device never
 * fetched, offline, gets the English ones (the fallback language) rather than an empty screen.
 * `ready` once the words are there, or none could be fetched at all.
 */
export function useSyncMessages() {
  const composer = useI18n({ useScope: 'global' });
  if (!mergeInto) {
    const merge = async (locale: Locale) => {
      if (merged.has(locale)) return;
      const messages = servedMessages((await LOADERS[`./sync/${locale}.json`]!()).default);
      composer.mergeLocaleMessage(locale, messages);
      merged.add(locale);
    };
    mergeInto = async (locale) => {
      try {
        await merge(locale);
      } catch (failure) {
        if (locale === DEFAULT_LOCALE) throw failure;
        await merge(DEFAULT_LOCALE);
      }
      keepEveryLanguage();
    };
    switchWithPart(mergeInto);
  }
  const ready = ref(merged.has(composer.locale.value));
  if (!ready.value)
    void mergeInto(composer.locale.value as Locale)
      .catch(() => undefined)
      .then(() => (ready.value = true));
  return { ready };
}

/**
 * The server requests of a sync screen, one at a time: `busy` while one runs (the screen holds
 * its buttons), the last error and notice cleared as the next starts, and a failure put in the
 * screen's own words (`explain`: each screen knows which refusals it expects). Kept here, with
 * the words every such screen loads, so it adds no file of its own to what a screen preloads.
 * `attempt` tells whether the work ended without failing.
 */
export function useAttempt(explain: (failure: unknown) => string) {
  const busy = ref(false);
  const error = ref('');
  const notice = ref('');
  function attempt(work: () => Promise<unknown>): Promise<boolean> {
    error.value = '';
    notice.value = '';
    return whileBusy(busy, async () => {
      try {
        await work();
        return true;
      } catch (failure) {
        error.value = explain(failure);
        return false;
      }
    });
  }
  return { busy, error, notice, attempt };
}

/** Codes that mean one thing wherever they come: worded once, whatever the screen. */
const WORDED_CODES: ReadonlySet<string> = new Set([
  'malformed',
  'notFound',
  'tooLarge',
  'unauthenticated',
  'unavailable',
  'wrongCode',
  'wrongPassword',
  'unreachable',
  'unexpected',
]);

/**
 * A server's refusal (a `SyncError`, or what the sync status keeps of one) in the reader's
 * language: by its reason, where the server gave one this app knows, else by its code where the
 * code says it all. Undefined for the rest (a `forbidden` without a reason means something else
 * on each screen), which each screen words in its own terms; the server's own text is English,
 * for its log.
 */
export function useServerRefusal(): (failure: unknown) => string | undefined {
  const { t } = useI18n();
  return (failure) => {
    if (!isRefusal(failure)) return undefined;
    if (isRefusalReason(failure.reason)) return t(`sync.refusals.${failure.reason}`);
    if (failure.code === 'tooManyRequests')
      return t('sync.errors.tooManyRequests', { seconds: failure.retryAfter ?? 60 });
    return WORDED_CODES.has(failure.code) ? t(`sync.errors.${failure.code}`) : undefined;
  };
}

/** A `SyncError`, or what the sync status keeps of one. */
interface Refusal {
  code: string;
  reason?: string;
  retryAfter?: number;
}

const isRefusal = (failure: unknown): failure is Refusal =>
  failure instanceof SyncError ||
  (typeof failure === 'object' &&
    failure !== null &&
    !(failure instanceof Error) &&
    typeof (failure as { code?: unknown }).code === 'string');

/**
 * A failed request of a server screen in words: the refusal as `useServerRefusal` words it, else
 * the failure as it came. Each screen first words what it expects in its own terms.
 */
export function useServerFailure(): (failure: unknown) => string {
  const { t } = useI18n();
  const { failureText } = useFailureText();
  const refusal = useServerRefusal();
  return (failure) => refusal(failure) ?? t('sync.errors.other', { message: failureText(failure) });
}

/**
 * A failed request of a contributor's screens (their parts, one part): out of reach, what still
 * works without the server; anything else, the server's refusal in words. The coordinator's
 * screen of one assessment words the refusal it expects most before falling back on this.
 */
export function useCoordinationFailure(): (failure: unknown) => string {
  const { t } = useI18n();
  const serverFailure = useServerFailure();
  return (failure) =>
    failure instanceof SyncError && failure.code === 'unreachable'
      ? t('coordination.offline')
      : serverFailure(failure);
}
