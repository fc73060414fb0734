import { strToU8, zipSync } from 'fflate';
import type { editor } from 'monaco-editor/editor/editor.api';
import type { Diagnostic } from '../../engine/types.ts';
import { readBrought, type BroughtFile } from '../../lib/playground/bring-files.ts';
import { languageOf, summarizeRefusals, validateFileName } from '../../lib/playground/files.ts';
import { decodeShare, encodeShare } from '../../lib/playground/share-link.ts';
import { saveProject } from '../../lib/playground/storage.ts';
import { MAX_ARCHIVE_ENTRIES } from '../../lib/playground/zip-import.ts';
import { createEditorSession } from '../../lib/editor-session/editor-session.ts';
import { browserStore, createEditor, download, escapeLeavesEditor, required, selectRange } from '../workshop/editor-page.ts';
import { renderDiagnosticList, summarize } from '../workshop/diagnostic-list.ts';
import { toMarkers } from '../workshop/diagnostic-markers.ts';
import { connectEngine } from '../workshop/engine-connection.ts';
import { monacoLanguage, setupMonaco } from '../workshop/monaco-setup.ts';
import { registerQuickFixes } from '../workshop/quick-fixes.ts';
import { mountServiceGraph } from '../workshop/service-graph-view.ts';
import { tabForKey } from '../workshop/tab-keys.ts';
import { clearHash, EMPTY_PROJECT, firstFile, showReadOnly, sortedPaths, tabButton, type PlainHandOver } from './playground-boot.ts';

// The playground reuses the lesson workshop's modules (editor setup, engine
// worker, markers, diagnostics list, quick fixes, graph) on an editable file
// list without objectives. Built beside workshop-app.ts rather than inside it
// so the lesson pages keep their code and their tests untouched. Loaded by
// playground-boot.ts on the learner's first gesture, it takes over the plain
// view the page opened with.

const MARKER_OWNER = 'atelier';

interface PlaygroundData {
  base: string;
  stacks: { stack: string; files: Record<string, string> }[];
}




/** A picked file: its path inside a picked folder, else its name. */
function fromInput(file: File): BroughtFile {
  return { path: file.webkitRelativePath || file.name, size: file.size, bytes: async () => new Uint8Array(await file.arrayBuffer()) };
}

/** A drop may hold folders: walk them so their files keep their paths (`dataTransfer.files` lists only the top items). */
async function fromDrop(transfer: DataTransfer): Promise<BroughtFile[]> {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry?.()).filter((entry): entry is FileSystemEntry => Boolean(entry));
  if (entries.length === 0) return [...transfer.files].map(fromInput);
  const brought: BroughtFile[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (brought.length > MAX_ARCHIVE_ENTRIES) return;
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      brought.push({ ...fromInput(file), path: prefix + file.name });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries answers in batches until an empty one.
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child, `${prefix}${entry.name}/`);
      }
    }
  };
  for (const entry of entries) await walk(entry, '');
  return brought;
}

/** Replaces the plain view by the editor, synchronously: nothing typed in between is lost. */
export function mountPlayground(root: HTMLElement, start: PlainHandOver): void {
  const data = JSON.parse(root.querySelector('script[data-playground-data]')?.textContent ?? '{}') as PlaygroundData;
  const monaco = setupMonaco();
  const store = browserStore();
  const message = required<HTMLElement>(root, '[data-workshop-message]');
  const announcer = required<HTMLElement>(root, '[data-announcer]');
  const summary = required<HTMLElement>(root, '[data-diagnostic-summary]');
  const list = required<HTMLElement>(root, '[data-diagnostic-list]');
  const host = required<HTMLElement>(root, '[data-editor]');
  const tabList = required<HTMLElement>(root, '[data-file-tabs]');
  const panel = required<HTMLElement>(root, '[data-file-panel]');
  const nameInput = required<HTMLInputElement>(root, '[data-file-name]');

  const say = (text: string, kind: 'info' | 'problem'): void => {
    root.querySelector<HTMLElement>('[data-action="undo-import"]')?.setAttribute('hidden', '');
    message.textContent = text;
    message.dataset['kind'] = kind;
    message.hidden = false;
  };

  // --- Project state -------------------------------------------------------------
  const models = new Map<string, editor.ITextModel>();
  let current = '';
  let readOnly = false;
  let ownFiles: Record<string, string> | undefined;

  const editorInstance = createEditor(monaco, host, {
    model: null,
    // Monaco dims the number of the line after a final newline below the contrast axe-core asks for.
    renderFinalNewline: 'on',
  });
  escapeLeavesEditor(monaco, editorInstance, () => root.querySelector<HTMLElement>('[data-diagnostic-list] button, [data-action="share"]'));

  const paths = (): string[] => sortedPaths(models.keys());
  // The session holds the files, the engine's answer and the saving; the models below are its view in Monaco.
  const session = createEditorSession({
    files: {},
    check: (files) => engine.request(files),
    save: (files) => {
      if (!readOnly) saveProject(store, files);
    },
    onSaveError: () => say("Votre projet n’a pas pu être enregistré dans le navigateur (stockage plein ou désactivé).", 'problem'),
  });
  const currentFiles = (): Record<string, string> => session.files();

  // --- Engine ---------------------------------------------------------------------
  const graphView = mountServiceGraph(required<HTMLElement>(root, '[data-service-graph]'), 'bac-graphe');
  const problemCount = (path: string): number => session.errorCount(path);

  const jumpTo = (diagnostic: Diagnostic): void => {
    if (!models.has(diagnostic.file)) return;
    select(diagnostic.file);
    selectRange(editorInstance, diagnostic.range);
  };

  session.subscribe((event) => {
    if (event.type === 'layout') {
      for (const [path, model] of models) {
        if (session.has(path)) continue;
        model.dispose();
        models.delete(path);
      }
      for (const path of session.paths()) if (!models.has(path)) models.set(path, createModel(path, session.text(path) ?? ''));
    } else if (event.type === 'files') {
      for (const path of event.paths) {
        const model = models.get(path);
        const text = session.text(path) ?? '';
        // An edit, not setValue: Ctrl+Z in the editor brings the learner's version back too.
        if (model && model.getValue() !== text) model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
      }
    } else {
      const diagnostics = session.diagnostics();
      for (const [path, model] of models) monaco.editor.setModelMarkers(model, MARKER_OWNER, toMarkers(diagnostics, path));
      renderDiagnosticList(list, diagnostics, paths(), data.base, jumpTo);
      renderTabs();
    }
  });
  const engine = connectEngine({
    root,
    store,
    scope: 'bac-a-sable',
    lesson: 'bac-a-sable',
    objectiveIds: [],
    statusAfter: message,
    summary,
    onResult(response) {
      session.setDiagnostics(response.diagnostics);
      summary.textContent = summarize(response.diagnostics);
      graphView.update(response.graph);
    },
    onStale: () => session.setDiagnostics([]),
  });
  registerQuickFixes(monaco, {
    diagnosticsFor: (model) => {
      const path = [...models].find(([, m]) => m === model)?.[0];
      return path === undefined ? [] : session.diagnosticsOf(path).filter((d) => d.fix);
    },
    modelFor: (path) => models.get(path),
  });

  // --- Tabs -----------------------------------------------------------------------
  function renderTabs(focusPath?: string): void {
    const list = paths();
    // Re-rendering replaces the buttons: keep the keyboard focus on the same file.
    focusPath ??= tabList.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset['path'] : undefined;
    tabList.replaceChildren(
      ...list.map((path, index) => {
        const tab = tabButton(path, index, path === current);
        const count = problemCount(path);
        if (count > 0) {
          const badge = document.createElement('span');
          badge.className = 'tab-problems';
          badge.textContent = ` (${count} ${count > 1 ? 'erreurs' : 'erreur'})`;
          tab.append(badge);
        }
        tab.addEventListener('click', () => select(path));
        tab.addEventListener('keydown', (event) => {
          const next = tabForKey(event.key, index, list.length);
          if (next === undefined) return;
          event.preventDefault();
          select(list[next]!, true);
        });
        return tab;
      }),
    );
    const selectedIndex = list.indexOf(current);
    if (selectedIndex !== -1) panel.setAttribute('aria-labelledby', `bac-onglet-${selectedIndex}`);
    if (focusPath) tabList.querySelector<HTMLElement>(`[data-path="${CSS.escape(focusPath)}"]`)?.focus();
  }

  function select(path: string, focusTab = false): void {
    const model = models.get(path);
    if (!model) return;
    current = path;
    editorInstance.setModel(model);
    editorInstance.updateOptions({ ariaLabel: `Éditeur du fichier ${path}. Échap pour quitter l’éditeur.` });
    nameInput.value = path;
    renderTabs(focusTab ? path : undefined);
  }

  // --- Files ----------------------------------------------------------------------
  /** Saves at once (explicit actions); typing is saved by the session after a pause. */
  function persist(): void {
    if (readOnly) return;
    try {
      saveProject(store, currentFiles());
    } catch {
      say("Votre projet n’a pas pu être enregistré dans le navigateur (stockage plein ou désactivé).", 'problem');
    }
  }
  function createModel(path: string, text: string): editor.ITextModel {
    const model = monaco.editor.createModel(text, monacoLanguage(languageOf(path)), monaco.Uri.from({ scheme: 'file', path: `/bac-a-sable/${path}` }));
    model.onDidChangeContent(() => session.edit(path, model.getValue()));
    return model;
  }
  function setProject(files: Record<string, string>, open?: string): void {
    for (const model of models.values()) model.dispose();
    models.clear();
    session.replace(files);
    current = open !== undefined && session.has(open) ? open : firstFile(paths());
    editorInstance.setModel(models.get(current) ?? null);
    select(current);
    renderTabs();
    check();
  }
  function mergeFiles(files: Record<string, string>): void {
    session.merge(files);
    const first = Object.keys(files)[0];
    if (first) select(first);
    check();
    persist();
  }
  function check(): void {
    engine.start(currentFiles());
  }
  function setReadOnly(value: boolean): void {
    readOnly = value;
    showReadOnly(root, value);
    editorInstance.updateOptions({ readOnly: value });
  }

  nameInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      addFile();
    }
  });
  function addFile(): void {
    const verdict = validateFileName(nameInput.value);
    if (!verdict.ok) return say(verdict.error, 'problem');
    if (models.has(verdict.path)) return say(`«\u00a0${verdict.path}\u00a0» existe déjà dans le projet.`, 'problem');
    session.add(verdict.path, '');
    select(verdict.path, true);
    check();
    persist();
    say(`Fichier «\u00a0${verdict.path}\u00a0» ajouté.`, 'info');
  }
  root.querySelector('[data-action="add"]')?.addEventListener('click', addFile);
  root.querySelector('[data-action="rename"]')?.addEventListener('click', () => {
    const model = models.get(current);
    if (!model) return;
    const verdict = validateFileName(nameInput.value);
    if (!verdict.ok) return say(verdict.error, 'problem');
    if (verdict.path === current) return;
    if (models.has(verdict.path)) return say(`«\u00a0${verdict.path}\u00a0» existe déjà dans le projet.`, 'problem');
    const old = current;
    session.rename(old, verdict.path);
    select(verdict.path, true);
    check();
    persist();
    say(`«\u00a0${old}\u00a0» renommé en «\u00a0${verdict.path}\u00a0».`, 'info');
  });
  root.querySelector('[data-action="remove"]')?.addEventListener('click', () => {
    const model = models.get(current);
    if (!model) return;
    if (!window.confirm(`Supprimer «\u00a0${current}\u00a0» du projet\u00a0?`)) return;
    const old = current;
    session.remove(old);
    const next = paths()[0] ?? '';
    current = next;
    if (next) select(next, true);
    else {
      editorInstance.setModel(null);
      renderTabs();
    }
    check();
    persist();
    say(`«\u00a0${old}\u00a0» supprimé du projet.`, 'info');
  });
  root.querySelector('[data-action="start"]')?.addEventListener('click', () => {
    const stack = required<HTMLSelectElement>(root, '[data-start-select]').value;
    const choice = data.stacks.find((s) => s.stack === stack);
    if (!window.confirm('Remplacer les fichiers du projet\u00a0? Les fichiers actuels seront perdus (téléchargez-les en .zip pour les garder).')) return;
    setProject(choice ? choice.files : EMPTY_PROJECT);
    persist();
    say(choice ? `Stack du chapitre ${choice.stack} chargée.` : 'Projet vide créé.', 'info');
  });

  // The project as it was before the last import, for « Annuler l’import ».
  const undo = document.createElement('button');
  undo.type = 'button';
  undo.dataset['action'] = 'undo-import';
  undo.textContent = 'Annuler l’import';
  undo.hidden = true;
  message.after(undo);
  let beforeImport: Record<string, string> | undefined;
  undo.addEventListener('click', () => {
    if (!beforeImport) return;
    setProject(beforeImport);
    persist();
    beforeImport = undefined;
    undo.hidden = true;
    say('Import annulé\u00a0: le projet est revenu à son état d’avant.', 'info');
  });

  const bring = async (brought: readonly BroughtFile[]): Promise<void> => {
    if (readOnly || brought.length === 0) return;
    performance.mark('atelier:import-start');
    const outcome = await readBrought(brought);
    const replaced = Object.keys(outcome.files).filter((path) => models.has(path) && models.get(path)!.getValue() !== outcome.files[path]);
    if (replaced.length > 0) {
      const names = replaced.slice(0, 3).map((path) => `«\u00a0${path}\u00a0»`).join(', ') + (replaced.length > 3 ? ` et ${replaced.length - 3}\u00a0autres` : '');
      const question = `${replaced.length > 1 ? `${replaced.length}\u00a0fichiers du projet seront remplacés` : 'Un fichier du projet sera remplacé'} par ceux apportés\u00a0: ${names}. Remplacer\u00a0? (Annuler garde vos versions et n’ouvre que les nouveaux fichiers.)`;
      if (!window.confirm(question)) for (const path of replaced) delete outcome.files[path];
    }
    const count = Object.keys(outcome.files).length;
    const snapshot = currentFiles();
    if (count > 0) mergeFiles(outcome.files);
    const parts: string[] = [];
    if (count > 0) parts.push(`${count} ${count > 1 ? 'fichiers ouverts' : 'fichier ouvert'}.`);
    for (const { from, to } of outcome.renamed) parts.push(`«\u00a0${from}\u00a0» est ouvert comme «\u00a0${to}\u00a0».`);
    if (outcome.refused.length > 0) parts.push(summarizeRefusals(outcome.refused));
    if (parts.length === 0) parts.push('Aucun fichier lisible par l’atelier dans ce que vous avez apporté.');
    say(parts.join(' '), outcome.refused.length > 0 || count === 0 ? 'problem' : 'info');
    if (count > 0) {
      beforeImport = snapshot;
      undo.hidden = false;
    }
    performance.measure('atelier:import', 'atelier:import-start');
  };
  for (const selector of ['[data-file-input]', '[data-folder-input]']) {
    const input = required<HTMLInputElement>(root, selector);
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])].map(fromInput);
      input.value = '';
      void bring(files);
    });
  }
  const drop = required<HTMLElement>(root, '[data-drop-zone]');
  root.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.dataset['dragging'] = 'true';
  });
  root.addEventListener('dragleave', () => delete drop.dataset['dragging']);
  root.addEventListener('drop', (event) => {
    event.preventDefault();
    delete drop.dataset['dragging'];
    if (event.dataTransfer) void fromDrop(event.dataTransfer).then(bring);
  });

  // --- Share and download ---------------------------------------------------------
  const shareOutput = required<HTMLElement>(root, '[data-share-output]');
  const shareLink = required<HTMLInputElement>(root, '[data-share-link]');
  root.querySelector('[data-action="share"]')?.addEventListener('click', () => {
    const encoded = encodeShare(currentFiles());
    if (!encoded.ok) {
      shareOutput.hidden = true;
      return say(encoded.error, 'problem');
    }
    shareLink.value = `${window.location.origin}${window.location.pathname}${encoded.fragment}`;
    shareOutput.hidden = false;
    shareLink.focus();
    shareLink.select();
    void navigator.clipboard?.writeText(shareLink.value).catch(() => undefined);
    say('Lien de partage prêt\u00a0: il contient vos fichiers, copiez-le et envoyez-le.', 'info');
  });
  root.querySelector('[data-action="download"]')?.addEventListener('click', () => {
    const entries = Object.fromEntries(Object.entries(currentFiles()).map(([path, text]) => [`bac-a-sable/${path}`, strToU8(text)]));
    download('bac-a-sable.zip', zipSync(entries, { level: 6 }), 'application/zip');
  });

  root.querySelector('[data-action="replace"]')?.addEventListener('click', () => {
    setReadOnly(false);
    ownFiles = undefined;
    clearHash();
    persist();
    say('Le projet partagé remplace maintenant votre projet.', 'info');
    announcer.textContent = 'Projet remplacé.';
  });
  root.querySelector('[data-action="keep"]')?.addEventListener('click', () => {
    setReadOnly(false);
    setProject(ownFiles ?? EMPTY_PROJECT);
    ownFiles = undefined;
    clearHash();
    say('Votre projet est conservé\u00a0; le projet partagé est refermé.', 'info');
    announcer.textContent = 'Projet conservé.';
  });

  // --- Start ------------------------------------------------------------------------
  // The plain view already read the project, said its problems and cleared a broken link.
  ownFiles = start.ownFiles;
  setReadOnly(start.readOnly);
  setProject(start.files, start.current);
  if (start.edited) persist();
  const shown = models.get(current);
  if (start.focus && shown) {
    const from = shown.getPositionAt(start.focus.start);
    const to = shown.getPositionAt(start.focus.end);
    editorInstance.setSelection({ startLineNumber: from.lineNumber, startColumn: from.column, endLineNumber: to.lineNumber, endColumn: to.column });
    editorInstance.focus();
  }
  window.addEventListener('pagehide', () => session.flush());
  window.addEventListener('hashchange', () => {
    const next = decodeShare(window.location.hash);
    if (next.ok === true) {
      ownFiles = readOnly ? ownFiles : currentFiles();
      setReadOnly(true);
      setProject(next.files);
    } else if (next.ok === false) say(next.error, 'problem');
  });
  root.dataset['state'] = 'ready';
  performance.mark('atelier:ready');
}
