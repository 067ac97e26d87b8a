/**
 * Runs `src/firstRequests.ts` as soon as its own small file arrives. Vite makes one entry of
 * every module script in index.html, so on its own the first requests would run only once the
 * framework and the first-screen chunk had arrived and been compiled, and the interface
 * language's messages would be asked for after them. Loaded by a script of its own, marked
 * `async`, the chunk runs while those two are still on their way; the entry then imports the
 * same module (one module per address), already run.
 */
import type { Plugin } from 'vite';

/** The chunk's name in `codeSplitting.groups` (vite.config.ts). */
const CHUNK = 'first-requests';

/** `html` with the chunk `fileName` run by an async script before the entry, not preloaded for it. */
export function withEarlyScript(html: string, fileName: string): string {
  const src = `./${fileName}`;
  const preload = new RegExp(
    `\\s*<link rel="modulepreload" crossorigin href="${src.replaceAll('.', '\\.')}">`,
  );
  const entry = /<script type="module"[^>]*><\/script>/;
  if (!preload.test(html) || !entry.test(html))
    throw new Error(`index.html has no module script and preload of "${src}" to replace`);
  const script = `<script type="module" async crossorigin src="${src}"></script>`;
  return html.replace(preload, '').replace(entry, (tag) => `${script}\n    ${tag}`);
}

export function firstRequestsPlugin(): Plugin {
  return {
    name: 'baseline:first-requests',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const chunk = Object.values(bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.name === CHUNK,
        );
        if (!chunk) throw new Error(`The build has no "${CHUNK}" chunk for index.html to start early`);
        return withEarlyScript(html, chunk.fileName);
      },
    },
  };
}
