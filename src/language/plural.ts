import { localeInfo, type Locale } from './locales.ts';

/**
 * Which form of a plural message to show for `count`, in the way vue-i18n asks
 * (`pluralRules[locale](choice, choicesLength)`).
 *
 * A message lists one form per plural category of its language, in the order of
 * `SUPPORTED_LOCALES[…].plurals` (Russian `one | few | many`, Arabic
 * `zero | one | two | few | many | other`, Chinese a single form), optionally preceded by a form
 * for nothing at all. The category comes from the platform's CLDR rules (`Intl.PluralRules`); a
 * category the language lists no form for (Russian fractions, French "many") takes the last form.
 * A message with fewer forms than its language has (a sentence written not to need them) shows
 * its last one.
 */
export function pluralForm(locale: Locale, count: number, forms: number): number {
  if (forms <= 1) return 0;
  const categories = localeInfo(locale).plurals;
  const hasNothingForm = forms === categories.length + 1;
  if (hasNothingForm && count === 0) return 0;
  if (!hasNothingForm && forms !== categories.length) return forms - 1;
  const category = new Intl.PluralRules(locale).select(Math.abs(count));
  const index = categories.indexOf(category);
  return (hasNothingForm ? 1 : 0) + (index === -1 ? categories.length - 1 : index);
}
