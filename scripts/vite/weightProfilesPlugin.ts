/**
 * Vite plugin for the built-in weight profiles (questionnaires/weights/*.json).
 *
 * - Validates every profile against its format and the built-in questionnaires when the build
 *   starts, so an invalid profile fails the build with the validator's located messages.
 * - Serves `virtual:weight-profiles`: `loadProfiles()` imports them (a small chunk of their
 *   own, precached by the service worker) only when a screen needs them, in the app's default
 *   language; the other languages' texts come through `loadTexts` (`languageContent.ts`).
 */
import { readFileSync } from 'node:fs';
import type { Plugin, Rollup } from 'vite';
import { splitByLanguage } from '../../src/content/split.ts';
import { profileTexts } from '../../src/content/texts.ts';
import { DEFAULT_LOCALE } from '../../src/language/locales.ts';
import type { WeightProfile } from '../../src/profiles/schema.ts';
import { formatProblem } from '../../src/validation/problems.ts';
import {
  builtInProfileFiles,
  checkBuiltInProfiles,
  loadValidQuestionnaires,
  PROFILE_DIR,
} from '../lib/profiles.ts';
import { QUESTIONNAIRE_DIR } from '../lib/questionnaires.ts';
import { dataModule, languageContentCode, writesLanguageFiles } from './languageContent.ts';

const VIRTUAL_ID = 'virtual:weight-profiles';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
const SHELLS_ID = 'virtual:weight-profiles/default-language';

function validPaths(dir: string, questionnaireDir: string): string[] {
  const results = checkBuiltInProfiles(builtInProfileFiles(dir), loadValidQuestionnaires(questionnaireDir));
  const problems = results.flatMap(({ result }) => (result.ok ? [] : result.error.map(formatProblem)));
  if (problems.length > 0) {
    throw new Error(
      `Invalid weight profile(s); run \`npm run validate\` for details:\n${problems.join('\n')}`,
    );
  }
  return results.map(({ path }) => path);
}

/** The built-in profiles, in order of file name, split by language. */
function splitProfiles(paths: string[]) {
  const profiles = paths.map((path) => JSON.parse(readFileSync(path, 'utf8')) as WeightProfile);
  return splitByLanguage(profiles, profileTexts, () => DEFAULT_LOCALE);
}

function profilesModule(paths: string[], emit: Rollup.PluginContext | undefined): string {
  return [
    '/** The built-in weight profiles, validated when the app was built, in order of file name, in the default language. */',
    'export async function loadProfiles() {',
    `  return (await import(${JSON.stringify(SHELLS_ID)})).default;`,
    '}',
    languageContentCode([{ key: 'profiles', languages: splitProfiles(paths).languages }], emit),
  ].join('\n');
}

/** `dir` is the profile folder and `questionnaireDir` the questionnaires they apply to (tests point them elsewhere). */
export function weightProfilesPlugin({
  dir = PROFILE_DIR,
  questionnaireDir = QUESTIONNAIRE_DIR,
} = {}): Plugin {
  let building = false;
  let languageFiles = false;
  return {
    name: 'baseline:weight-profiles',
    configResolved(config) {
      building = config.command === 'build';
      languageFiles = writesLanguageFiles(config);
    },
    buildStart() {
      if (!building) return;
      for (const path of validPaths(dir, questionnaireDir)) this.addWatchFile(path);
    },
    resolveId(id) {
      if (id === VIRTUAL_ID) return RESOLVED_ID;
      return id === SHELLS_ID ? `\0${SHELLS_ID}` : undefined;
    },
    load(id) {
      if (id === RESOLVED_ID)
        return profilesModule(validPaths(dir, questionnaireDir), languageFiles ? this : undefined);
      if (id !== `\0${SHELLS_ID}`) return undefined;
      const { shell } = splitProfiles(validPaths(dir, questionnaireDir));
      return dataModule(shell);
    },
    configureServer(server) {
      server.watcher.add(dir);
      server.watcher.on('change', (path) => {
        if (!path.startsWith(dir)) return;
        for (const id of [RESOLVED_ID, `\0${SHELLS_ID}`]) {
          const module = server.moduleGraph.getModuleById(id);
          if (module) server.moduleGraph.invalidateModule(module);
        }
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
