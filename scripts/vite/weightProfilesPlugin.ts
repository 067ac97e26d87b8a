/**
 * Vite plugin for the built-in weight profiles (questionnaires/weights/*.json).
 *
 * - Validates every profile against its format and the built-in questionnaires when the build
 *   starts, so an invalid profile fails the build with the validator's located messages.
 * - Serves `virtual:weight-profiles`: `loadProfiles()` imports them (a small chunk of their
 *   own, precached by the service worker) only when a screen needs them.
 */
import type { Plugin } from 'vite';
import { formatProblem } from '../../src/validation/problems.ts';
import {
  builtInProfileFiles,
  checkBuiltInProfiles,
  loadValidQuestionnaires,
  PROFILE_DIR,
} from '../lib/profiles.ts';
import { QUESTIONNAIRE_DIR } from '../lib/questionnaires.ts';

const VIRTUAL_ID = 'virtual:weight-profiles';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

function validPaths(dir: string, questionnaireDir: string): string[] {
  const results = checkBuiltInProfiles(builtInProfileFiles(dir), loadValidQuestionnaires(questionnaireDir));
  const problems = results.flatMap(({ result }) => (result.ok ? [] : result.problems.map(formatProblem)));
  if (problems.length > 0) {
    throw new Error(
      `Invalid weight profile(s); run \`npm run validate\` for details:\n${problems.join('\n')}`,
    );
  }
  return results.map(({ path }) => path);
}

function profilesModule(paths: string[]): string {
  const imports = paths.map((path) => `import(${JSON.stringify(path)})`).join(', ');
  return [
    '/** The built-in weight profiles, validated when the app was built, in order of file name. */',
    'export async function loadProfiles() {',
    `  const modules = await Promise.all([${imports}]);`,
    '  return modules.map((module) => module.default);',
    '}',
  ].join('\n');
}

/** `dir` is the profile folder and `questionnaireDir` the questionnaires they apply to (tests point them elsewhere). */
export function weightProfilesPlugin({
  dir = PROFILE_DIR,
  questionnaireDir = QUESTIONNAIRE_DIR,
} = {}): Plugin {
  let building = false;
  return {
    name: 'baseline:weight-profiles',
    configResolved(config) {
      building = config.command === 'build';
    },
    buildStart() {
      if (!building) return;
      for (const path of validPaths(dir, questionnaireDir)) this.addWatchFile(path);
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      return id === RESOLVED_ID ? profilesModule(validPaths(dir, questionnaireDir)) : undefined;
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
