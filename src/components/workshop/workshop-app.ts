import { strToU8, zipSync } from 'fflate';
import type { Diagnostic } from '../../engine/types.ts';
import {
  exportProgress,
  forgetLessonFiles,
  importProgress,
  loadProgress,
  saveLesson,
} from '../../lib/progress/storage.ts';
import { createEditorSession } from '../../lib/editor-session/editor-session.ts';
import { connectEngine } from './engine-connection.ts';
import { renderDiagnosticList, summarize } from './diagnostic-list.ts';
import { toMarkers } from './diagnostic-markers.ts';
import { setupDiffView } from './diff-view.ts';
import type { FileTabs } from './file-tabs.ts';
import { monacoLanguage, setupMonaco } from './monaco-setup.ts';
import { registerQuickFixes } from './quick-fixes.ts';
import { mountServiceGraph } from './service-graph-view.ts';
import { browserStore, createEditor, download, escapeLeavesEditor, required, selectRange } from './editor-page.ts';
import { PROGRESS_EVENT } from './progress-ticks.ts';
import { readWorkshopData } from './workshop-data.ts';
import type { editor } from 'monaco-editor/editor/editor.api';

const MARKER_OWNER = 'atelier';




function replaceAll(model: editor.ITextModel, text: string): void {
  if (model.getValue() === text) return;
  // An edit, not setValue: the learner can undo a reset or a solution with Ctrl+Z.
  model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
  model.pushStackElement();
}

/** Mounts the live workshop in its server-rendered shell; resolves to a function that focuses the editor. */
export async function mountWorkshop(root: HTMLElement, tabs: FileTabs): Promise<() => void> {
  const data = readWorkshopData(root);
  const monaco = setupMonaco();
  const store = browserStore();
  const message = required<HTMLElement>(root, '[data-workshop-message]');
  const announcer = required<HTMLElement>(root, '[data-announcer]');
  const summary = required<HTMLElement>(root, '[data-diagnostic-summary]');
  const list = required<HTMLElement>(root, '[data-diagnostic-list]');
  const doneMessage = required<HTMLElement>(root, '[data-done-message]');
  const solutionMessage = required<HTMLElement>(root, '[data-solution-message]');
  const host = required<HTMLElement>(root, '[data-editor]');

  const say = (text: string, kind: 'info' | 'problem'): void => {
    message.textContent = text;
    message.dataset['kind'] = kind;
    message.hidden = false;
  };

  const loaded = loadProgress(store);
  if (loaded.problem) say(loaded.problem, 'problem');
  const savedLesson = loaded.progress.lessons[data.lesson];
  let lessonDone = savedLesson?.done ?? false;
  const saved = savedLesson?.files ?? {};
  /** Objectives the learner's own files meet, as the sidebar and the home page count them. */
  let metIds: string[] | undefined = savedLesson?.met;

  const uri = (variant: string, path: string) => monaco.Uri.from({ scheme: 'file', path: `/${data.lesson}/${variant}/${path}` });
  const models = data.files.map((file) =>
    monaco.editor.createModel(saved[file.path] ?? file.start, monacoLanguage(file.language), uri('travail', file.path)),
  );
  const solutions = data.files.map((file) => monaco.editor.createModel(file.solution, monacoLanguage(file.language), uri('solution', file.path)));

  const editorInstance = createEditor(monaco, host, {
    model: models[tabs.index] ?? null,
    ariaLabel: `Éditeur du fichier ${data.files[tabs.index]?.path ?? ''}. Échap pour quitter l’éditeur.`,
  });
  const diff = setupDiffView(monaco, required<HTMLElement>(root, '[data-diff]'), required<HTMLButtonElement>(root, '[data-action="diff"]'), () => [
    models[tabs.index]!,
    solutions[tabs.index]!,
  ]);
  const viewStates = new Map<number, editor.ICodeEditorViewState | null>();
  tabs.onChange((index) => {
    viewStates.set(models.indexOf(editorInstance.getModel() as editor.ITextModel), editorInstance.saveViewState());
    editorInstance.setModel(models[index] ?? null);
    editorInstance.restoreViewState(viewStates.get(index) ?? null);
    editorInstance.updateOptions({ ariaLabel: `Éditeur du fichier ${data.files[index]?.path ?? ''}. Échap pour quitter l’éditeur.` });
    diff.show(models[index]!, solutions[index]!);
  });

  escapeLeavesEditor(monaco, editorInstance, () => root.querySelector<HTMLElement>('[data-diagnostic-list] button, [data-action="reset"]'));

  // --- Engine in its worker ---------------------------------------------------
  const graphView = mountServiceGraph(required<HTMLElement>(root, '[data-service-graph]'), `atelier-${data.lesson}-graphe`);
  // The session holds the files, the engine's answer and the saving; this module renders it in Monaco and the page.
  const byPath = (files: { path: string; start: string; solution: string }[], pick: 'start' | 'solution') =>
    Object.fromEntries(files.map((file) => [file.path, file[pick]]));
  const session = createEditorSession({
    files: Object.fromEntries(data.files.map((file) => [file.path, saved[file.path] ?? file.start])),
    start: byPath(data.files, 'start'),
    solution: byPath(data.files, 'solution'),
    solutionShown: savedLesson?.solutionShown ?? false,
    check: (files) => engine.request(files),
    save: (files) => persist(files),
    onSaveError: () => say("Votre travail n’a pas pu être enregistré dans le navigateur (stockage plein ou désactivé).", 'problem'),
  });
  const tabPaths = data.files.map((file) => file.path);
  const modelOf = (path: string): editor.ITextModel | undefined => models[data.files.findIndex((file) => file.path === path)];

  const jumpTo = (diagnostic: Diagnostic): void => {
    const index = data.files.findIndex((file) => file.path === diagnostic.file);
    if (index === -1) return;
    tabs.select(index);
    selectRange(editorInstance, diagnostic.range);
  };

  const objectiveItems = [...root.querySelectorAll<HTMLElement>('[data-objective]')];
  const applyObjectives = (met: Record<string, boolean>): void => {
    const newlyMet: string[] = [];
    for (const item of objectiveItems) {
      const id = item.dataset['objective'] ?? '';
      const isMet = met[id] === true;
      if (isMet && item.dataset['met'] !== 'true') newlyMet.push(item.querySelector('.objective-label')?.textContent?.trim() ?? id);
      item.dataset['met'] = String(isMet);
      const state = item.querySelector('.objective-state');
      if (state) state.textContent = isMet ? '(atteint)' : '(non atteint)';
    }
    const allMet = objectiveItems.length > 0 && objectiveItems.every((item) => item.dataset['met'] === 'true');
    // « Voir la solution » meets the objectives without counting as the learner's work.
    const byLearner = !session.usedSolution();
    doneMessage.hidden = !(allMet && byLearner);
    solutionMessage.hidden = byLearner || !allMet;
    if (newlyMet.length > 0 && root.dataset['state'] === 'ready') {
      announcer.textContent = !byLearner
        ? 'Les objectifs sont atteints par la solution\u00a0: ils ne comptent pas dans votre progression.'
        : allMet
          ? 'Tous les objectifs sont atteints\u00a0: leçon terminée.'
          : `Objectif atteint\u00a0: ${newlyMet.join('\u00a0; ')}`;
    }
    if (!byLearner || !session.touched()) return;
    const ids = objectiveItems.filter((item) => item.dataset['met'] === 'true').map((item) => item.dataset['objective'] ?? '');
    const countChanged = ids.join(' ') !== (metIds ?? []).join(' ');
    metIds = ids;
    if (allMet && !lessonDone) lessonDone = true;
    else if (!countChanged) return;
    persistNow(lessonDone);
    window.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
  };

  session.subscribe((event) => {
    if (event.type === 'files') for (const path of event.paths) replaceAll(modelOf(path)!, session.text(path) ?? '');
    if (event.type !== 'diagnostics') return;
    const diagnostics = session.diagnostics();
    data.files.forEach((file, index) => {
      monaco.editor.setModelMarkers(models[index]!, MARKER_OWNER, toMarkers(diagnostics, file.path));
      tabs.setProblemCount(index, session.errorCount(file.path));
    });
    renderDiagnosticList(list, diagnostics, tabPaths, data.base, jumpTo);
  });
  const engine = connectEngine({
    root,
    store,
    scope: data.lesson,
    lesson: data.lesson,
    objectiveIds: data.objectives.map((o) => o.id),
    ...(data.swarm ? { swarm: true } : {}),
    statusAfter: message,
    summary,
    onResult(response) {
      session.setDiagnostics(response.diagnostics);
      summary.textContent = summarize(response.diagnostics);
      applyObjectives(response.objectives);
      graphView.update(response.graph);
    },
    onStale: () => session.setDiagnostics([]),
  });

  registerQuickFixes(monaco, {
    diagnosticsFor: (model) => {
      const index = models.indexOf(model);
      return index === -1 ? [] : session.diagnosticsOf(data.files[index]!.path).filter((d) => d.fix);
    },
    modelFor: modelOf,
  });

  // --- Saving ------------------------------------------------------------------
  /** Throws when the storage refuses; the session reports it. */
  function persist(files: Record<string, string>, done = false): void {
    if (!session.touched() && !done) {
      metIds = undefined;
      forgetLessonFiles(store, data.lesson);
    } else saveLesson(store, data.lesson, { files, done: done || lessonDone, ...(metIds ? { met: metIds } : {}), solutionShown: session.usedSolution() });
  }
  const persistNow = (done = false): void => {
    try {
      persist(session.files(), done);
    } catch {
      say("Votre travail n’a pas pu être enregistré dans le navigateur (stockage plein ou désactivé).", 'problem');
    }
  };
  data.files.forEach((file, index) => {
    const model = models[index]!;
    model.onDidChangeContent(() => session.edit(file.path, model.getValue()));
  });
  window.addEventListener('pagehide', () => session.flush());

  // --- Actions -------------------------------------------------------------------

  root.querySelector('[data-action="reset"]')?.addEventListener('click', () => {
    if (!window.confirm("Réinitialiser l’atelier\u00a0? Vos fichiers de cette leçon reviendront à leur état de départ.")) return;
    session.reset();
    say('Les fichiers de départ sont restaurés (Ctrl+Z dans l’éditeur pour annuler).', 'info');
  });
  root.querySelector('[data-action="solution"]')?.addEventListener('click', () => {
    if (!window.confirm('Afficher la solution\u00a0? Vos fichiers de cette leçon seront remplacés par ceux de la solution.')) return;
    session.showSolution();
    say('La solution est chargée dans l’éditeur (Ctrl+Z pour retrouver vos fichiers).', 'info');
  });
  root.querySelector('[data-action="download-files"]')?.addEventListener('click', () => {
    const entries = Object.fromEntries(Object.entries(session.files()).map(([path, text]) => [`${data.lesson}/${path}`, strToU8(text)]));
    download(`atelier-${data.lesson}.zip`, zipSync(entries, { level: 6 }), 'application/zip');
  });
  root.querySelector('[data-action="export"]')?.addEventListener('click', () => {
    persistNow();
    download('atelier-compose-progression.json', exportProgress(loadProgress(store).progress), 'application/json');
  });
  const importInput = required<HTMLInputElement>(root, '[data-import-input]');
  root.querySelector('[data-action="import"]')?.addEventListener('click', () => importInput.click());
  importInput.addEventListener('change', async () => {
    const file = importInput.files?.[0];
    importInput.value = '';
    if (!file) return;
    const result = importProgress(store, await file.text());
    if (!result.ok) {
      say(result.error, 'problem');
      return;
    }
    const lesson = result.progress.lessons[data.lesson];
    if (lesson) {
      lessonDone = lesson.done;
      metIds = lesson.met;
      session.merge(Object.fromEntries(data.files.map((f) => [f.path, lesson.files[f.path] ?? f.start])));
    }
    window.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
    say(`Progression importée\u00a0: ${result.count} ${result.count > 1 ? 'leçons' : 'leçon'}.`, 'info');
  });

  root.dataset['state'] = 'ready';
  performance.mark('atelier:ready');
  engine.start(session.files());
  return () => editorInstance.focus();
}
