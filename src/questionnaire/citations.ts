/**
 * What a `sources` entry cites, named by its real document: a clause of the registry under the
 * document its id starts with (Resolution 130, the UN General Assembly draft…), or an entry of
 * the questionnaire's own `references`. Kept apart from the Zod schemas so that the screens
 * that show citations do not load Zod.
 */
import type { ClauseDocument, ClauseRegistry } from './clauses.ts';
import type { LocalizedText, Questionnaire } from './schema.ts';

/** The registry is written in English (and Russian): its texts fall back to English. */
export const REGISTRY_LANGUAGE = 'en';

export interface CitedDocument {
  /** A registry document's id (`R130`) or the reference's id. */
  id: string;
  title: LocalizedText;
  publisher?: LocalizedText;
  year?: number;
  url?: string;
  /** The language its texts fall back to. */
  defaultLanguage: string;
}

export interface Citation {
  /** The id as the questionnaire cites it. */
  id: string;
  /** `undefined` only while the registry is not loaded yet, or for an id nobody knows. */
  document?: CitedDocument;
  /** What the clause says (paraphrased), or the reference's note. */
  summary?: LocalizedText;
  /** A registry clause's mark as its document prints it ("9", "ok)"), to name it in a citation. */
  mark?: string;
  /** The part of its document a registry clause is in, where its id names another (`Clause.section`). */
  section?: string;
}

export type CitationIndex = ReadonlyMap<string, Citation>;

/** Every clause of the registry, with the document it comes from. */
export function clauseCitations(registry: ClauseRegistry): Map<string, Citation> {
  const documents = new Map<string, CitedDocument>(
    registry.documents.map((document: ClauseDocument) => [
      document.id,
      { ...document, defaultLanguage: REGISTRY_LANGUAGE },
    ]),
  );
  return new Map(
    registry.clauses.map((clause) => [
      clause.id,
      {
        id: clause.id,
        document: documents.get(clause.id.split('/', 1)[0]!),
        summary: clause.summary,
        mark: clause.mark,
        ...(clause.section ? { section: clause.section } : {}),
      },
    ]),
  );
}

/** The registry's clauses and the questionnaire's own references, by the ids `sources` use. */
export function citationIndex(
  clauses: CitationIndex,
  questionnaire: Pick<Questionnaire, 'references' | 'defaultLanguage'>,
): CitationIndex {
  const index = new Map(clauses);
  for (const reference of questionnaire.references ?? []) {
    const { note, ...document } = reference;
    index.set(reference.id, {
      id: reference.id,
      document: { ...document, defaultLanguage: questionnaire.defaultLanguage },
      ...(note ? { summary: note } : {}),
    });
  }
  return index;
}

export interface DocumentCitations {
  document?: CitedDocument;
  citations: Citation[];
}

/** The cited ids grouped by document, documents in order of first citation. */
export function citationsByDocument(ids: readonly string[], index: CitationIndex): DocumentCitations[] {
  const groups = new Map<string, DocumentCitations>();
  for (const id of new Set(ids)) {
    const citation = index.get(id) ?? { id };
    const key = citation.document ? `document:${citation.document.id}` : `id:${id}`;
    const group = groups.get(key) ?? { document: citation.document, citations: [] };
    group.citations.push(citation);
    groups.set(key, group);
  }
  return [...groups.values()];
}
