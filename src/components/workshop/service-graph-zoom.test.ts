import { describe, expect, it } from 'vitest';
import { canZoomIn, canZoomOut, fitScale, zoomIn, zoomLabel, zoomOut, ZOOM_STEPS } from './service-graph-zoom.ts';

describe('service graph zoom', () => {
  it('fits a wide drawing to the width it is given, and never enlarges a narrow one', () => {
    expect(fitScale(1200, 600)).toBe(0.5);
    expect(fitScale(400, 600)).toBe(1);
    expect(fitScale(1241, 300)).toBe(0.25);
  });

  it('keeps the natural size while the width is unknown (a hidden section)', () => {
    expect(fitScale(1200, 0)).toBe(1);
    expect(fitScale(0, 600)).toBe(1);
  });

  it('steps in and out from any scale, a fit included', () => {
    expect(zoomIn(0.5)).toBe(0.67);
    expect(zoomIn(0.42)).toBe(0.5);
    expect(zoomIn(0.495)).toBe(0.67);
    expect(zoomOut(1)).toBe(0.8);
    expect(zoomOut(0.42)).toBe(0.33);
  });

  it('stops at both ends', () => {
    const largest = ZOOM_STEPS[ZOOM_STEPS.length - 1]!;
    expect(zoomIn(largest)).toBe(largest);
    expect(zoomOut(ZOOM_STEPS[0])).toBe(ZOOM_STEPS[0]);
    expect(canZoomIn(largest)).toBe(false);
    expect(canZoomOut(ZOOM_STEPS[0])).toBe(false);
    expect(canZoomIn(1)).toBe(true);
    expect(canZoomOut(1)).toBe(true);
  });

  it('says the scale in French, a narrow no-break space before the percent sign', () => {
    expect(zoomLabel(0.6389)).toBe('64\u202f%');
    expect(zoomLabel(1)).toBe('100\u202f%');
  });
});
