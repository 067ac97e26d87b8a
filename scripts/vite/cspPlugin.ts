/**
 * A strict Content-Security-Policy for the production build, as a <meta> tag at the top of
 * index.html (a room's static server or a USB stick sends no headers we control). The
 * development server keeps no policy, so its hot reload (inline styles) works.
 *
 * - Scripts: only the app's own files; no inline scripts, no eval (`'unsafe-eval'` is absent:
 *   Zod and vue-i18n's message compiler run without it, and the browser test checks).
 * - Styles: only the app's own stylesheets. Vue and Chart.js set styles through the CSSOM
 *   (`element.style`), which a policy does not restrict.
 * - Nothing from another origin, no plugins, no <base>, no form posts anywhere.
 *
 * `frame-ancestors` cannot be set from a meta tag; hosts that can send headers should add it.
 */
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const META = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;

export function cspPlugin(): Plugin {
  return {
    name: 'baseline:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      // Right after <meta charset>, before anything the policy governs.
      handler(html) {
        const charset = /<meta charset="[^"]*"\s*\/?>/i;
        if (!charset.test(html))
          throw new Error('index.html needs a <meta charset> for the policy to follow');
        return html.replace(charset, (tag) => `${tag}\n    ${META}`);
      },
    },
  };
}
