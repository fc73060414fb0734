// Workshop performance, measured in Debian's Chromium on the built site
// (`npx astro build` first). Prints figures; it is a measurement, not a test:
// the goals are shown beside each figure.
//   npm run perf                      uses dist/
//   PERF_DIST=path npm run perf       another build
//   PERF_ONLY=playground|lighthouse   one part only
import { readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../tests/e2e/support/browser.ts';
import { serveStatic } from '../../tests/e2e/support/static-server.ts';
import { goToLine, openWorkshop, waitForCheck, wakePlayground, WORKSHOP } from '../../tests/e2e/workshop-helpers.ts';
import { composeOf10000Lines } from '../../src/engine/testing/large-inputs.ts';
import { auditPages, formatLighthouseTable } from './lighthouse-pages.ts';

const LESSON = process.env['PERF_LESSON'] ?? '01-introduction';
const HEAVY_LESSON = '08-production';
const KEYSTROKES = 15;

const dist = resolve(process.env['PERF_DIST'] ?? 'dist');
const server = await serveStatic(dist);
const browser = await launchBrowser();

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number): string => `${value.toFixed(0)} ms`;

async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  return page;
}

/** JS the lesson page loads before the workshop opens, gzip-compressed as a server would send it. */
async function jsBeforeOpening(): Promise<{ files: { url: string; gzip: number }[]; total: number }> {
  const page = await freshPage();
  const bodies: Promise<{ url: string; gzip: number }>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    bodies.push(response.body().then((body) => ({ url: new URL(response.url()).pathname, gzip: gzipSync(body, { level: 9 }).length })));
  });
  await page.goto(`${server.url}lecons/${LESSON}/`);
  await page.waitForLoadState('networkidle');
  const state = await page.locator(WORKSHOP).getAttribute('data-state');
  if (state !== 'closed') throw new Error(`the workshop opened by itself (state ${state}): the measure would include it`);
  const files = await Promise.all(bodies);
  await page.context().close();
  return { files, total: files.reduce((sum, file) => sum + file.gzip, 0) };
}

/** From the click on « Ouvrir l'atelier » to an editor that takes keystrokes (performance marks of the page). */
async function openToEditable(): Promise<number> {
  const page = await freshPage();
  await page.goto(`${server.url}lecons/${LESSON}/`);
  await page.waitForLoadState('networkidle');
  await page.click('[data-open-workshop]');
  await page.waitForSelector(`${WORKSHOP}[data-state="ready"]`, { timeout: 120_000 });
  await page
    .waitForFunction(() => document.activeElement?.closest('[data-editor]') !== null, undefined, { timeout: 30_000 })
    .catch(async (error: unknown) => {
      console.error('focus is on', await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200)));
      throw error;
    });
  const duration = await page.evaluate(() => {
    const open = performance.getEntriesByName('atelier:open')[0]!;
    const ready = performance.getEntriesByName('atelier:ready')[0]!;
    return ready.startTime - open.startTime;
  });
  await page.context().close();
  return duration;
}

/** Single keystrokes after a pause, on the chapter 08 solution files: keydown → markers applied. */
interface KeystrokeSamples {
  total: number[];
  /** Keydown → request posted to the worker (editor update, leading-edge scheduling). */
  toWorker: number[];
  /** Request posted → answer received (structured clone both ways + engine). */
  roundTrip: number[];
  /** The engine alone, timed inside the worker. */
  engine: number[];
  /** Answer received → markers, list and checklist rendered. */
  render: number[];
}

/**
 * Types KEYSTROKES alternate `x` / Backspace at the caret, one at a time, and
 * reads the performance marks the workshop (or the playground) leaves for each:
 * keydown → request sent → answer received → markers rendered.
 */
async function sampleKeystrokes(page: Page, timeoutMs: number): Promise<KeystrokeSamples> {
  const samples: KeystrokeSamples = { total: [], toWorker: [], roundTrip: [], engine: [], render: [] };
  for (let i = 0; i < KEYSTROKES; i += 1) {
    await page.waitForTimeout(400);
    const before = Number(await page.locator(WORKSHOP).getAttribute('data-checked-id'));
    await page.keyboard.press(i % 2 === 0 ? 'x' : 'Backspace');
    await page.waitForFunction((id) => Number(document.querySelector<HTMLElement>('[data-workshop]')?.dataset['checkedId']) > id, before, { timeout: timeoutMs });
    const sample = await page.evaluate(() => {
      const last = (name: string): PerformanceMark => {
        const marks = performance.getEntriesByName(name) as PerformanceMark[];
        return marks[marks.length - 1]!;
      };
      const key = (window as unknown as { lastKey: number }).lastKey;
      const sent = last('atelier:check-sent').startTime;
      const received = last('atelier:check-received').startTime;
      const markers = last('atelier:markers');
      return {
        total: markers.startTime - key,
        toWorker: sent - key,
        roundTrip: received - sent,
        engine: (markers.detail as { workerMs: number }).workerMs,
        render: markers.startTime - received,
      };
    });
    for (const name of Object.keys(samples) as (keyof KeystrokeSamples)[]) samples[name].push(sample[name]);
  }
  return samples;
}

async function keystrokeToMarkers(): Promise<KeystrokeSamples> {
  const page = await freshPage();
  await openWorkshop(page, server.url, HEAVY_LESSON);
  await page.click('[data-action="solution"]');
  await waitForCheck(page);
  await page.evaluate(() => {
    const host = document.querySelector('[data-editor]')!;
    host.addEventListener('keydown', () => ((window as unknown as { lastKey: number }).lastKey = performance.now()), { capture: true });
  });
  await goToLine(page, 1);
  await page.keyboard.press('End');
  const samples = await sampleKeystrokes(page, 30_000);
  await page.context().close();
  return samples;
}

/**
 * The playground opens on a plain text area and loads Monaco on the first
 * gesture: from the focus given to it (`atelier:open`) to Monaco replacing it with
 * the keyboard focus (`atelier:ready`), the moment the learner types in the
 * real editor.
 */
async function playgroundOpenToEditable(): Promise<number> {
  const page = await freshPage();
  await page.goto(`${server.url}bac-a-sable/`);
  await page.waitForLoadState('networkidle');
  await wakePlayground(page);
  const duration = await page.evaluate(() => {
    const open = performance.getEntriesByName('atelier:open')[0]!;
    const ready = performance.getEntriesByName('atelier:ready')[0]!;
    return ready.startTime - open.startTime;
  });
  await page.context().close();
  return duration;
}

async function reportPlayground(): Promise<void> {
  const opens = [];
  for (let i = 0; i < 3; i += 1) opens.push(await playgroundOpenToEditable());
  console.log(
    `Playground, focus in the plain view → editable editor (cold cache, median of 3): ${ms(median(opens))} (${opens.map(ms).join(', ')})  [goal ≤ 600 ms on a quiet machine]`,
  );
  const result = await playgroundLargeFile();
  const line = (values: number[]): string => `median ${ms(median(values))}, p90 ${ms(percentile(values, 90))}`;
  console.log(`Playground, 10,000-line compose.yaml pasted: paste → markers ${ms(result.pasteToMarkers)}`);
  for (const scenario of result.scenarios) {
    console.log(`  keystroke → markers, ${scenario.label} (${KEYSTROKES} keystrokes): ${line(scenario.samples.total)}  [goal ≤ 150 ms]`);
    const { total: _total, ...parts } = scenario.samples;
    for (const [name, values] of Object.entries(parts)) console.log(`    ${name.padEnd(10)} ${line(values)}`);
  }
  console.log(`  longest main-thread task from the paste on: ${ms(result.longestTask)} (${result.longTasks} tasks over 50 ms)  [goal: none over 200 ms]`);
}

/**
 * The playground with a 10,000-line compose file pasted in (clipboard, Ctrl+V):
 * keystroke → markers, and the longest main-thread task seen from the paste on
 * (PerformanceObserver 'longtask', installed before the page's own scripts).
 */
async function playgroundLargeFile(): Promise<{ scenarios: { label: string; samples: KeystrokeSamples }[]; pasteToMarkers: number; longestTask: number; longTasks: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  await page.addInitScript(() => {
    const tasks: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${server.url}bac-a-sable/`);
  await wakePlayground(page);
  await page.waitForSelector(`${WORKSHOP}[data-state="ready"][data-checked-id]`, { timeout: 120_000 });
  await waitForCheck(page);
  await page.evaluate((text) => navigator.clipboard.writeText(text), composeOf10000Lines());
  await page.locator('[data-editor] .view-lines').click();
  await page.keyboard.press('Control+A');
  await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks.length = 0));
  const before = Number(await page.locator(WORKSHOP).getAttribute('data-checked-id'));
  const pasteStart = await page.evaluate(() => performance.now());
  await page.keyboard.press('Control+V');
  await page.waitForFunction((id) => Number(document.querySelector<HTMLElement>('[data-workshop]')?.dataset['checkedId']) > id, before, { timeout: 120_000 });
  await waitForCheck(page);
  const pasteToMarkers = (await page.evaluate(() => performance.now())) - pasteStart;
  await page.evaluate(() => {
    const host = document.querySelector('[data-editor]')!;
    host.addEventListener('keydown', () => ((window as unknown as { lastKey: number }).lastKey = performance.now()), { capture: true });
  });
  // Most keystrokes edit a value and leave the file valid; some break the
  // YAML for a moment. Both are measured: `x` then Backspace at a line's end.
  const scenarios: { label: string; line: number }[] = [
    { label: 'in a value mid-file (line 4,903, `image: …-alpinex`, stays valid)', line: 4903 },
    { label: 'breaking a service mid-file (line 4,902, `svc700:x`, a YAML error)', line: 4902 },
    { label: 'breaking the first line (`services:x`, an error that swallows the file)', line: 1 },
  ];
  const measured: { label: string; samples: KeystrokeSamples }[] = [];
  for (const scenario of scenarios) {
    await page.keyboard.press('Control+g');
    await page.keyboard.type(String(scenario.line));
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    measured.push({ label: scenario.label, samples: await sampleKeystrokes(page, 60_000) });
  }
  const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  await context.close();
  return { scenarios: measured, pasteToMarkers, longestTask: Math.max(0, ...tasks), longTasks: tasks.length };
}

/** Lighthouse (mobile) on the 12 lessons and the playground, served gzip-compressed as deploy/nginx does. */
async function reportLighthouse(): Promise<void> {
  const started = performance.now();
  const compressed = await serveStatic(dist, '/', {}, { gzip: true });
  try {
    const lessons = readdirSync(join(dist, 'lecons'), { withFileTypes: true }).filter((entry) => entry.isDirectory() && /^\d\d-/.test(entry.name));
    const pages = [
      ...lessons.map((lesson) => ({ name: lesson.name, url: `${compressed.url}lecons/${lesson.name}/` })),
      { name: 'bac-a-sable', url: `${compressed.url}bac-a-sable/` },
    ];
    const rows = await auditPages(pages);
    console.log('Lighthouse, mobile (simulated Slow 4G and 4× CPU), measured once: LCP is modelled from the requests and moves little with machine load, TBT grows with it:');
    console.log(formatLighthouseTable(rows));
    console.log(`  (${pages.length} pages in ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  } finally {
    await compressed.close();
  }
}

const only = process.env['PERF_ONLY'];
try {
  if (only === undefined) await reportLessons();
  if (only === undefined || only === 'playground') await reportPlayground();
  if (only === undefined || only === 'lighthouse') await reportLighthouse();
  const [load] = (await import('node:os')).loadavg();
  console.log(`(machine load average: ${load?.toFixed(1)} on ${(await import('node:os')).cpus().length} cores)`);
} finally {
  await browser.close();
  await server.close();
}

async function reportLessons(): Promise<void> {
  const js = await jsBeforeOpening();
  console.log(`JS before the workshop opens (${LESSON}, gzip): ${kb(js.total)}  [goal ≤ 60 KB]`);
  for (const file of js.files) console.log(`  ${kb(file.gzip).padStart(9)}  ${file.url}`);

  const opens = [];
  for (let i = 0; i < 3; i += 1) opens.push(await openToEditable());
  console.log(`Open → editable editor (cold cache, median of 3): ${ms(median(opens))} (${opens.map(ms).join(', ')})  [goal ≤ 600 ms on a quiet machine]`);

  const keys = await keystrokeToMarkers();
  const line = (values: number[]): string => `median ${ms(median(values))}, p90 ${ms(percentile(values, 90))}`;
  console.log(`Keystroke → markers on the ${HEAVY_LESSON} solution files (${KEYSTROKES} keystrokes): ${line(keys.total)}  [goal: median ≤ 30 ms]`);
  console.log(`  keydown → request to the worker: ${line(keys.toWorker)}`);
  console.log(`  worker round trip:               ${line(keys.roundTrip)}`);
  console.log(`    of which the engine:           ${line(keys.engine)}`);
  console.log(`  rendering markers and lists:     ${line(keys.render)}`);
}
