import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { PROFILE_DIR } from '../../../scripts/lib/profiles.ts';
import { weightProfilesPlugin } from '../../../scripts/vite/weightProfilesPlugin.ts';

/** A tiny app whose only module loads the built-in profiles, built from `dir`. */
function buildWith(dir: string) {
  const root = mkdtempSync(join(tmpdir(), 'baseline-build-'));
  writeFileSync(join(root, 'index.html'), '<script type="module" src="./main.js"></script>');
  writeFileSync(
    join(root, 'main.js'),
    "import { loadProfiles } from 'virtual:weight-profiles';\nconsole.log(loadProfiles);\n",
  );
  return build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [weightProfilesPlugin({ dir })],
    build: { write: false },
  });
}

function profileDir(edit?: (profile: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'baseline-profiles-'));
  copyFileSync(join(PROFILE_DIR, 'equal.json'), join(dir, 'equal.json'));
  if (edit) {
    const data = JSON.parse(readFileSync(join(dir, 'equal.json'), 'utf8')) as Record<string, unknown>;
    edit(data);
    writeFileSync(join(dir, 'equal.json'), JSON.stringify(data));
  }
  return dir;
}

describe('the build', () => {
  it('bundles the valid built-in profiles', async () => {
    const output = (await buildWith(profileDir())) as Rollup.RollupOutput;
    const code = output.output.map((file) => ('code' in file ? file.code : '')).join('\n');
    expect(code).toContain('Equal weights');
  });

  it('fails on an invalid built-in profile, with the validator’s located message', async () => {
    const dir = profileDir((profile) => {
      (profile as { pillars: Record<string, number> }).pillars.economy = 2;
    });
    await expect(buildWith(dir)).rejects.toThrow(/equal\.json: \$\.pillars\.economy: no pillar "economy"/);
  });
});
