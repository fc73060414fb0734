import { decodeShare } from '../../lib/playground/share-link.ts';
import { loadProject } from '../../lib/playground/storage.ts';
import type { KeyValueStore } from '../../lib/progress/storage.ts';
import { browserStore, required } from '../workshop/editor-page.ts';
import { openWhenWanted } from '../workshop/open-when-wanted.ts';
import { tabForKey } from '../workshop/tab-keys.ts';

// What the playground's page loads with it: the project (saved or shared)
// shown at once in its tabs and a plain text area the learner can already
// type in. Monaco and the engine worker come with `playground-app.ts`, loaded
// on the learner's first gesture as the lesson workshop is
// (open-when-wanted.ts), and take over what the plain view shows and holds,
// keystrokes included.

export const EMPTY_PROJECT: Record<string, string> = { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n' };

/** The project the page opens with, and how. */
export interface StartingProject {
  files: Record<string, string>;
  /** A shared project: shown read-only, the learner's own files kept aside. */
  readOnly: boolean;
  ownFiles?: Record<string, string> | undefined;
  problems: string[];
}

/** What the plain view hands to the editor when it takes over. */
export interface PlainHandOver extends StartingProject {
  current: string;
  /** The learner typed in the plain view: the project needs saving. */
  edited: boolean;
  /** The caret (offsets in the current file) when the plain view had the focus. */
  focus?: { start: number; end: number } | undefined;
}

export interface PlainView {
  /** Stops the plain view (its listeners, its hash reading) and hands over its state; call it right before the editor replaces it. */
  take(): PlainHandOver;
}

export const sortedPaths = (paths: Iterable<string>): string[] => [...paths].sort((a, b) => a.localeCompare(b));

/** The file a project opens on: its compose file, else its first file. */
export const firstFile = (paths: string[]): string => paths.find((path) => /compose\.ya?ml$/.test(path)) ?? paths[0] ?? '';

/** A shared project in the address wins over the saved one, which stays aside. */
export function startingProject(store: KeyValueStore, hash: string): { project: StartingProject; clearHash: boolean } {
  const loaded = loadProject(store);
  const problems = loaded.problem ? [loaded.problem] : [];
  const shared = decodeShare(hash);
  if (shared.ok === true) return { project: { files: shared.files, readOnly: true, ownFiles: loaded.files, problems }, clearHash: false };
  if (shared.ok === false) problems.push(shared.error);
  return { project: { files: loaded.files ?? EMPTY_PROJECT, readOnly: false, problems }, clearHash: shared.ok === false };
}

/** One file tab, the same before and after the editor loads (no layout shift when it arrives). */
export function tabButton(path: string, index: number, selected: boolean): HTMLButtonElement {
  const tab = document.createElement('button');
  tab.type = 'button';
  tab.role = 'tab';
  tab.id = `bac-onglet-${index}`;
  tab.dataset['path'] = path;
  tab.setAttribute('aria-selected', String(selected));
  tab.setAttribute('aria-controls', 'bac-panneau');
  tab.tabIndex = selected ? 0 : -1;
  tab.textContent = path;
  return tab;
}

/** The banner and controls of a shared project, shown by the plain view already so nothing moves later. */
export function showReadOnly(root: HTMLElement, readOnly: boolean): void {
  required<HTMLElement>(root, '[data-share-banner]').hidden = !readOnly;
  required<HTMLElement>(root, '[data-edit-controls]').hidden = readOnly;
  root.dataset['readonly'] = String(readOnly);
}

export const clearHash = (): void => history.replaceState(null, '', window.location.pathname + window.location.search);

function mountPlainView(root: HTMLElement): PlainView {
  const tabList = required<HTMLElement>(root, '[data-file-tabs]');
  const panel = required<HTMLElement>(root, '[data-file-panel]');
  const host = required<HTMLElement>(root, '[data-editor]');
  const message = required<HTMLElement>(root, '[data-workshop-message]');
  const area = document.createElement('textarea');
  area.className = 'playground-plain';
  area.dataset['plainEditor'] = '';
  area.spellcheck = false;
  area.autocomplete = 'off';
  area.setAttribute('autocapitalize', 'off');
  host.replaceChildren(area);

  let project: StartingProject;
  let files: Record<string, string>;
  let current = '';
  let edited = false;

  const show = (path: string, focusTab = false): void => {
    current = path;
    area.value = files[path] ?? '';
    area.setAttribute('aria-label', `Éditeur du fichier ${path}. L’éditeur complet se charge dès que vous y entrez.`);
    const paths = sortedPaths(Object.keys(files));
    tabList.replaceChildren(
      ...paths.map((other, index) => {
        const tab = tabButton(other, index, other === path);
        tab.addEventListener('click', () => show(other));
        tab.addEventListener('keydown', (event) => {
          const next = tabForKey(event.key, index, paths.length);
          if (next === undefined) return;
          event.preventDefault();
          show(paths[next]!, true);
        });
        return tab;
      }),
    );
    panel.setAttribute('aria-labelledby', `bac-onglet-${paths.indexOf(path)}`);
    if (focusTab) tabList.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
  };
  const start = (): void => {
    const starting = startingProject(browserStore(), window.location.hash);
    if (starting.clearHash) clearHash();
    project = starting.project;
    files = { ...project.files };
    edited = false;
    area.readOnly = project.readOnly;
    showReadOnly(root, project.readOnly);
    if (project.problems.length > 0) {
      message.textContent = project.problems.join(' ');
      message.dataset['kind'] = 'problem';
      message.hidden = false;
    }
    show(firstFile(sortedPaths(Object.keys(files))));
  };

  const onInput = (): void => {
    files[current] = area.value;
    edited = true;
  };
  // Dropped files reach the playground only once it is loaded: until then
  // the browser must not open them in place of the page.
  const onDrag = (event: DragEvent): void => {
    event.preventDefault();
    if (event.type !== 'drop') return;
    message.textContent = 'Le bac à sable se charge\u00a0: déposez vos fichiers à nouveau dans un instant.';
    message.dataset['kind'] = 'info';
    message.hidden = false;
  };
  area.addEventListener('input', onInput);
  root.addEventListener('dragover', onDrag);
  root.addEventListener('drop', onDrag);
  window.addEventListener('hashchange', start);
  start();

  return {
    take() {
      area.removeEventListener('input', onInput);
      root.removeEventListener('dragover', onDrag);
      root.removeEventListener('drop', onDrag);
      window.removeEventListener('hashchange', start);
      const focus = document.activeElement === area ? { start: area.selectionStart, end: area.selectionEnd } : undefined;
      return { ...project, files, current, edited, focus };
    },
  };
}

/**
 * Shows the project in the plain view, then loads the editor when the
 * learner shows they want it; a click on an action before then is replayed
 * once the playground is loaded.
 */
export function bootPlayground(root: HTMLElement): void {
  const plain = mountPlainView(root);
  root.dataset['state'] = 'plain';
  let pending: HTMLElement | undefined;
  const early = (event: Event): void => {
    const action = (event.target as Element | null)?.closest<HTMLElement>('button[data-action]');
    if (action) pending = action;
  };
  root.addEventListener('click', early);
  let opening = false;
  const open = (): void => {
    if (opening) return;
    opening = true;
    performance.mark('atelier:open');
    root.dataset['state'] = 'loading';
    import('./playground-app.ts')
      .then(({ mountPlayground }) => {
        mountPlayground(root, plain.take());
        root.removeEventListener('click', early);
        pending?.click();
      })
      .catch((error: unknown) => {
        root.dataset['state'] = 'error';
        const summary = root.querySelector('[data-diagnostic-summary]');
        if (summary) summary.textContent = 'Le bac à sable n’a pas pu se charger\u00a0: rechargez la page pour réessayer.';
        console.error(error);
      });
  };
  openWhenWanted(root, open);
}
