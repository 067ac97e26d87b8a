/**
 * Sizes of a production build, as a browser meets it: what the first screen loads before any
 * lazy route (the page's scripts, their static imports, preloads and stylesheets), and what
 * the service worker precaches. Used by the budget check (`npm run budget`) and the benchmark.
 *
 * Gzip sizes use zlib's default level, which is what `vite preview` sends over the wire.
 */
import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';

export interface FileSize {
  /** Path inside the build folder, with forward slashes. */
  file: string;
  bytes: number;
  gzip: number;
}

export interface SizeTotal {
  files: FileSize[];
  bytes: number;
  gzip: number;
}

/** What a page's HTML asks for before any script runs. */
export interface PageRefs {
  scripts: string[];
  preloads: string[];
  stylesheets: string[];
}

const ATTRIBUTE = /([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(ATTRIBUTE)) {
    attributes.set(match[1]!.toLowerCase(), match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

const isLocal = (url: string) => !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url);

/**
 * The module scripts, module preloads and stylesheets a built HTML page references (local
 * files only), as paths relative to the page. Vite writes these tags itself, so simple tag
 * matching is enough; anything else in the page is ignored.
 */
export function pageRefs(html: string): PageRefs {
  const refs: PageRefs = { scripts: [], preloads: [], stylesheets: [] };
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attributes = attributesOf(tag);
    const isScript = /^<script/i.test(tag);
    const rel = attributes.get('rel')?.toLowerCase();
    const url = isScript ? attributes.get('src') : attributes.get('href');
    if (!url || !isLocal(url)) continue;
    if (isScript) refs.scripts.push(url);
    else if (rel === 'modulepreload') refs.preloads.push(url);
    else if (rel === 'stylesheet') refs.stylesheets.push(url);
  }
  return refs;
}

/** The specifiers a module imports statically (`import … from`, `export … from`), not `import()`. */
export async function staticImports(code: string): Promise<string[]> {
  await init;
  const [imports] = parse(code);
  return imports.filter((entry) => entry.d === -1 && entry.n !== undefined).map((entry) => entry.n!);
}

/** `url` (relative to the file `from`, both inside the build folder) as a path in the build folder. */
function resolveIn(from: string, url: string): string {
  const clean = url.split(/[?#]/)[0]!;
  return posix.normalize(clean.startsWith('/') ? clean.slice(1) : posix.join(posix.dirname(from), clean));
}

export function sizeOf(dir: string, file: string): FileSize {
  const content = readFileSync(posix.join(dir, file));
  return { file, bytes: content.length, gzip: gzipSync(content).length };
}

export function total(files: FileSize[]): SizeTotal {
  return {
    files,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    gzip: files.reduce((sum, file) => sum + file.gzip, 0),
  };
}

/**
 * The JavaScript and CSS a page loads before any lazy route: its module scripts and their
 * static imports, followed to the end, plus whatever it preloads, and its stylesheets.
 */
export async function firstScreen(
  dir: string,
  page = 'index.html',
): Promise<{ js: SizeTotal; css: SizeTotal }> {
  const refs = pageRefs(readFileSync(posix.join(dir, page), 'utf8'));
  const queue = [...refs.scripts, ...refs.preloads].map((url) => resolveIn(page, url));
  const scripts = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (scripts.has(file)) continue;
    if (!existsSync(posix.join(dir, file))) throw new Error(`${page} loads ${file}, which is not in ${dir}`);
    scripts.add(file);
    for (const specifier of await staticImports(readFileSync(posix.join(dir, file), 'utf8'))) {
      // Bare specifiers would be import-mapped; a build never leaves them, so they are not files.
      if (specifier.startsWith('.') || specifier.startsWith('/')) queue.push(resolveIn(file, specifier));
    }
  }
  const stylesheets = [...new Set(refs.stylesheets.map((url) => resolveIn(page, url)))];
  return {
    js: total([...scripts].sort().map((file) => sizeOf(dir, file))),
    css: total(stylesheets.sort().map((file) => sizeOf(dir, file))),
  };
}

/**
 * The URLs in a Workbox service worker's precache manifest (`precacheAndRoute([{url: …}])`),
 * each once. Workbox writes the manifest as a literal, so matching its `url` fields finds it.
 */
export function precacheUrls(serviceWorker: string): string[] {
  const manifest = /precacheAndRoute\(\s*\[([\s\S]*?)\]/.exec(serviceWorker)?.[1];
  if (manifest === undefined) throw new Error('The service worker has no precache manifest');
  const urls = [...manifest.matchAll(/\burl\s*:\s*(["'])(.*?)\1/g)].map((match) => match[2]!);
  return [...new Set(urls)];
}

/** Everything the service worker downloads and keeps when the app is first opened. */
export function precache(dir: string, serviceWorker = 'sw.js'): SizeTotal {
  const urls = precacheUrls(readFileSync(posix.join(dir, serviceWorker), 'utf8'));
  return total(urls.map((url) => sizeOf(dir, resolveIn(serviceWorker, url))));
}

export const kilobytes = (bytes: number) => bytes / 1024;
