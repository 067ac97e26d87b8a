/**
 * A field for a code copied from a screen or a sheet (a join code, a link code): written left to
 * right in a fixed-width face, and no browser suggests, corrects or lower-cases what is typed.
 */
export const CODE_FIELD = {
  type: 'text',
  dir: 'ltr',
  class: 'mono',
  autocomplete: 'off',
  autocapitalize: 'characters',
  spellcheck: 'false',
} as const;
