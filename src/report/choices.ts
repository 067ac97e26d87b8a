/**
 * What the person chose to print: the paper and the sections after the cover and the executive
 * summary. Kept in the report's address (`?paper=letter&omit=answers`), so a reload, the back
 * button or a link to a colleague keep the choice.
 */
export const PAPERS = ['a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];

export const OPTIONAL_SECTIONS = ['plan', 'answers', 'appendix'] as const;
export type OptionalSection = (typeof OPTIONAL_SECTIONS)[number];

type QueryValue = string | null | (string | null)[] | undefined;

const first = (value: QueryValue) => (Array.isArray(value) ? value[0] : value) ?? '';

export function paperOf(value: QueryValue): Paper {
  return first(value) === 'letter' ? 'letter' : 'a4';
}

/** The sections printed: all but those the address leaves out. */
export function sectionsOf(omitted: QueryValue): Set<OptionalSection> {
  const left = new Set(first(omitted).split(','));
  return new Set(OPTIONAL_SECTIONS.filter((section) => !left.has(section)));
}

/** The address's `omit`, or `undefined` when every section is printed. */
export function omitQuery(sections: ReadonlySet<OptionalSection>): string | undefined {
  const omitted = OPTIONAL_SECTIONS.filter((section) => !sections.has(section));
  return omitted.length > 0 ? omitted.join(',') : undefined;
}
