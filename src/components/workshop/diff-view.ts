import type { editor } from 'monaco-editor/editor/editor.api';
import type { Monaco } from './monaco-setup.ts';

export interface DiffView {
  /** Shows the current file against its solution, if the view is open. */
  show(original: editor.ITextModel, solution: editor.ITextModel): void;
}

/**
 * The « Comparer avec la solution » toggle: a read-only Monaco diff editor,
 * created on first use (most learners never open it).
 */
export function setupDiffView(monaco: Monaco, host: HTMLElement, button: HTMLButtonElement, current: () => [editor.ITextModel, editor.ITextModel]): DiffView {
  let diff: editor.IStandaloneDiffEditor | undefined;
  const container = host.querySelector<HTMLElement>('[data-diff-editor]') ?? host;
  const show = (original: editor.ITextModel, solution: editor.ITextModel): void => {
    if (!diff || host.hidden) return;
    diff.setModel({ original, modified: solution });
  };
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(open));
    host.hidden = !open;
    if (!open) return;
    if (!diff) {
      diff = monaco.editor.createDiffEditor(container, {
        automaticLayout: true,
        readOnly: true,
        originalEditable: false,
        renderSideBySide: true,
        originalAriaLabel: 'Votre fichier (lecture seule)',
        modifiedAriaLabel: 'La solution (lecture seule)',
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        fontSize: 14,
      });
      // Monaco 0.57 does not carry originalAriaLabel/modifiedAriaLabel onto the inner editors' inputs.
      diff.getOriginalEditor().updateOptions({ ariaLabel: 'Votre fichier (lecture seule)' });
      diff.getModifiedEditor().updateOptions({ ariaLabel: 'La solution (lecture seule)' });
    }
    show(...current());
  });
  return { show };
}
