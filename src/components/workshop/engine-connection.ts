// The engine worker as both editor pages use it: checks scheduled as the
// learner types, supervised by the engine client (time budget, crash,
// exception), remembered by the check guard so a text that took the engine
// down is not checked again blindly at the next load. Whatever the engine
// does, the editor stays editable and the text keeps being saved: only this
// status panel and the summary change.
import type { KeyValueStore } from '../../lib/progress/storage.ts';
import { createCheckGuard, type BlockReason } from '../../lib/editor-session/check-guard.ts';
import { CHECK_BUDGET_MS, createEngineClient, type EngineFailureReason } from '../../lib/editor-session/engine-client.ts';
import { createCheckScheduler } from './check-scheduler.ts';
import type { CheckRequest, CheckResponse, EngineMessage } from './engine-protocol.ts';
import EngineWorker from './engine.worker.ts?worker';

type Files = Record<string, string>;

export interface EngineConnectionOptions {
  root: HTMLElement;
  store: KeyValueStore;
  /** Storage scope of the guard: the lesson slug, or the playground. */
  scope: string;
  lesson: string;
  objectiveIds: string[];
  /** The lesson's files are a stack for `docker stack deploy` (chapter 12). */
  swarm?: boolean;
  /** The status panel goes right after this element (the page's message line, above the editor). */
  statusAfter: HTMLElement;
  summary: HTMLElement;
  onResult(response: CheckResponse): void;
  /** The shown problems no longer describe the text: clear them. */
  onStale(): void;
}

export interface EngineConnection {
  /** The text changed: check it (at once after a pause, else when the burst of typing stops). */
  request(files: Files): void;
  /** First check of a page: skipped, with a choice for the learner, if these files already broke the engine. */
  start(files: Files): void;
}

const FAILURE_TEXT: Record<BlockReason, string> = {
  threw: 'La vérification a rencontré une erreur interne sur ce texte (un défaut de l’atelier, pas de votre fichier).',
  crashed: 'Le vérificateur s’est arrêté brutalement sur ce texte.',
  timeout: `La vérification a dépassé ${CHECK_BUDGET_MS / 1000}\u00a0secondes sur ce texte\u00a0: elle a été arrêtée.`,
  interrupted: 'La page s’est fermée ou a planté pendant la vérification de ce texte.',
};
const KEPT = 'Votre texte reste modifiable et il est enregistré dans ce navigateur.';

function button(label: string, action: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.dataset['engineAction'] = action;
  element.textContent = label;
  return element;
}

export function connectEngine(options: EngineConnectionOptions): EngineConnection {
  const { root, summary } = options;
  const guard = createCheckGuard(options.store, options.scope);
  let paused = false;
  /** Nothing is checked before `start`: the page's first texts must pass the guard first. */
  let started = false;
  let latest: Files = {};

  const panel = document.createElement('div');
  panel.className = 'workshop-message workshop-engine';
  panel.dataset['kind'] = 'problem';
  panel.setAttribute('role', 'alert');
  panel.hidden = true;
  const text = document.createElement('p');
  const retry = button('Réessayer la vérification', 'retry');
  const skip = button('Continuer sans vérification', 'skip');
  panel.append(text, retry, ' ', skip);
  options.statusAfter.after(panel);

  const setState = (state: 'ok' | 'failed' | 'blocked' | 'paused'): void => {
    root.dataset['engine'] = state;
  };
  const show = (message: string, withSkip: boolean): void => {
    text.textContent = message;
    skip.hidden = !withSkip;
    panel.hidden = false;
  };

  const client = createEngineClient<CheckRequest, Omit<CheckResponse, 'kind' | 'id'>>({
    spawn(listener) {
      const worker = new EngineWorker();
      worker.addEventListener('message', (event: MessageEvent<EngineMessage>) => listener.message(event.data));
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        listener.error();
      });
      worker.addEventListener('messageerror', () => listener.error());
      return { post: (request) => worker.postMessage(request), terminate: () => worker.terminate() };
    },
    onSend(request) {
      guard.begin(request.files);
      root.dataset['pendingCheck'] = String(request.id);
      performance.mark('atelier:check-sent', { detail: { id: request.id } });
    },
    onResult(response) {
      guard.succeeded();
      if (!scheduler.isCurrent(response.id)) return;
      performance.mark('atelier:check-received', { detail: { id: response.id } });
      if (paused) return;
      panel.hidden = true;
      setState('ok');
      options.onResult(response);
      root.dataset['checkedId'] = String(response.id);
      performance.mark('atelier:markers', { detail: { id: response.id, workerMs: response.durationMs } });
    },
    onFailure({ request, reason, detail }) {
      guard.failed(request.files, reason);
      if (detail) console.error(`Atelier\u00a0: le moteur a levé une exception\u00a0: ${detail}`);
      if (!scheduler.isCurrent(request.id)) return;
      setState('failed');
      options.onStale();
      summary.textContent = 'Pas de résultat pour ce texte\u00a0: la vérification n’a pas abouti.';
      show(`${FAILURE_TEXT[reason satisfies EngineFailureReason]} ${KEPT} La vérification reprendra à votre prochaine modification.`, false);
    },
  });

  const scheduler = createCheckScheduler<Files>((id, files) => {
    client.check({ id, lesson: options.lesson, objectiveIds: options.objectiveIds, files, ...(options.swarm ? { swarm: true } : {}) });
  });

  const resume = (): void => {
    paused = false;
    guard.clear();
    retry.textContent = 'Réessayer la vérification';
    panel.hidden = true;
    setState('ok');
    scheduler.request(latest);
    scheduler.flush();
  };
  retry.addEventListener('click', resume);
  skip.addEventListener('click', () => {
    paused = true;
    setState('paused');
    summary.textContent = 'Vérification désactivée pour ces fichiers.';
    show(`Vérification désactivée. ${KEPT}`, false);
    retry.textContent = 'Réactiver la vérification';
    retry.focus();
  });
  window.addEventListener('pagehide', () => guard.leaving());

  return {
    request(files) {
      latest = files;
      if (started && !paused) scheduler.request(files);
    },
    start(files) {
      latest = files;
      started = true;
      // A whole new project (load, import): checked unless these very files already failed.
      const blocked = guard.blocked(files);
      if (!blocked) {
        if (paused) resume();
        else {
          scheduler.request(files);
          scheduler.flush();
        }
        return;
      }
      paused = true;
      setState('blocked');
      summary.textContent = 'Vérification en attente de votre choix.';
      retry.textContent = 'Réessayer la vérification';
      show(
        `${FAILURE_TEXT[blocked]} Pour ne pas bloquer la page à nouveau, ces fichiers n’ont pas été revérifiés à l’ouverture. ${KEPT}`,
        true,
      );
    },
  };
}
