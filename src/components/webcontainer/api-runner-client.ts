import { WebContainer } from '@webcontainer/api';
import pgliteServer from '../../lib/webcontainer/pglite-server.mjs?raw';
import { apiChapter } from '../../lib/webcontainer/api-chapters.ts';
import { loadStackFiles } from '../../lib/webcontainer/stack-files.ts';
import { parseProgress, STORAGE_KEY } from '../../lib/progress/storage.ts';
import { createApiRunner, statusMessage, type ContainerHost, type Environment, type RunnerState } from './api-runner.ts';
import { buildMountTree } from './mount-tree.ts';

// Loaded on the first click only: the WebContainer API and the stack's sources.

/** Keeps the terminal readable and the page light when npm is chatty. */
const MAX_OUTPUT = 60_000;

/** StackBlitz's hidden frame, which WebContainer.boot inserts and waits on for an `init` message. */
const FRAME = 'iframe[src*="/headless"]';
/**
 * A frame that loaded but said nothing within this delay loaded an error page
 * (DNS failure, filtered network: Chromium reports it as a load at ~0.3 s).
 * A reachable StackBlitz posts `init` from the script the load waited for.
 */
const SILENT_FRAME_MS = 4_000;

/** Set by `retry`: the frame is navigating again, its earlier load does not count. */
let reloading = false;

function frame(): HTMLIFrameElement | null {
  return document.querySelector<HTMLIFrameElement>(FRAME);
}

const host: ContainerHost = {
  unreachable() {
    return new Promise<never>((_, reject) => {
      let heard = false;
      const started = performance.now();
      const listen = (element: HTMLIFrameElement): void => {
        const origin = new URL(element.src).origin;
        window.addEventListener('message', (event) => {
          if (event.origin === origin) heard = true;
        });
        const silent = (): void => {
          setTimeout(() => {
            if (!heard) reject(new Error('StackBlitz frame loaded without answering'));
          }, SILENT_FRAME_MS);
        };
        // The frame may have finished loading before we looked: its navigation is then in the resource timeline.
        if (!reloading && performance.getEntriesByName(element.src).length > 0) silent();
        else element.addEventListener('load', silent, { once: true });
      };
      const look = (): void => {
        const element = frame();
        if (element) listen(element);
        else if (performance.now() - started < 10_000) setTimeout(look, 50);
      };
      look();
    });
  },
  retry() {
    const element = frame();
    // Navigating again re-runs the boot WebContainer is still waiting for.
    if (!element) return;
    reloading = true;
    element.addEventListener('load', () => (reloading = false), { once: true });
    element.src = element.src;
  },
  async boot() {
    // require-corp: the value our pages send (deploy/nginx/default.conf, astro.config.mjs).
    const container = await WebContainer.boot({ coep: 'require-corp', workdirName: 'api' });
    return {
      mount: (tree) => container.mount(tree),
      spawn: (command, args, options) => container.spawn(command, args, options ?? {}),
      onServerReady: (listener) => container.on('server-ready', listener),
      teardown: () => container.teardown(),
    };
  },
};

/** The learner's saved files for this lesson, read without touching the workshop's storage. */
function savedEdits(lesson: string): Record<string, string> {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (raw === null) return {};
    const verdict = parseProgress(raw);
    return verdict.ok ? (verdict.progress.lessons[lesson]?.files ?? {}) : {};
  } catch {
    return {};
  }
}

export async function runApi(root: HTMLElement, environment: () => Environment): Promise<void> {
  const stack = root.dataset['stack'] ?? '';
  const lesson = root.dataset['lesson'] ?? '';
  const start = root.querySelector<HTMLButtonElement>('[data-api-start]');
  const stop = root.querySelector<HTMLButtonElement>('[data-api-stop]');
  const status = root.querySelector<HTMLElement>('[data-api-status]');
  const fallback = root.querySelector<HTMLElement>('[data-api-fallback]');
  const terminal = root.querySelector<HTMLElement>('[data-api-terminal]');
  const preview = root.querySelector<HTMLElement>('[data-api-preview]');
  const frame = root.querySelector<HTMLIFrameElement>('[data-api-frame]');
  const chapter = apiChapter(stack);
  const files = await loadStackFiles(stack);
  if (!start || !stop || !status || !fallback || !terminal || !preview || !frame || !chapter || !files) return;

  let previewUrl = '';
  let canStart = (): boolean => false;
  const render = (state: RunnerState): void => {
    status.dataset['kind'] = state.kind;
    status.textContent = statusMessage(state);
    const busy = state.kind === 'booting' || state.kind === 'installing' || state.kind === 'starting';
    start.disabled = !canStart();
    start.textContent = start.disabled || state.kind === 'idle' ? 'Lancer l’API dans le navigateur' : 'Relancer l’API';
    stop.hidden = !(busy || state.kind === 'running');
    fallback.hidden = state.kind !== 'failed';
    preview.hidden = state.kind !== 'running';
    if (state.kind === 'running') {
      previewUrl = state.url;
      frame.src = `${previewUrl}/health`;
    }
  };

  const runner = createApiRunner({
    host,
    tree: buildMountTree({ ...files, pgliteServer, stack, edits: savedEdits(lesson) }),
    preStart: chapter.preStart,
    environment,
    onChange: render,
    onOutput: (text) => {
      terminal.hidden = false;
      const stuck = terminal.scrollTop + terminal.clientHeight >= terminal.scrollHeight - 4;
      terminal.textContent = ((terminal.textContent ?? '') + text).slice(-MAX_OUTPUT);
      if (stuck) terminal.scrollTop = terminal.scrollHeight;
    },
  });

  canStart = runner.canStart;
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-api-route]')) {
    button.addEventListener('click', () => {
      if (previewUrl) frame.src = `${previewUrl}${button.dataset['apiRoute'] ?? '/'}`;
    });
  }
  start.addEventListener('click', () => void runner.start());
  stop.addEventListener('click', () => runner.stop());
  await runner.start();
}
