import { jumpPlacement, type VerticalBox } from '../../lib/site/jump-placement.ts';
import { sectionAt } from '../../lib/site/reading-position.ts';

const TO_WORKSHOP = 'Aller à l’atelier';
const TO_LESSON = 'Revenir à la leçon';

/**
 * Turns the floating link into « Revenir à la leçon » while the workshop fills
 * the screen, pointing at the section the learner was reading when they left
 * it (or the top of the lesson).
 */
export function setupWorkshopJump(): void {
  const link = document.querySelector<HTMLAnchorElement>('[data-workshop-jump]');
  const workshop = document.getElementById('atelier');
  if (!link || !workshop || !('IntersectionObserver' in window)) return;
  const headings = [...document.querySelectorAll<HTMLElement>('.prose :is(h2, h3)[id]')];
  const readingNow = (): string =>
    sectionAt(
      headings.map((heading) => ({ id: heading.id, top: heading.getBoundingClientRect().top })),
      window.innerHeight / 3,
    ) ?? 'contenu';
  let readingAt = 'contenu';
  // Set by a click on « Aller à l’atelier »: the section was read at the click, before the jump scrolled.
  let jumped = false;
  link.addEventListener('click', () => {
    if (link.dataset['target'] === 'lesson') return;
    readingAt = readingNow();
    jumped = true;
  });
  // "In the workshop": it reaches into the upper half of the screen.
  const observer = new IntersectionObserver(
    ([entry]) => {
      const inWorkshop = entry?.isIntersecting === true;
      if (inWorkshop && link.dataset['target'] !== 'lesson') {
        if (!jumped) readingAt = readingNow();
        jumped = false;
        link.dataset['target'] = 'lesson';
        link.textContent = TO_LESSON;
        link.href = `#${readingAt}`;
      } else if (!inWorkshop) {
        link.dataset['target'] = 'workshop';
        link.textContent = TO_WORKSHOP;
        link.href = '#atelier';
      }
    },
    { rootMargin: '0px 0px -50% 0px' },
  );
  observer.observe(workshop);
  keepOffTheEditor(link, workshop);
}

/** Moves the link out of the editor's way (jump-placement.ts) as the page scrolls or resizes. */
function keepOffTheEditor(link: HTMLAnchorElement, workshop: HTMLElement): void {
  let pending = false;
  const place = (): void => {
    pending = false;
    if (getComputedStyle(link).display === 'none') return; // side by side: no floating link
    const boxes: VerticalBox[] = [...workshop.querySelectorAll<HTMLElement>('[data-editor], [data-diff-editor]')]
      .map((element) => element.getBoundingClientRect())
      .filter((box) => box.height > 0);
    const editor = boxes.length === 0 ? undefined : { top: Math.min(...boxes.map((box) => box.top)), bottom: Math.max(...boxes.map((box) => box.bottom)) };
    // The link's own height and its 1rem margin on each side.
    const band = link.offsetHeight + 2 * parseFloat(getComputedStyle(document.documentElement).fontSize);
    link.dataset['placement'] = jumpPlacement(editor, window.innerHeight, band);
  };
  const schedule = (): void => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(place);
  };
  window.addEventListener('scroll', schedule, { passive: true });
  window.addEventListener('resize', schedule);
  // The editor appears, grows or shows its diff after the page loaded.
  new ResizeObserver(schedule).observe(workshop);
  schedule();
}
