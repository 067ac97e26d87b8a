import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { compileHintsPlugin, withCompileHint } from '../../../scripts/vite/compileHintsPlugin.ts';

type Chunk = { type: 'chunk'; name: string; isEntry: boolean; code: string };

function bundled(chunks: Chunk[]): Record<string, Chunk> {
  const bundle = Object.fromEntries(chunks.map((chunk) => [chunk.name, chunk]));
  const hook = compileHintsPlugin().generateBundle as { handler: (...args: unknown[]) => void };
  hook.handler.call({} as Plugin, {}, bundle);
  return bundle;
}

describe('compile hints for the first screen', () => {
  it('put the hint first in the entry and the framework, and nowhere else', () => {
    const bundle = bundled([
      { type: 'chunk', name: 'index', isEntry: true, code: 'const __vite__mapDeps=1;' },
      { type: 'chunk', name: 'framework', isEntry: false, code: 'function e(){}' },
      { type: 'chunk', name: 'ResultsView', isEntry: false, code: 'var x;' },
    ]);
    expect(bundle.index?.code).toBe('//# allFunctionsCalledOnLoad\nconst __vite__mapDeps=1;');
    expect(bundle.framework?.code).toBe('//# allFunctionsCalledOnLoad\nfunction e(){}');
    expect(bundle.ResultsView?.code).toBe('var x;');
  });

  it('are put once', () => {
    expect(withCompileHint(withCompileHint('f()'))).toBe('//# allFunctionsCalledOnLoad\nf()');
  });
});
