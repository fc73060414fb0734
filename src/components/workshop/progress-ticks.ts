// Runs on every page (the sidebar is everywhere), so it stays tiny: no zod,
// no storage module, just enough reading to show each lesson's objectives met
// out of its total (`data-total`, from the lesson's frontmatter) and a tick
// when it is done. A value it cannot read shows 0 met; the workshop reports
// and sets it aside.

export const PROGRESS_EVENT = 'atelier:progression';
/** Same key as `src/lib/progress/storage.ts`, copied to keep zod out of every page; a test guards the copy. */
export const TICKS_STORAGE_KEY = 'atelier-compose:progress';

export interface LessonTick {
  done: boolean;
  /** Objectives met by the learner's own files (not « Voir la solution »). */
  met: number;
}

/** Each saved lesson's state, as far as the ticks need it. */
export function lessonTicks(raw: string | null): Map<string, LessonTick> {
  const ticks = new Map<string, LessonTick>();
  if (raw === null) return ticks;
  try {
    const data: unknown = JSON.parse(raw);
    if (typeof data !== 'object' || data === null || (data as { version?: unknown }).version !== 1) return ticks;
    const lessons = (data as { lessons?: unknown }).lessons;
    if (typeof lessons !== 'object' || lessons === null) return ticks;
    for (const [slug, lesson] of Object.entries(lessons)) {
      if (typeof lesson !== 'object' || lesson === null) continue;
      const { done, met } = lesson as { done?: unknown; met?: unknown };
      ticks.set(slug, { done: done === true, met: Array.isArray(met) ? new Set(met.filter((id) => typeof id === 'string')).size : 0 });
    }
  } catch {
    // Unreadable: no ticks.
  }
  return ticks;
}

export function doneLessons(raw: string | null): Set<string> {
  return new Set([...lessonTicks(raw)].filter(([, tick]) => tick.done).map(([slug]) => slug));
}

/**
 * What a lesson's slot shows (`2/4`, `✓ 4/4`; with `long`, as on the course
 * map, `2/4 objectifs`) and what a screen reader hears.
 */
export function tickText(tick: LessonTick | undefined, total: number, long = false): { shown: string; spoken: string } {
  // A lesson finished before the count was saved (or finished, then edited) met them all once.
  const met = tick?.done ? total : Math.min(tick?.met ?? 0, total);
  const count = long ? `${met}/${total} ${total > 1 ? 'objectifs' : 'objectif'}` : `${met}/${total}`;
  if (tick?.done) return { shown: `✓\u00a0${count}`, spoken: `Leçon terminée\u00a0: ${total} objectifs sur ${total}` };
  return { shown: count, spoken: `${met} ${met > 1 ? 'objectifs atteints' : 'objectif atteint'} sur ${total}` };
}

function readStorage(): string | null {
  try {
    return localStorage.getItem(TICKS_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function renderTicks(root: ParentNode = document): void {
  const ticks = lessonTicks(readStorage());
  for (const slot of root.querySelectorAll<HTMLElement>('.progress-tick[data-lesson]')) {
    const tick = ticks.get(slot.dataset['lesson'] ?? '');
    const total = Number(slot.dataset['total'] ?? '0');
    slot.dataset['done'] = String(tick?.done ?? false);
    if (total <= 0) {
      slot.replaceChildren();
      continue;
    }
    const { shown, spoken } = tickText(tick, total, slot.dataset['long'] === 'true');
    const visible = document.createElement('span');
    visible.setAttribute('aria-hidden', 'true');
    visible.textContent = shown;
    const heard = document.createElement('span');
    heard.className = 'visually-hidden';
    heard.textContent = spoken;
    slot.replaceChildren(visible, heard);
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
