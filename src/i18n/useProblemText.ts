import { useI18n } from 'vue-i18n';
import { isolate } from '../language/index.ts';
import type { Explained, ProblemValue } from '../validation/messages.ts';

/**
 * Why something was refused, in the interface language: the core gives a code and its values
 * (`src/validation/messages.ts`), each locale's `problems` section words it. English is the
 * core's own sentence; so is anything without a code or not yet translated, marked `lang="en"`.
 */
export function useProblemText() {
  const i18n = useI18n();
  const { t, locale } = i18n;

  function value(param: ProblemValue): string {
    if (typeof param === 'number') return new Intl.NumberFormat(locale.value).format(param);
    return typeof param === 'string' ? isolate(param) : t(`problems.terms.${param.term}`);
  }

  function translated(explained: Explained): string | undefined {
    if (locale.value === 'en' || !explained.code || !i18n.te(`problems.${explained.code}`)) return undefined;
    const params = Object.fromEntries(
      Object.entries(explained.params ?? {}).map(([name, param]) => [name, value(param)]),
    );
    const message = isolateQuoted(t(`problems.${explained.code}`, params));
    if (explained.within === undefined) return message;
    return t('problems.within', { message, id: isolate(explained.within) });
  }

  /** The text to show, and its language when that is not the interface's (English, as written). */
  const explain = (explained: Explained): { text: string; lang?: 'en' } => {
    const text = translated(explained);
    if (text !== undefined) return { text };
    return locale.value === 'en' ? { text: explained.message } : { text: explained.message, lang: 'en' };
  };

  return { explain };
}

/**
 * Ids, code values and examples are quoted in straight double quotes in every language
 * ("2026-03-01T10:00:00Z", "strategy.exists"): each is isolated, so that in an Arabic
 * sentence it keeps its own order instead of being reordered with the words around it.
 */
function isolateQuoted(message: string): string {
  return message.replace(/"[^"\n]*"/g, (quoted) => isolate(quoted));
}
