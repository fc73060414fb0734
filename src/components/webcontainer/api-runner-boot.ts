import { checkSupport, statusMessage, type Environment } from './api-runner.ts';

// Runs on every page with the panel, so it stays tiny: it only checks whether
// this browser can run WebContainers at all, and loads the real client (the
// WebContainer API and the stack's sources) on the first click.

function environment(): Environment {
  return {
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    sharedArrayBuffer: typeof SharedArrayBuffer === 'function',
    onLine: navigator.onLine,
  };
}

function initRunner(root: HTMLElement): void {
  const start = root.querySelector<HTMLButtonElement>('[data-api-start]');
  const status = root.querySelector<HTMLElement>('[data-api-status]');
  const fallback = root.querySelector<HTMLElement>('[data-api-fallback]');
  if (!start || !status || !fallback) return;

  const reason = checkSupport(environment());
  // Offline may change; a page without isolation or SharedArrayBuffer never will.
  if (reason === 'not-isolated' || reason === 'no-shared-array-buffer') {
    start.disabled = true;
    status.dataset['kind'] = 'failed';
    status.textContent = statusMessage({ kind: 'failed', failure: { reason } });
    fallback.hidden = false;
    return;
  }
  start.addEventListener(
    'click',
    () => {
      start.disabled = true;
      status.textContent = 'Chargement de WebContainers…';
      import('./api-runner-client.ts')
        .then(({ runApi }) => runApi(root, environment))
        .catch(() => {
          status.dataset['kind'] = 'failed';
          status.textContent = 'Le module WebContainers n’a pas pu être chargé. Rechargez la page, ou téléchargez la stack du chapitre.';
          fallback.hidden = false;
        });
    },
    { once: true },
  );
}

export function initApiRunners(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-api-runner]')) initRunner(root);
}
