import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/lib/questionnaires.ts';
import en from '../../../src/i18n/locales/en.json';
import syncEn from '../../../src/i18n/sync/en.json';
import { PROBLEM_MESSAGES } from '../../../src/validation/messages.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(vue|ts)$/.test(name) ? [path] : [];
  });
}

function has(messages: unknown, key: string): boolean {
  let node = messages;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

describe('interface text used in the code', () => {
  // Literal keys only: t('home.title'), $t("x.y"), keypath="a.b". Keys built at run time are
  // checked by the tests of the component that builds them.
  const uses = files(join(ROOT, 'src')).flatMap((path) => {
    const text = readFileSync(path, 'utf8');
    return [...text.matchAll(/(?:\bt|\$t|\bte)\(\s*['"]([\w.-]+)['"]|keypath="([\w.-]+)"/g)].map((match) => ({
      file: relative(ROOT, path),
      key: (match[1] ?? match[2])!,
    }));
  });

  it('finds the keys it looks for', () => {
    expect(uses.length).toBeGreaterThan(100);
  });

  it('every literal key exists in the English messages', () => {
    // Problems are worded in English by the core, not in en.json (see problemMessages.test.ts).
    const known = (key: string) =>
      has(en, key) ||
      has(syncEn, key) ||
      (key.startsWith('problems.') && Object.hasOwn(PROBLEM_MESSAGES, key.slice(9)));
    const missing = uses.filter(({ key }) => !known(key)).map(({ file, key }) => `${file}: ${key}`);
    expect(missing).toEqual([]);
  });
});
