// Runs on every page (the sidebar is everywhere), so it stays tiny: no zod,
// no storage module, just enough reading to know which lessons are done. A
// value it cannot read shows no tick; the workshop reports and sets it aside.

export const PROGRESS_EVENT = 'atelier:progression';
/** Same key as `src/lib/progress/storage.ts`, copied to keep zod out of every page; a test guards the copy. */
export const TICKS_STORAGE_KEY = 'atelier-compose:progress';

export function doneLessons(raw: string | null): Set<string> {
  const done = new Set<string>();
  if (raw === null) return done;
  try {
    const data: unknown = JSON.parse(raw);
    if (typeof data !== 'object' || data === null || (data as { version?: unknown }).version !== 1) return done;
    const lessons = (data as { lessons?: unknown }).lessons;
    if (typeof lessons !== 'object' || lessons === null) return done;
    for (const [slug, lesson] of Object.entries(lessons)) {
      if (typeof lesson === 'object' && lesson !== null && (lesson as { done?: unknown }).done === true) done.add(slug);
    }
  } catch {
    // Unreadable: no ticks.
  }
  return done;
}

function readStorage(): string | null {
  try {
    return localStorage.getItem(TICKS_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function renderTicks(root: ParentNode = document): void {
  const done = doneLessons(readStorage());
  for (const slot of root.querySelectorAll<HTMLElement>('.progress-tick[data-lesson]')) {
    const isDone = done.has(slot.dataset['lesson'] ?? '');
    slot.dataset['done'] = String(isDone);
    if (isDone) {
      slot.setAttribute('role', 'img');
      slot.setAttribute('aria-label', 'Leçon terminée');
      slot.textContent = '✓';
    } else {
      slot.removeAttribute('role');
      slot.removeAttribute('aria-label');
      slot.textContent = '';
    }
  }
}

export function initProgressTicks(): void {
  renderTicks();
  window.addEventListener(PROGRESS_EVENT, () => renderTicks());
  // Another tab finishing a lesson updates this one too.
  window.addEventListener('storage', (event) => {
    if (event.key === TICKS_STORAGE_KEY || event.key === null) renderTicks();
  });
}
