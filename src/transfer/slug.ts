/**
 * The one way a person's text (an assessment's, a workshop's or a participant's name) becomes
 * part of a file name: letters and digits of any script, dashes between. A name in Arabic or
 * Chinese keeps its letters; only a name with no letter or digit at all gives '' (the caller
 * then chooses a fallback, such as an id).
 */
export function slug(text: string, maxLength = 60): string {
  return text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}
