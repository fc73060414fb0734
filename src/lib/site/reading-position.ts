// Where the learner is reading, so « Revenir à la leçon » brings them back
// there after a trip to the workshop (the lesson page's jump link).

export interface HeadingPosition {
  id: string;
  /** The heading's top, in px from the top of the viewport (negative once scrolled past). */
  top: number;
}

/**
 * The section being read: the last heading, in page order, whose top is above
 * `line` (px from the viewport's top, say a third of its height); undefined
 * while the reader is above the first one.
 */
export function sectionAt(headings: readonly HeadingPosition[], line: number): string | undefined {
  let current: string | undefined;
  for (const heading of headings) {
    if (heading.top > line) break;
    current = heading.id;
  }
  return current;
}
