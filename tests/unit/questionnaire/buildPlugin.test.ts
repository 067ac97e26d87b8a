import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { QUESTIONNAIRE_DIR } from '../../../scripts/lib/questionnaires.ts';
import { questionnairesPlugin } from '../../../scripts/vite/questionnairesPlugin.ts';

/** A tiny app whose only module imports the questionnaire catalog, built from `dir`. */
function buildWith(dir: string) {
  const root = mkdtempSync(join(tmpdir(), 'baseline-build-'));
  writeFileSync(join(root, 'index.html'), '<script type="module" src="./main.js"></script>');
  writeFileSync(
    join(root, 'main.js'),
    "import { catalog, loadQuestionnaire } from 'virtual:questionnaires';\n" +
      'console.log(catalog.length, loadQuestionnaire);\n',
  );
  return build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [questionnairesPlugin({ dir })],
    build: { write: false },
  });
}

function questionnaireDir(edit?: (questionnaire: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'baseline-questionnaires-'));
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(QUESTIONNAIRE_DIR, 'sample.json'), join(dir, 'sample.json'));
  if (edit) {
    const data = JSON.parse(readFileSync(join(dir, 'sample.json'), 'utf8')) as Record<string, unknown>;
    edit(data);
    writeFileSync(join(dir, 'sample.json'), JSON.stringify(data));
  }
  return dir;
}

describe('the build', () => {
  it('bundles each valid questionnaire as its own chunk', async () => {
    const output = (await buildWith(questionnaireDir())) as Rollup.RollupOutput;
    const names = output.output.map((file) => file.fileName);
    expect(names.some((name) => /assets\/sample-.*\.js$/.test(name))).toBe(true);
  });

  it('fails on an invalid questionnaire, with the validator’s located message', async () => {
    const dir = questionnaireDir((q) => {
      (q as { version: string }).version = 'one';
    });
    await expect(buildWith(dir)).rejects.toThrow(
      /sample\.json: \$\.version: expected a version such as "1\.0\.0"/,
    );
  });
});
