import type { editor } from 'monaco-editor/editor/editor.api';
import { diffCaption, diffLayout, type DiffLayout } from '../../lib/editor-session/diff-layout.ts';
import type { Monaco } from './monaco-setup.ts';

export interface DiffView {
  /** Shows the current file against its solution, if the view is open. */
  show(original: editor.ITextModel, solution: editor.ITextModel): void;
}

/**
 * Monaco 0.57 does not carry originalAriaLabel/modifiedAriaLabel onto the inner
 * editors' inputs, and the diff editor's updateOptions resets them to empty.
 */
function labelEditors(diff: editor.IStandaloneDiffEditor): void {
  diff.getOriginalEditor().updateOptions({ ariaLabel: 'Votre fichier (lecture seule)' });
  diff.getModifiedEditor().updateOptions({ ariaLabel: 'La solution (lecture seule)' });
}

/**
 * The « Comparer avec la solution » toggle: a read-only Monaco diff editor,
 * created on first use (most learners never open it), in two columns or one
 * as its width allows (diff-layout.ts), its caption saying which.
 */
export function setupDiffView(monaco: Monaco, host: HTMLElement, button: HTMLButtonElement, current: () => [editor.ITextModel, editor.ITextModel]): DiffView {
  let diff: editor.IStandaloneDiffEditor | undefined;
  const container = host.querySelector<HTMLElement>('[data-diff-editor]') ?? host;
  const caption = host.querySelector<HTMLElement>('[data-diff-caption]');
  let layout: DiffLayout | undefined;
  const fitLayout = (): void => {
    // Hidden, the view has no width: it keeps its layout until shown again.
    if (!diff || container.clientWidth === 0) return;
    const next = diffLayout(container.clientWidth);
    if (next === layout) return;
    layout = next;
    diff.updateOptions({ renderSideBySide: next === 'side-by-side' });
    labelEditors(diff);
    host.dataset['layout'] = next;
    if (caption) caption.textContent = diffCaption(next);
  };
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
        renderSideBySide: diffLayout(container.clientWidth) === 'side-by-side',
        // The workshop chooses (fitLayout), so the caption never contradicts the view.
        useInlineViewWhenSpaceIsLimited: false,
        originalAriaLabel: 'Votre fichier (lecture seule)',
        modifiedAriaLabel: 'La solution (lecture seule)',
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        fontSize: 14,
      });
      labelEditors(diff);
      new ResizeObserver(fitLayout).observe(container);
    }
    fitLayout();
    show(...current());
    host.scrollIntoView({ block: 'nearest' });
  });
  return { show };
}
