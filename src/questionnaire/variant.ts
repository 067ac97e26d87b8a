/**
 * A shorter variant of a questionnaire, made in the app for a workshop: the pillars and
 * questions a person picks, each question copied unchanged (same id, text, scoring and
 * condition), so that answers and results compare with the full questionnaire's, the way the
 * built-in quick variant of resolution-130 does. A picked question whose condition names a
 * question that was not picked brings that question in (its gate), or the condition could
 * never be answered; the variant says which it brought in.
 */
import type { LocalizedText, Pillar, Questionnaire } from './schema.ts';
import { conditionQuestions } from './conditions.ts';
import { questionsById } from './lookup.ts';
import { questionsInOrder } from './walk.ts';

export interface VariantChoice {
  /** The variant's own id (lower case, digits, `-`, `_` or `.`). */
  id: string;
  /** Its name, given in every language of the questionnaire unless a language has its own. */
  title: string | LocalizedText;
  version?: string;
  /** The question ids picked, in any order; they keep the questionnaire's order. */
  questions: readonly string[];
  /** A pillar's target (0 to 100) in the variant, by pillar id, where it differs. */
  targets?: Readonly<Record<string, number>>;
}

export interface Variant {
  questionnaire: Questionnaire;
  /** Questions not picked but brought in because a picked question's condition names them. */
  pulledIn: { id: string; by: string[] }[];
}

/** The picked questions and, transitively, every question their conditions name. */
export function withGates(
  questionnaire: Questionnaire,
  picked: Iterable<string>,
): { kept: Set<string>; pulledIn: Map<string, string[]> } {
  const byId = questionsById(questionnaire);
  const chosen = new Set(picked);
  const kept = new Set([...chosen].filter((id) => byId.has(id)));
  const pulledIn = new Map<string, string[]>();
  const queue = [...kept];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const condition = byId.get(id)?.showIf;
    if (!condition) continue;
    for (const gate of conditionQuestions(condition)) {
      if (!byId.has(gate)) continue;
      if (!kept.has(gate)) {
        kept.add(gate);
        queue.push(gate);
      }
      if (!chosen.has(gate)) pulledIn.set(gate, [...(pulledIn.get(gate) ?? []), id]);
    }
  }
  return { kept, pulledIn };
}

function sourcesOf(pillars: readonly Pillar[]): Set<string> {
  const cited = new Set<string>();
  const add = (sources: readonly string[] | undefined) => sources?.forEach((source) => cited.add(source));
  for (const pillar of pillars) {
    add(pillar.sources);
    for (const question of pillar.questions) {
      add(question.sources);
      add('scoring' in question ? question.scoring?.basis?.sources : undefined);
    }
  }
  return cited;
}

/**
 * The variant: the questionnaire's pillars that keep a question, with their questions in the
 * questionnaire's order, `basedOn` the full questionnaire (a variant of a variant names the
 * full one too, so all three compare), the references still cited, no catalog entry (a new
 * questionnaire is never offered first) and no carry-over (it starts at its own version).
 * Not validated here: the caller validates it like any questionnaire.
 */
export function makeVariant(questionnaire: Questionnaire, choice: VariantChoice): Variant {
  const { kept, pulledIn } = withGates(questionnaire, choice.questions);
  const pillars = questionnaire.pillars
    .map((pillar) => {
      const target = choice.targets?.[pillar.id];
      return {
        ...structuredClone(pillar),
        ...(target === undefined ? {} : { target }),
        questions: structuredClone(pillar.questions.filter((question) => kept.has(question.id))),
      };
    })
    .filter((pillar) => pillar.questions.length > 0);
  const cited = sourcesOf(pillars);
  const references = questionnaire.references?.filter((reference) => cited.has(reference.id));
  const title =
    typeof choice.title === 'string'
      ? Object.fromEntries(questionnaire.languages.map((language) => [language, choice.title as string]))
      : choice.title;
  const variant: Questionnaire = {
    format: questionnaire.format,
    id: choice.id,
    version: choice.version ?? '1.0.0',
    basedOn: questionnaire.basedOn ?? questionnaire.id,
    languages: [...questionnaire.languages],
    defaultLanguage: questionnaire.defaultLanguage,
    title,
    ...(references && references.length > 0 ? { references: structuredClone(references) } : {}),
    pillars,
  };
  const order = questionsInOrder(questionnaire).map(({ question }) => question.id);
  return {
    questionnaire: variant,
    pulledIn: [...pulledIn]
      .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
      .map(([id, by]) => ({ id, by })),
  };
}

/** An id for a variant named `name`: the questionnaire's id and the name's Latin letters and digits. */
export function variantId(questionnaire: Questionnaire, name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `${questionnaire.id}-${words || 'variant'}`;
}
