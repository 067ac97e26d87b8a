import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  firstScreen,
  pageRefs,
  precache,
  precacheUrls,
  staticImports,
} from '../../../scripts/lib/bundleSize.ts';

const HTML = `<!doctype html><html><head>
  <script type="module" crossorigin src="./assets/index-a.js"></script>
  <link rel="modulepreload" crossorigin href="./assets/vendor-b.js">
  <link rel="stylesheet" crossorigin href="./assets/index-c.css">
  <link rel="icon" href="./favicon.svg">
  <link rel="manifest" href="./manifest.webmanifest">
  <script src="https://example.org/remote.js"></script>
</head><body><div id="app"></div></body></html>`;

describe('pageRefs', () => {
  it('finds the module scripts, preloads and stylesheets, not icons, manifests or remote files', () => {
    expect(pageRefs(HTML)).toEqual({
      scripts: ['./assets/index-a.js'],
      preloads: ['./assets/vendor-b.js'],
      stylesheets: ['./assets/index-c.css'],
    });
  });
});

describe('staticImports', () => {
  it('lists static imports and re-exports, not dynamic imports', async () => {
    const code =
      'import{a as b}from"./vendor-b.js";import"./side.js";export{c}from"./re.js";' +
      'const lazy=()=>import("./lazy-d.js");';
    expect(await staticImports(code)).toEqual(['./vendor-b.js', './side.js', './re.js']);
  });
});

describe('a build folder', () => {
  let dir: string;
  const write = (file: string, content: string) => {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), content);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'baseline-size-'));
    write('index.html', HTML);
    write('assets/index-a.js', 'import"./shared-e.js";const l=()=>import("./lazy-d.js");export{l}');
    write('assets/vendor-b.js', 'export const v=1;');
    write('assets/shared-e.js', 'import"./vendor-b.js";console.log(1)');
    write('assets/lazy-d.js', 'export default "x".repeat(5000)');
    write('assets/index-c.css', 'body{margin:0}');
    write('favicon.svg', '<svg/>');
    write(
      'sw.js',
      'define(["./workbox-1"],function(s){s.precacheAndRoute([{url:"index.html",revision:"1"},' +
        '{url:"assets/index-a.js",revision:null},{url:"favicon.svg",revision:"2"},' +
        '{url:"favicon.svg",revision:"2"}],{})});',
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('counts the first screen: scripts and their static imports, preloads, stylesheets; no lazy chunk', async () => {
    const { js, css } = await firstScreen(dir);
    expect(js.files.map((file) => file.file)).toEqual([
      'assets/index-a.js',
      'assets/shared-e.js',
      'assets/vendor-b.js',
    ]);
    const a = 'import"./shared-e.js";const l=()=>import("./lazy-d.js");export{l}';
    expect(js.files[0]).toEqual({ file: 'assets/index-a.js', bytes: a.length, gzip: gzipSync(a).length });
    expect(js.bytes).toBe(js.files.reduce((sum, file) => sum + file.bytes, 0));
    expect(css.files.map((file) => file.file)).toEqual(['assets/index-c.css']);
  });

  it('fails, naming the file, when the page loads a file that is not in the build', async () => {
    write('assets/shared-e.js', 'import"./missing.js"');
    await expect(firstScreen(dir)).rejects.toThrow('assets/missing.js');
  });

  it('adds up every file the service worker precaches, each once', () => {
    expect(
      precacheUrls(`s.precacheAndRoute([{url:"a.js",revision:null},{url:"a.js"},{url:'b.css'}])`),
    ).toEqual(['a.js', 'b.css']);
    const total = precache(dir);
    expect(total.files.map((file) => file.file)).toEqual(['index.html', 'assets/index-a.js', 'favicon.svg']);
    expect(total.bytes).toBe(HTML.length + total.files[1]!.bytes + '<svg/>'.length);
  });

  it('refuses a service worker without a precache manifest', () => {
    expect(() => precacheUrls('self.addEventListener("fetch",()=>{})')).toThrow('no precache manifest');
  });
});
