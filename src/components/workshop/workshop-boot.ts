import { setupFileTabs } from './file-tabs.ts';
import { openWhenWanted } from './open-when-wanted.ts';

// The only workshop code every lesson page loads: tabs, hints, and the lazy
// opening. Monaco and the engine come with `workshop-app.ts`, imported when
// the learner opens the workshop or scrolls it into view (open-when-wanted.ts).

function setupHints(root: HTMLElement): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-hint-toggle]')) {
    const hint = document.getElementById(button.getAttribute('aria-controls') ?? '');
    button.addEventListener('click', () => {
      const open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      button.textContent = open ? 'Masquer l’indice' : 'Indice';
      if (hint) hint.hidden = !open;
    });
  }
}

function bootWorkshop(root: HTMLElement): void {
  const tabs = setupFileTabs(root);
  setupHints(root);
  const openButton = root.querySelector<HTMLButtonElement>('[data-open-workshop]');
  let opening: Promise<void> | undefined;
  // Clicking the button scrolls it into view, so the observer may start the
  // opening first: the click's wish to land in the editor is kept apart.
  let focusWanted = false;
  let focusEditor: (() => void) | undefined;
  const open = (): Promise<void> => {
    opening ??= (async () => {
      performance.mark('atelier:open');
      root.dataset['state'] = 'loading';
      // aria-disabled, not disabled: a click while loading (the observer may have
      // started it as the learner scrolled to the button) must still register,
      // and a disabled button would drop the keyboard focus.
      if (openButton) {
        openButton.setAttribute('aria-disabled', 'true');
        openButton.textContent = 'Chargement de l’atelier…';
      }
      try {
        const { mountWorkshop } = await import('./workshop-app.ts');
        focusEditor = await mountWorkshop(root, tabs);
        const buttonHadFocus = document.activeElement === openButton;
        openButton?.remove();
        if (focusWanted || buttonHadFocus) focusEditor();
      } catch (error) {
        root.dataset['state'] = 'error';
        if (openButton) {
          openButton.removeAttribute('aria-disabled');
          openButton.textContent = "L’atelier n’a pas pu se charger. Réessayer";
        }
        opening = undefined;
        console.error(error);
      }
    })();
    return opening;
  };
  openButton?.addEventListener('click', () => {
    focusWanted = true;
    if (focusEditor) focusEditor();
    else void open();
  });
  openWhenWanted(root, () => void open());
}

export function bootWorkshops(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-workshop]')) bootWorkshop(root);
}
