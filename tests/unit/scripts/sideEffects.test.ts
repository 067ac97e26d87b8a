import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { hasSideEffects, MODULES_WITH_EFFECTS } from '../../../scripts/vite/sideEffects.ts';

const SRC = join(import.meta.dirname, '../../../src');

function typeScriptFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Top-level statements that run something when the module is imported (declarations do not). */
function effects(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  return source.statements
    .filter(
      (statement) =>
        !ts.isImportDeclaration(statement) &&
        !ts.isExportDeclaration(statement) &&
        !ts.isFunctionDeclaration(statement) &&
        !ts.isClassDeclaration(statement) &&
        !ts.isInterfaceDeclaration(statement) &&
        !ts.isTypeAliasDeclaration(statement) &&
        !ts.isEnumDeclaration(statement) &&
        !ts.isModuleDeclaration(statement) &&
        !ts.isVariableStatement(statement) &&
        !ts.isExportAssignment(statement),
    )
    .map((statement) => `${relative(SRC, path)}: ${statement.getText(source).split('\n')[0]}`);
}

describe("the bundler's list of modules that do something when imported", () => {
  it('names every module of src/ whose top level runs a statement', () => {
    const running = typeScriptFiles(SRC).filter((path) => effects(path).length > 0);
    expect(running.map((path) => relative(SRC, path)).sort()).toEqual([
      'firstRequests.ts',
      'main.ts',
      'validation/zod.ts',
    ]);
    for (const path of running) expect(MODULES_WITH_EFFECTS.test(path)).toBe(true);
  });

  it('leaves libraries, components and styles to their own declarations', () => {
    expect(hasSideEffects('/app/src/storage/workshops.ts')).toBe(false);
    expect(hasSideEffects('/app/src/validation/zod.ts')).toBe(true);
    expect(hasSideEffects('/app/src/views/HomeView.vue')).toBe(true);
    expect(hasSideEffects('/app/src/styles/main.css')).toBe(true);
    expect(hasSideEffects('/app/node_modules/vue/index.js')).toBe(true);
  });
});
