/**
 * The last step of the portable build (`vite.portable.config.ts`): after vite-plugin-singlefile
 * has inlined the app's script and styles into the page, this plugin
 *
 * - gives the page its own Content-Security-Policy: the production build's policy allows only
 *   the app's own files (`'self'`), which a page opened from `file://` has none of; here scripts
 *   and styles are allowed by the SHA-256 hash of the exact code inlined, so eval, foreign
 *   scripts and any other inline code stay forbidden, and nothing may be fetched at all;
 * - inlines the icon, drops the links to files that are not there (the touch icon), and
 * - names the file `baseline.html`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { ROOT } from '../lib/questionnaires.ts';

export const PORTABLE_FILE_NAME = 'baseline.html';

const sha256 = (code: string) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;

/** Hashes of the contents of every inline element of a kind (`script` or `style`), as CSP sources. */
export function inlineHashes(html: string, element: 'script' | 'style'): string[] {
  const pattern = new RegExp(`<${element}\\b[^>]*>([\\s\\S]*?)</${element}>`, 'gi');
  return [...html.matchAll(pattern)].map((match) => sha256(match[1] ?? ''));
}

export function portablePolicy(html: string): string {
  const scripts = inlineHashes(html, 'script');
  const styles = inlineHashes(html, 'style');
  if (scripts.length === 0) throw new Error('The portable page has no inline script: was the app inlined?');
  return [
    "default-src 'none'",
    `script-src ${scripts.join(' ')}`,
    `style-src ${styles.length > 0 ? styles.join(' ') : "'none'"}`,
    'img-src data: blob:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function dataUrl(path: string, type: string): string {
  return `data:${type};base64,${readFileSync(path).toString('base64')}`;
}

const PUBLIC = join(ROOT, 'public');

export function portablePlugin(): Plugin[] {
  const icon = dataUrl(join(PUBLIC, 'favicon.svg'), 'image/svg+xml');
  return [
    {
      // The app refers to files of public/ by absolute path ("/favicon.svg"); with no public
      // folder to copy, they become ordinary assets, which the single file inlines.
      name: 'baseline:portable-assets',
      apply: 'build',
      enforce: 'pre',
      resolveId(id) {
        return /^\/[\w-]+\.svg$/.test(id) ? join(PUBLIC, id.slice(1)) : undefined;
      },
    },
    {
      name: 'baseline:portable',
      apply: 'build',
      enforce: 'post',
      transformIndexHtml(html) {
        return (
          html
            .replace(/<link rel="icon" href="[^"]*"/, `<link rel="icon" href="${icon}"`)
            // The band shown until the app has started (index.html) has the icon too.
            .replace(/(<img [^>]*src=")[^"]*favicon\.svg"/g, `$1${icon}"`)
            .replace(/\s*<link rel="apple-touch-icon"[^>]*>/, '')
        );
      },
      generateBundle: {
        order: 'post',
        handler(_options, bundle) {
          const page = bundle['index.html'];
          if (!page || page.type !== 'asset' || typeof page.source !== 'string')
            throw new Error('The portable build made no index.html');
          const charset = /<meta charset="[^"]*"\s*\/?>/i;
          if (!charset.test(page.source))
            throw new Error('index.html needs a <meta charset> for the policy to follow');
          const meta = `<meta http-equiv="Content-Security-Policy" content="${portablePolicy(page.source)}" />`;
          const source = page.source.replace(charset, (tag) => `${tag}\n    ${meta}`);
          delete bundle['index.html'];
          this.emitFile({ type: 'asset', fileName: PORTABLE_FILE_NAME, source });
        },
      },
    },
  ];
}
