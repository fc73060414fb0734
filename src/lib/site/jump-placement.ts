// Where the floating « Aller à l’atelier » / « Revenir à la leçon » link sits
// on a narrow screen. Pinned to the bottom right, it covered the editor's
// bottom-right corner on a phone (issue #17): when the editor reaches into
// the bottom band the link would take, it moves to the top band, and when the
// editor fills both, it steps aside (the learner is editing; a scroll brings
// it back).

export type JumpPlacement = 'bottom' | 'top' | 'hidden';

export interface VerticalBox {
  top: number;
  bottom: number;
}

/**
 * @param editor the editor's box in viewport coordinates, if it is on the page
 * @param viewportHeight `innerHeight`
 * @param band the height the link needs at the top or the bottom, margins included
 */
export function jumpPlacement(editor: VerticalBox | undefined, viewportHeight: number, band: number): JumpPlacement {
  if (!editor) return 'bottom';
  const overlaps = (from: number, to: number): boolean => editor.top < to && editor.bottom > from;
  if (!overlaps(viewportHeight - band, viewportHeight)) return 'bottom';
  if (!overlaps(0, band)) return 'top';
  return 'hidden';
}
