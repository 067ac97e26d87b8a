/**
 * A field for a code copied from a screen or a sheet (a join code, a link code): written left to
 * right in a fixed-width face, and no browser suggests, corrects or lower-cases what is typed.
 * The field's `type="text"` stays written on the element: with the type hidden in a bound object,
 * Vue's v-model takes the input-type-neutral directive, which puts more code on the first screen.
 */
export const CODE_FIELD = {
  dir: 'ltr',
  class: 'mono',
  autocomplete: 'off',
  autocapitalize: 'characters',
  spellcheck: 'false',
} as const;
