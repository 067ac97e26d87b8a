/**
 * The production builds the browser and size figures measure, built once per bench run from
 * the current sources: the app (`dist/`, as `npm run build` makes it) and the SurveyJS page
 * (`scripts/bench/surveyjs/`, built into `node_modules/.cache/baseline-bench/`), each served
 * by its own `vite preview` server on a free port.
 */
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { ROOT } from '../../lib/questionnaires.ts';

export const APP_DIST = join(ROOT, 'dist');
export const SURVEYJS_ROOT = join(ROOT, 'scripts', 'bench', 'surveyjs');
export const SURVEYJS_DIST = join(ROOT, 'node_modules', '.cache', 'baseline-bench', 'surveyjs');

let built: Promise<void> | undefined;

/** Builds both, once, however many measurements ask. */
export function ensureBuilds(): Promise<void> {
  built ??= (async () => {
    await build({ root: ROOT, logLevel: 'error' });
    await build({ configFile: join(SURVEYJS_ROOT, 'vite.config.ts'), logLevel: 'error' });
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
