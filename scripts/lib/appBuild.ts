/** Whether `dist/` holds a build of the current sources, and making one: for the servers that serve it. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './questionnaires.ts';

/** The newest modification time of the files the build is made from. */
function newestSource(): number {
  const paths = ['src', 'questionnaires', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const info = statSync(path);
    if (info.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, info.mtimeMs);
  };
  for (const path of paths) visit(join(ROOT, path));
  return newest;
}

export function buildState(dist: string): 'missing' | 'stale' | 'current' {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return 'missing';
  return newestSource() > statSync(index).mtimeMs ? 'stale' : 'current';
}

/** Runs `vite build`; false when it failed. */
export function build(): boolean {
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  return spawnSync(process.execPath, [vite, 'build'], { cwd: ROOT, stdio: 'inherit' }).status === 0;
}

/** Builds unless `dist/` is current (or `noBuild`, which only warns); exits when the build fails. */
export function ensureBuild(dist: string, noBuild: boolean, server: string, audience: string): void {
  const state = buildState(dist);
  if (state !== 'current' && !noBuild) {
    console.log(
      state === 'missing'
        ? 'Building the app (dist/ is missing)…'
        : 'Rebuilding the app (the sources changed since the last build)…',
    );
    if (!build()) {
      console.error(`The build failed; the ${server} did not start.`);
      process.exit(1);
    }
  } else if (state === 'stale') {
    console.warn(`Warning: dist/ is older than the sources (--no-build): ${audience} get the last build.`);
  }
}
