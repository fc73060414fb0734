// The service graph's zoom: by default the drawing fits the width it is given
// (never enlarged past its natural size, where its text is 11–14 px); the
// learner zooms in to read a wide stack on a small screen, then pans the
// drawing sideways. Pure arithmetic, so it is tested without a DOM.

/** The scales the « Agrandir » and « Réduire » buttons step through. */
export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.8, 1, 1.25, 1.5, 2] as const;

const MIN_SCALE = ZOOM_STEPS[0];
const MAX_SCALE = ZOOM_STEPS[ZOOM_STEPS.length - 1]!;
/** Steps closer than this count as the same scale (a fit of 0.499 is 50 %). */
const EPSILON = 0.01;

/** The scale at which a drawing `natural` px wide fits in `available` px: at most 1, at least the smallest step. */
export function fitScale(natural: number, available: number): number {
  if (!(natural > 0) || !(available > 0)) return 1;
  return Math.max(MIN_SCALE, Math.min(1, available / natural));
}

/** The next step above `scale`, or the largest. */
export function zoomIn(scale: number): number {
  return ZOOM_STEPS.find((step) => step > scale + EPSILON) ?? MAX_SCALE;
}

/** The next step below `scale`, or the smallest. */
export function zoomOut(scale: number): number {
  return [...ZOOM_STEPS].reverse().find((step) => step < scale - EPSILON) ?? MIN_SCALE;
}

export function canZoomIn(scale: number): boolean {
  return scale < MAX_SCALE - EPSILON;
}

export function canZoomOut(scale: number): boolean {
  return scale > MIN_SCALE + EPSILON;
}

/** The scale as the French read it: `64 %`, with a narrow no-break space. */
export function zoomLabel(scale: number): string {
  return `${Math.round(scale * 100)}\u202f%`;
}
