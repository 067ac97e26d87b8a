import { describe, expect, it } from 'vitest';
import { withEarlyScript } from '../../../scripts/vite/firstRequestsPlugin.ts';

const BUILT = `<head>
    <title>Baseline</title>
    <script type="module" crossorigin src="./assets/index-Ab12Cd3.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/first-requests-x_Y-z12.js">
    <link rel="modulepreload" crossorigin href="./assets/framework-Q1w2E3r.js">
  </head>`;

describe('the first requests, started before the rest of the app arrives', () => {
  it('runs its chunk from a script of its own, async and first, instead of preloading it for the entry', () => {
    const html = withEarlyScript(BUILT, 'assets/first-requests-x_Y-z12.js');
    expect(html).toBe(`<head>
    <title>Baseline</title>
    <script type="module" async crossorigin src="./assets/first-requests-x_Y-z12.js"></script>
    <script type="module" crossorigin src="./assets/index-Ab12Cd3.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/framework-Q1w2E3r.js">
  </head>`);
  });

  it('stops the build when the page no longer has what it replaces', () => {
    expect(() => withEarlyScript(BUILT, 'assets/first-requests-other00.js')).toThrow(
      'no module script and preload of "./assets/first-requests-other00.js"',
    );
    expect(() =>
      withEarlyScript(BUILT.replace(/<script[^\n]*\n/, ''), 'assets/first-requests-x_Y-z12.js'),
    ).toThrow();
  });
});
