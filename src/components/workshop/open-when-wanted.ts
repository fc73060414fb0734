// When the lesson workshop and the playground load Monaco and the engine
// worker: once the learner shows they want the editor, never with the page
// itself. Monaco's evaluation and the editor's creation are main-thread tasks
// of several hundred milliseconds on a phone; a page merely loaded (and
// Lighthouse's measure of it) pays nothing for them.

/**
 * Calls `open` once: at the learner's first wheel, touch, click, focus or key
 * inside `root`; when `root` comes near the viewport by scrolling; or, if it
 * is in view from the start, at the first scroll of the page.
 */
export function openWhenWanted(root: HTMLElement, open: () => void): void {
  const done = new AbortController();
  let observer: IntersectionObserver | undefined;
  const once = (): void => {
    done.abort();
    observer?.disconnect();
    open();
  };
  const options = { signal: done.signal, passive: true };
  // Listened to at once, not after the observer's first answer: a click that
  // quick (a test's, or a learner's on a slow phone) must not be missed.
  for (const type of ['wheel', 'pointerdown', 'focusin', 'keydown'] as const) root.addEventListener(type, once, options);
  if (typeof IntersectionObserver === 'undefined') {
    window.addEventListener('scroll', once, options);
    return;
  }
  let firstAnswer = true;
  observer = new IntersectionObserver(
    (entries) => {
      const visible = entries.some((entry) => entry.isIntersecting);
      if (visible) observer?.disconnect();
      // In view from the start (beside the lesson on a wide screen, or the
      // playground's page): any scroll of the page counts as wanting it.
      if (visible && firstAnswer) window.addEventListener('scroll', once, options);
      else if (visible) once();
      firstAnswer = false;
    },
    { rootMargin: '200px 0px' },
  );
  observer.observe(root);
}
