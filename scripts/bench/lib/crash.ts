/**
 * A browser that can be killed like a crash: Debian's Chromium started here with a profile
 * folder of its own (as a person's browser keeps its data), driven over the DevTools protocol,
 * and stopped with SIGKILL sent to its whole process group (the browser process, its renderers
 * and its storage), so nothing gets the chance to write what it was holding. Started again on
 * the same folder, it shows what survived. Used by `tests/e2e/crash.spec.ts` and the bench.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../../../playwright.config.ts';

export interface KillableBrowser {
  browser: Browser;
  context: BrowserContext;
  /** SIGKILL to every process of this browser; resolves once the browser process is gone. */
  kill: () => Promise<void>;
  /** An orderly close (for the last run). */
  close: () => Promise<void>;
}

const LISTENING = /DevTools listening on (ws:\/\/\S+)/;

export async function launchKillable(profile: string): Promise<KillableBrowser> {
  const child = spawn(
    CHROMIUM,
    [
      ...CHROMIUM_ARGS,
      '--headless=new',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      '--remote-debugging-address=127.0.0.1',
      '--no-default-browser-check',
      '--password-store=basic',
      '--window-size=1280,800',
      'about:blank',
    ],
    // Its own process group, so one signal reaches every process the browser starts.
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await devToolsEndpoint(child);
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium started without its default context');
  const exited = once(child, 'exit');
  return {
    browser,
    context,
    async kill() {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      await exited;
      await browser.close().catch(() => undefined);
    },
    async close() {
      await browser.close().catch(() => undefined);
      if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  };
}

function devToolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${output}`)), 30_000);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      output += chunk;
      const match = LISTENING.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before it listened:\n${output}`));
    });
  });
}

/**
 * Types `text` into `field` one key at a time (as fast as the browser takes keys, or with
 * `pauseEvery` characters followed by a pause of `pauseMs`), then kills the browser at once.
 */
export async function typeThenKill(
  browser: KillableBrowser,
  page: Page,
  field: ReturnType<Page['locator']>,
  text: string,
  { pauseEvery = 0, pauseMs = 0 } = {},
): Promise<{ typedAt: number[]; killedAt: number }> {
  await field.focus();
  const typedAt: number[] = [];
  for (const [index, character] of [...text].entries()) {
    await page.keyboard.type(character);
    typedAt.push(performance.now());
    if (pauseEvery > 0 && (index + 1) % pauseEvery === 0 && index + 1 < text.length)
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  const killedAt = performance.now();
  await browser.kill();
  return { typedAt, killedAt };
}

/** Characters of `typed` that are not at the start of `survived` (the rest was lost). */
export function charactersLost(typed: string, survived: string): number {
  return typed.startsWith(survived) ? typed.length - survived.length : typed.length;
}
