// When the lesson workshop and the playground load Monaco and the engine
// worker: once the learner shows they want the editor, never with the page
// itself. Monaco's evaluation and the editor's creation are main-thread tasks
// of several hundred milliseconds on a phone; a page merely loaded (and
// Lighthouse's measure of it) pays nothing for them.

/**
 * Calls `open` once: when `root` comes near the viewport by scrolling, or, if
 * it is in view from the start, at the learner's first scroll, or wheel,
 * touch, click, focus or key inside it.
 */
export function openWhenWanted(root: HTMLElement, open: () => void): void {
  if (!('IntersectionObserver' in window)) {
    openOnFirstGesture(root, open);
    return;
  }
  let firstAnswer = true;
  const observer = new IntersectionObserver(
    (entries) => {
      const visible = entries.some((entry) => entry.isIntersecting);
      if (visible) observer.disconnect();
      // In view from the start (beside the lesson on a wide screen, or the
      // playground's page): wait for the first gesture.
      if (visible && firstAnswer) openOnFirstGesture(root, open);
      else if (visible) open();
      firstAnswer = false;
    },
    { rootMargin: '200px 0px' },
  );
  observer.observe(root);
}

function openOnFirstGesture(root: HTMLElement, open: () => void): void {
  const done = new AbortController();
  const once = (): void => {
    done.abort();
    open();
  };
  const options = { signal: done.signal, passive: true };
  window.addEventListener('scroll', once, options);
  for (const type of ['wheel', 'pointerdown', 'focusin', 'keydown'] as const) root.addEventListener(type, once, options);
}
