import { describe, expect, it } from 'vitest';
import { formatLighthouseTable, lighthouseRow, meetsGoals, type LighthouseResult } from './lighthouse-pages.ts';

function result(performance: number, accessibility: number, failing: string[] = []): LighthouseResult {
  return {
    categories: {
      performance: { score: performance },
      accessibility: { score: accessibility, auditRefs: [{ id: 'color-contrast' }, { id: 'label' }] } as { score: number },
    },
    audits: {
      'largest-contentful-paint': { id: 'largest-contentful-paint', title: 'LCP', score: 0.9, scoreDisplayMode: 'numeric', numericValue: 2160 },
      'total-blocking-time': { id: 'total-blocking-time', title: 'TBT', score: 1, scoreDisplayMode: 'numeric', numericValue: 40 },
      'cumulative-layout-shift': { id: 'cumulative-layout-shift', title: 'CLS', score: 1, scoreDisplayMode: 'numeric', numericValue: 0.0123 },
      'render-blocking-resources': { id: 'render-blocking-resources', title: 'Eliminate render-blocking resources', score: 0.5, scoreDisplayMode: 'metricSavings', displayValue: 'Potential savings of 600 ms', metricSavings: { FCP: 600, LCP: 600 } },
      'color-contrast': { id: 'color-contrast', title: 'Contrast', score: failing.includes('color-contrast') ? 0 : 1, scoreDisplayMode: 'binary' },
      label: { id: 'label', title: 'Labels', score: 1, scoreDisplayMode: 'binary' },
    },
  };
}

describe('Lighthouse table', () => {
  it('says OK when performance reaches 95 and accessibility 100', () => {
    const row = lighthouseRow('01-introduction', result(0.95, 1));
    expect(meetsGoals(row)).toBe(true);
    expect(row.causes).toEqual([]);
    expect(formatLighthouseTable([row]).split('\n')[1]).toBe('01-introduction    95   100    2.2 s    40 ms   0.012  OK');
  });

  it('says BELOW under 95 in performance, with the audit that costs the most', () => {
    const row = lighthouseRow('bac-a-sable', result(0.94, 1));
    expect(meetsGoals(row)).toBe(false);
    expect(row.causes).toEqual(['perf: render-blocking-resources, ~600 ms (Potential savings of 600 ms)']);
    expect(formatLighthouseTable([row])).toMatch(/bac-a-sable .* BELOW\n {15}perf: render-blocking-resources/);
  });

  it('says BELOW under 100 in accessibility and names the failing audit', () => {
    const row = lighthouseRow('07-reverse-proxy', result(1, 0.98, ['color-contrast']));
    expect(meetsGoals(row)).toBe(false);
    expect(row.causes).toEqual(['a11y: color-contrast (Contrast)']);
  });
});
