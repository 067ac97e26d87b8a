/**
 * The production builds the browser and size figures measure, built once per bench run from
 * the current sources: the app (`dist/`, as `npm run build` makes it), the SurveyJS page
 * (`scripts/bench/surveyjs/`) and the two framework floors (`scripts/bench/framework/`), the
 * last three built into `node_modules/.cache/baseline-bench/`, each served by its own
 * `vite preview` server on a free port.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { ROOT } from '../../lib/questionnaires.ts';
import { frameworkFloor, type FrameworkPage } from '../framework/floorBuild.ts';

export const APP_DIST = join(ROOT, 'dist');
export const SURVEYJS_ROOT = join(ROOT, 'scripts', 'bench', 'surveyjs');
export const SURVEYJS_DIST = join(ROOT, 'node_modules', '.cache', 'baseline-bench', 'surveyjs');
const MERGE_DIST = join(ROOT, 'node_modules', '.cache', 'baseline-bench', 'merge');

let built: Promise<void> | undefined;

/** Builds them all, once, however many measurements ask. */
export function ensureBuilds(): Promise<void> {
  built ??= (async () => {
    await build({ root: ROOT, logLevel: 'error' });
    await build({ configFile: join(SURVEYJS_ROOT, 'vite.config.ts'), logLevel: 'error' });
    await build({ ...frameworkFloor('index'), logLevel: 'error' });
    await build({ ...frameworkFloor('vue-pinia'), logLevel: 'error' });
  })();
  return built;
}

export interface Served {
  origin: string;
  close: () => Promise<void>;
}

function serve(server: PreviewServer): Served {
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server reported no address');
  return { origin: url.replace(/\/$/, ''), close: () => server.close() };
}

const PREVIEW = { host: '127.0.0.1', port: 0, strictPort: true } as const;

export async function serveApp(): Promise<Served> {
  return serve(await preview({ root: ROOT, logLevel: 'silent', preview: PREVIEW }));
}

export async function serveSurveyJs(): Promise<Served> {
  return serve(
    await preview({
      configFile: join(SURVEYJS_ROOT, 'vite.config.ts'),
      logLevel: 'silent',
      preview: PREVIEW,
    }),
  );
}

export async function serveFramework(page: FrameworkPage): Promise<Served> {
  return serve(await preview({ ...frameworkFloor(page), logLevel: 'silent', preview: PREVIEW }));
}

/**
 * The merge benchmark's page script (`scripts/bench/merge/entry.ts`), bundled and minified as the
 * app's build would, as one ES module to run in a page.
 */
export async function mergeBenchScript(): Promise<string> {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'error',
    build: {
      outDir: MERGE_DIST,
      emptyOutDir: true,
      target: 'es2022',
      copyPublicDir: false,
      lib: {
        entry: join(ROOT, 'scripts', 'bench', 'merge', 'entry.ts'),
        formats: ['es'],
        fileName: 'merge-bench',
      },
    },
  });
  return readFileSync(join(MERGE_DIST, 'merge-bench.js'), 'utf8');
}
