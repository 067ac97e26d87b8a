/**
 * Where the start-up time goes: opens the home screen of a production build (online first
 * visit, then offline from the service worker) in headless Chromium with tracing on, and prints
 * the renderer main thread's work from the navigation to "usable" (as `lib/browser.ts` defines
 * it), by kind of work and as a timeline of its tasks, with the requests' timings.
 *
 *   npx jiti scripts/bench/traceStartup.ts [dist directory] [port] [runs]
 *
 * Not part of `npm run bench`: a tool to read a trace, not a figure to track.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview } from 'vite';
import { launch, newContext, waitForServiceWorker } from './lib/browser.ts';
import { ROOT } from '../lib/questionnaires.ts';
import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown> & { data?: Record<string, unknown>; name?: string };
}

const dist = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 4350);
const runs = Number(process.argv[4] ?? 3);

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'loading',
  'v8',
  'v8.execute',
  'toplevel',
  'blink',
].join(',');

async function traced(browser: Browser, page: Page, url: string, label: string): Promise<void> {
  await page.addInitScript(() => {
    const mark = () => {
      const heading = document.querySelector('#assessments-heading');
      const button = document.querySelector('.new-assessment button[type="submit"]');
      if (
        heading &&
        button &&
        !button.matches(':disabled') &&
        heading.getClientRects().length > 0 &&
        button.getClientRects().length > 0
      ) {
        performance.mark('usable');
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(mark);
    observer.observe(document, { childList: true, subtree: true, attributes: true });
  });
  await browser.startTracing(page, { categories: CATEGORIES.split(',') });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('usable').length > 0);
  await page.waitForTimeout(200);
  const buffer = await browser.stopTracing();
  const file = `/tmp/trace-${label}.json`;
  writeFileSync(file, buffer);
  summarise(JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }, label);
}

function summarise({ traceEvents }: { traceEvents: TraceEvent[] }, label: string): void {
  const usable = traceEvents.find((e) => e.name === 'usable' && e.cat.includes('user_timing'));
  if (!usable) return console.log(label, 'no usable mark');
  const main = usable;
  const navigation = traceEvents
    .filter((e) => e.name === 'navigationStart' && e.pid === main.pid && e.ts <= usable.ts)
    .at(-1);
  const start = navigation?.ts ?? usable.ts;
  const end = usable.ts;
  const rel = (ts: number) => ((ts - start) / 1000).toFixed(1);
  const onMain = traceEvents.filter(
    (e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts >= start && e.ts <= end,
  );
  const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const busy = tasks.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000;
  console.log(
    `\n== ${label}: usable at ${rel(end)} ms; main thread busy ${busy.toFixed(1)} ms in ${tasks.length} tasks`,
  );
  const kinds = [
    'ParseHTML',
    'v8.compileModule',
    'v8.compile',
    'v8.evaluateModule',
    'EvaluateScript',
    'FunctionCall',
    'v8.run',
    'RunMicrotasks',
    'UpdateLayoutTree',
    'Layout',
    'ParseAuthorStyleSheet',
    'Paint',
    'PrePaint',
    'Layerize',
    'Commit',
    'HitTest',
    'MajorGC',
    'MinorGC',
    'V8.GC_SCAVENGER',
    'v8.parseOnBackground',
    'TimerFire',
    'EventDispatch',
    'FireAnimationFrame',
    'ResourceReceivedData',
  ];
  for (const kind of kinds) {
    const events = onMain.filter((e) => e.name === kind);
    if (events.length === 0) continue;
    const total = events.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000;
    console.log(`  ${kind.padEnd(24)} ${total.toFixed(1).padStart(7)} ms  (${events.length}×)`);
  }
  console.log('  tasks over 2 ms:');
  for (const task of tasks) {
    if ((task.dur ?? 0) < 2000) continue;
    const inside = onMain.filter(
      (e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0),
    );
    const top = inside
      .filter((e) => kinds.includes(e.name))
      .map((e) => {
        const data = e.args?.data;
        const url = (data?.url ?? data?.fileName ?? data?.functionName ?? '') as string;
        return `${e.name}${url ? ` ${url.split('/').pop()}` : ''} ${((e.dur ?? 0) / 1000).toFixed(1)}`;
      })
      .slice(0, 6);
    console.log(`   @${rel(task.ts)} ${((task.dur ?? 0) / 1000).toFixed(1)} ms: ${top.join(' | ')}`);
  }
  const sends = traceEvents.filter((e) => e.name === 'ResourceSendRequest' && e.ts >= start && e.ts <= end);
  const finishes = new Map(
    traceEvents.filter((e) => e.name === 'ResourceFinish').map((e) => [e.args?.data?.requestId as string, e]),
  );
  console.log('  requests:');
  for (const send of sends) {
    const data = send.args!.data!;
    const finish = finishes.get(data.requestId as string);
    console.log(
      `   ${rel(send.ts).padStart(6)} → ${finish ? rel(finish.ts).padStart(6) : '     ?'}  ${String(data.url).split('/').pop()}`,
    );
  }
}

const server = await preview({
  root: ROOT,
  logLevel: 'silent',
  build: { outDir: dist },
  preview: { host: '127.0.0.1', port, strictPort: true },
});
const url = `http://127.0.0.1:${port}/`;
const browser = await launch();
try {
  for (let run = 0; run < runs; run++) {
    const context = await newContext(browser, ['home']);
    const page = await context.newPage();
    await traced(browser, page, url, `online-${run}`);
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await traced(browser, await context.newPage(), url, `offline-${run}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
