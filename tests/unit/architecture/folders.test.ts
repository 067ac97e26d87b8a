/**
 * Every folder of `src/` is in the README's "Where things live", so a newcomer finds where a
 * thing lives from the table, and a new folder is described when it is made.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

describe('README: where things live', () => {
  it('describes every folder of src/', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Where things live'));
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `\`src/${entry.name}/\``);
    expect(folders.filter((folder) => !table.includes(folder))).toEqual([]);
  });
});
