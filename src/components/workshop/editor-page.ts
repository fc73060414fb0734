// What the lesson workshop and the playground share on the page side: the
// browser's storage, downloads, their markup, and the editor with its options.
import type { editor } from 'monaco-editor/editor/editor.api';
import type { Range } from '../../engine/types.ts';
import type { KeyValueStore } from '../../lib/progress/storage.ts';
import type { Monaco } from './monaco-setup.ts';

/** localStorage, or a store that reports it is unavailable (private modes, blocked storage). */
export function browserStore(): KeyValueStore {
  try {
    return window.localStorage;
  } catch {
    return {
      getItem: () => {
        throw new Error('localStorage indisponible');
      },
      setItem: () => undefined,
      removeItem: () => undefined,
    };
  }
}

export function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** An element the server-rendered markup must have; its absence is our bug, not the learner's. */
export function required<T extends Element>(root: HTMLElement, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`markup lacks ${selector}`);
  return element;
}

/** The editor both pages use: no minimap, wrapped lines, 2-space YAML indentation. */
export function createEditor(monaco: Monaco, host: HTMLElement, options: editor.IStandaloneEditorConstructionOptions): editor.IStandaloneCodeEditor {
  host.replaceChildren();
  return monaco.editor.create(host, {
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    tabSize: 2,
    insertSpaces: true,
    fixedOverflowWidgets: true,
    renderValidationDecorations: 'on',
    wordWrap: 'on',
    // Three digits are enough for an exercise file, and a phone needs the width.
    lineNumbersMinChars: 3,
    ...options,
  });
}

/**
 * Monaco keeps Tab for indentation; Escape hands the focus back to the page
 * (Ctrl+M, Monaco's own toggle, also makes Tab move the focus), unless a
 * widget of the editor is open and Escape belongs to it.
 */
export function escapeLeavesEditor(monaco: Monaco, editorInstance: editor.IStandaloneCodeEditor, target: () => HTMLElement | null): void {
  editorInstance.addCommand(
    monaco.KeyCode.Escape,
    () => target()?.focus(),
    'editorTextFocus && !suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible && !markersNavigationVisible && !inSnippetMode',
  );
}

/**
 * Selects a problem's range in the editor (the model must already be shown),
 * scrolls it into the middle if it is out of sight, and gives the editor the
 * focus: the learner lands on the very characters the message is about.
 */
export function selectRange(editorInstance: editor.IStandaloneCodeEditor, range: Range): void {
  // The engine and Monaco both count from 1 with an exclusive end column.
  const selection = { startLineNumber: range.start.line, startColumn: range.start.column, endLineNumber: range.end.line, endColumn: range.end.column };
  const backwards = range.end.line < range.start.line || (range.end.line === range.start.line && range.end.column < range.start.column);
  if (backwards) Object.assign(selection, { endLineNumber: range.start.line, endColumn: range.start.column });
  editorInstance.setSelection(selection);
  editorInstance.revealRangeInCenterIfOutsideViewport(selection);
  editorInstance.focus();
}
