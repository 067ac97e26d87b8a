/**
 * Vite plugin for the built-in questionnaires.
 *
 * - Validates every file in questionnaires/ (schema and rules) when the build starts and
 *   whenever a file changes, so an invalid questionnaire fails the build with the validator's
 *   located messages.
 * - Serves `virtual:questionnaires`: a small catalog (ids, titles, counts, in the order of
 *   their `catalog` entries) for the first screen, and a loader that imports each questionnaire as its own chunk, so the service
 *   worker precaches them all without the first screen paying for their size.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Plugin } from 'vite';
import { catalogOrder, type QuestionnaireSummary } from '../../src/questionnaire/catalog.ts';
import { summarize } from '../../src/questionnaire/summary.ts';
import type { Questionnaire } from '../../src/questionnaire/schema.ts';
import { validateQuestionnaireText } from '../../src/questionnaire/validate.ts';
import { formatProblem } from '../../src/validation/problems.ts';
import {
  builtInQuestionnaireFiles,
  CLAUSES_FILE,
  loadClauseIds,
  QUESTIONNAIRE_DIR,
  ROOT,
} from '../lib/questionnaires.ts';

const VIRTUAL_ID = 'virtual:questionnaires';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

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
    else problems.push(...result.problems.map(formatProblem));
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

function catalogModule(entries: Entry[]): string {
  const summaries: QuestionnaireSummary[] = entries
    .map(({ questionnaire }) => summarize(questionnaire))
    .sort(catalogOrder);
  const loaders = entries
    .map(
      ({ path, questionnaire }) =>
        `  ${JSON.stringify(questionnaire.id)}: () => import(${JSON.stringify(path)}),`,
    )
    .join('\n');
  return [
    `export const catalog = ${JSON.stringify(summaries)};`,
    `const loaders = {\n${loaders}\n};`,
    'export async function loadQuestionnaire(id) {',
    '  const load = Object.hasOwn(loaders, id) ? loaders[id] : undefined;',
    '  return load ? (await load()).default : undefined;',
    '}',
    `export const loadClauses = () => import(${JSON.stringify(CLAUSES_FILE)}).then((module) => module.default);`,
  ].join('\n');
}

/** `dir` is the questionnaire folder (tests point it elsewhere). */
export function questionnairesPlugin({ dir = QUESTIONNAIRE_DIR } = {}): Plugin {
  let building = false;
  return {
    name: 'baseline:questionnaires',
    configResolved(config) {
      building = config.command === 'build';
    },
    buildStart() {
      // A production build fails on an invalid questionnaire even if no code imported it yet.
      // Dev server and tests report it where the catalog is imported instead, so one bad
      // file does not stop the unit tests that would point at it.
      if (!building) return;
      for (const entry of loadAll(dir)) this.addWatchFile(entry.path);
      this.addWatchFile(CLAUSES_FILE);
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      return id === RESOLVED_ID ? catalogModule(loadAll(dir)) : undefined;
    },
    configureServer(server) {
      server.watcher.add(dir);
      server.watcher.on('change', (path) => {
        if (!path.startsWith(dir)) return;
        const module = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (module) server.moduleGraph.invalidateModule(module);
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
