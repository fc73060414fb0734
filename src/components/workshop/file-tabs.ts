import { tabForKey } from './tab-keys.ts';

export interface FileTabs {
  readonly index: number;
  readonly count: number;
  select(index: number, options?: { focus?: boolean }): void;
  onChange(listener: (index: number) => void): void;
  /** Marks a tab with its error count, read out with the file name. */
  setProblemCount(index: number, errors: number): void;
}

/**
 * The ARIA tabs pattern over the server-rendered tab buttons: one tab in the
 * Tab order, arrows/Home/End move and activate, the panel follows. Works
 * before the editor loads (the panel then shows a read-only preview).
 */
export function setupFileTabs(root: HTMLElement): FileTabs {
  const tabs = [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const panel = root.querySelector<HTMLElement>('[role="tabpanel"]');
  const previews = [...root.querySelectorAll<HTMLElement>('[data-preview]')];
  const listeners: ((index: number) => void)[] = [];
  let current = Math.max(0, tabs.findIndex((tab) => tab.getAttribute('aria-selected') === 'true'));

  const select = (index: number, options: { focus?: boolean } = {}): void => {
    const tab = tabs[index];
    if (!tab) return;
    tabs.forEach((other, i) => {
      other.setAttribute('aria-selected', String(i === index));
      other.tabIndex = i === index ? 0 : -1;
    });
    panel?.setAttribute('aria-labelledby', tab.id);
    previews.forEach((preview, i) => {
      preview.hidden = i !== index;
    });
    if (options.focus) tab.focus();
    if (index === current) return;
    current = index;
    for (const listener of listeners) listener(index);
  };

  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => select(index));
    tab.addEventListener('keydown', (event) => {
      const next = tabForKey(event.key, index, tabs.length);
      if (next === undefined) return;
      event.preventDefault();
      select(next, { focus: true });
    });
  });

  return {
    get index() {
      return current;
    },
    count: tabs.length,
    select,
    onChange(listener) {
      listeners.push(listener);
    },
    setProblemCount(index, errors) {
      const tab = tabs[index];
      if (!tab) return;
      let badge = tab.querySelector<HTMLElement>('.tab-errors');
      if (errors === 0) {
        badge?.remove();
        return;
      }
      if (!badge) {
        badge = document.createElement('span');
        badge.className = 'tab-errors';
        tab.append(badge);
      }
      badge.textContent = ` (${errors} ${errors > 1 ? 'erreurs' : 'erreur'})`;
    },
  };
}
