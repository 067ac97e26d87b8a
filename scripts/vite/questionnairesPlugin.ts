/**
 * Vite plugin for the built-in questionnaires.
 *
 * - Validates every file in questionnaires/ (schema and rules) when the build starts and
 *   whenever a file changes, so an invalid questionnaire fails the build with the validator's
 *   located messages.
 * - Serves `virtual:questionnaires`: a small catalog (ids, titles, counts, in the order of
 *   their `catalog` entries) for the first screen, and a loader that imports each questionnaire
 *   as its own chunk, so the service worker precaches them all without the first screen paying
 *   for their size.
 * - Splits them by language (`languageContent.ts`): the catalog, each questionnaire and the
 *   clause registry come with their default language; every other language's texts are
 *   fetched when that language is chosen (`loadTexts`), so a device keeps the languages it uses.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Plugin, Rollup } from 'vite';
import { splitByLanguage } from '../../src/content/split.ts';
import { questionnaireTexts } from '../../src/content/questionnaireTexts.ts';
import { catalogTexts, clauseTexts } from '../../src/content/texts.ts';
import { DEFAULT_LOCALE } from '../../src/language/locales.ts';
import { catalogOrder } from '../../src/questionnaire/catalog.ts';
import { summaryOf } from '../../src/questionnaire/summary.ts';
import type { Questionnaire } from '../../src/questionnaire/schema.ts';
import { validateQuestionnaireText } from '../../src/questionnaire/validate.ts';
import { formatProblem } from '../../src/validation/problems.ts';
import {
  builtInQuestionnaireFiles,
  CLAUSES_FILE,
  loadClauseIds,
  loadClauseRegistry,
  QUESTIONNAIRE_DIR,
  ROOT,
} from '../lib/questionnaires.ts';
import {
  dataModule,
  languageContentCode,
  writesLanguageFiles,
  type LanguageLists,
} from './languageContent.ts';

const VIRTUAL_ID = 'virtual:questionnaires';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
/** One questionnaire's shell (structure and default language), and the clause registry's. */
const SHELL_PREFIX = 'virtual:questionnaire/';
const CLAUSES_ID = 'virtual:clause-registry/clauses';

interface Entry {
  path: string;
  questionnaire: Questionnaire;
}

function loadAll(dir: string): Entry[] {
  const knownClauses = loadClauseIds();
  const problems: string[] = [];
  const entries: Entry[] = [];
  for (const path of builtInQuestionnaireFiles(dir)) {
    const file = relative(ROOT, path);
    const result = validateQuestionnaireText(readFileSync(path, 'utf8'), { file, knownClauses });
    if (result.ok) entries.push({ path, questionnaire: result.value });
    else problems.push(...result.error.map(formatProblem));
  }
  const ids = entries.map(({ questionnaire }) => questionnaire.id);
  for (const id of new Set(ids)) {
    if (ids.indexOf(id) !== ids.lastIndexOf(id))
      problems.push(`questionnaires/: two files declare the id "${id}"`);
  }
  if (problems.length > 0) {
    throw new Error(
      `Invalid questionnaire(s); run \`npm run validate\` for details:\n${problems.join('\n')}`,
    );
  }
  return entries;
}

const splits = new WeakMap<Questionnaire, ReturnType<typeof splitByLanguage<Questionnaire>>>();
function questionnaireShell(q: Questionnaire) {
  let split = splits.get(q);
  if (!split) splits.set(q, (split = splitByLanguage(q, questionnaireTexts, () => q.defaultLanguage)));
  return split;
}
const clausesShell = () => splitByLanguage(loadClauseRegistry(), clauseTexts, () => DEFAULT_LOCALE);

function catalogModule(entries: Entry[], emit: Rollup.PluginContext | undefined): string {
  const summaries = entries.map(({ questionnaire }) => summaryOf(questionnaire)).sort(catalogOrder);
  // Each summary keeps its own questionnaire's default language.
  const owners = summaries.flatMap((summary) => catalogTexts([summary]).map(() => summary.defaultLanguage));
  const catalog = splitByLanguage(summaries, catalogTexts, (slot) => owners[slot]!);
  const lists: LanguageLists[] = [
    { key: 'catalog', languages: catalog.languages },
    { key: 'clauses', languages: clausesShell().languages },
    ...entries.map(({ questionnaire }) => ({
      key: `questionnaire/${questionnaire.id}`,
      languages: questionnaireShell(questionnaire).languages,
    })),
  ];
  const loaders = entries
    .map(
      ({ questionnaire }) =>
        `  ${JSON.stringify(questionnaire.id)}: () => import(${JSON.stringify(`${SHELL_PREFIX}${questionnaire.id}`)}),`,
    )
    .join('\n');
  return [
    `export const catalog = ${JSON.stringify(catalog.shell)};`,
    `const loaders = {\n${loaders}\n};`,
    '/** The questionnaire with its default language; `loadTexts` has the others. */',
    'export async function loadQuestionnaire(id) {',
    '  const load = Object.hasOwn(loaders, id) ? loaders[id] : undefined;',
    '  return load ? (await load()).default : undefined;',
    '}',
    `export const loadClauses = () => import(${JSON.stringify(CLAUSES_ID)}).then((module) => module.default);`,
    languageContentCode(lists, emit),
  ].join('\n');
}

/** `dir` is the questionnaire folder (tests point it elsewhere). */
export function questionnairesPlugin({ dir = QUESTIONNAIRE_DIR } = {}): Plugin {
  let building = false;
  let languageFiles = false;
  // Validated once per build (and again after a file changes), not once per module.
  let validated: Entry[] | undefined;
  const entries = () => (validated ??= loadAll(dir));
  return {
    name: 'baseline:questionnaires',
    configResolved(config) {
      building = config.command === 'build';
      languageFiles = writesLanguageFiles(config);
    },
    buildStart() {
      // A production build fails on an invalid questionnaire even if no code imported it yet.
      // Dev server and tests report it where the catalog is imported instead, so one bad
      // file does not stop the unit tests that would point at it.
      validated = undefined;
      if (!building) return;
      for (const entry of entries()) this.addWatchFile(entry.path);
      this.addWatchFile(CLAUSES_FILE);
    },
    resolveId(id) {
      if (id === VIRTUAL_ID) return RESOLVED_ID;
      return id.startsWith(SHELL_PREFIX) || id === CLAUSES_ID ? `\0${id}` : undefined;
    },
    load(id) {
      if (id === RESOLVED_ID) return catalogModule(entries(), languageFiles ? this : undefined);
      if (id === `\0${CLAUSES_ID}`) return dataModule(clausesShell().shell);
      if (!id.startsWith(`\0${SHELL_PREFIX}`)) return undefined;
      const wanted = id.slice(SHELL_PREFIX.length + 1);
      const entry = entries().find(({ questionnaire }) => questionnaire.id === wanted);
      return entry ? dataModule(questionnaireShell(entry.questionnaire).shell) : undefined;
    },
    configureServer(server) {
      server.watcher.add(dir);
      server.watcher.on('change', (path) => {
        if (!path.startsWith(dir)) return;
        validated = undefined;
        for (const module of server.moduleGraph.idToModuleMap.values()) {
          if (
            module.id === RESOLVED_ID ||
            module.id?.startsWith(`\0virtual:questionnaire`) ||
            module.id === `\0${CLAUSES_ID}`
          )
            server.moduleGraph.invalidateModule(module);
        }
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
