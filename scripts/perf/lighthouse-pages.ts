// Lighthouse (mobile) on every lesson and the playground, for `npm run perf`.
// Lighthouse's default config is a mobile phone with simulated throttling
// (Slow 4G, 4× CPU): the network is modelled from the recorded requests
// rather than applied, so the scores depend little on a busy machine, but
// main-thread times (TBT) still scale with it. Figures, not a test: the goals
// are printed beside them.
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';

export const LIGHTHOUSE_GOALS = { performance: 95, accessibility: 100 } as const;

/** The parts of a Lighthouse result (LHR) this report reads. */
export interface LighthouseResult {
  categories: Record<string, { score: number | null } | undefined>;
  audits: Record<string, LighthouseAudit | undefined>;
}
interface LighthouseAudit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  numericValue?: number;
  metricSavings?: Record<string, number | undefined>;
  details?: { type?: string; items?: unknown[] };
}

export interface LighthouseRow {
  page: string;
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Below a goal only: the audits that explain why, most costly first. */
  causes: string[];
}

const score = (result: LighthouseResult, category: string): number => Math.round((result.categories[category]?.score ?? 0) * 100);

/** Failing accessibility audits; for performance, the largest savings and the LCP element. */
function causesOf(result: LighthouseResult, performance: number, accessibility: number): string[] {
  const causes: string[] = [];
  const audits = Object.values(result.audits).filter((audit): audit is LighthouseAudit => audit !== undefined);
  if (accessibility < LIGHTHOUSE_GOALS.accessibility) {
    for (const audit of audits) {
      if (audit.scoreDisplayMode === 'binary' && audit.score === 0 && isAccessibilityAudit(result, audit.id)) causes.push(`a11y: ${audit.id} (${audit.title})`);
    }
  }
  if (performance < LIGHTHOUSE_GOALS.performance) {
    const savings = audits
      .map((audit) => ({ audit, ms: Math.max(audit.metricSavings?.['LCP'] ?? 0, audit.metricSavings?.['FCP'] ?? 0, audit.metricSavings?.['TBT'] ?? 0) }))
      .filter(({ audit, ms }) => ms > 0 && (audit.score ?? 1) < 0.9)
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 4);
    for (const { audit, ms } of savings) causes.push(`perf: ${audit.id}, ~${Math.round(ms)} ms (${audit.displayValue ?? audit.title})`);
    const element = lcpElement(result);
    if (element) causes.push(`perf: LCP element ${element}`);
  }
  return causes;
}

function isAccessibilityAudit(result: LighthouseResult, id: string): boolean {
  const category = result.categories['accessibility'] as { auditRefs?: { id: string }[] } | undefined;
  return category?.auditRefs?.some((ref) => ref.id === id) ?? false;
}

function lcpElement(result: LighthouseResult): string | undefined {
  const items = result.audits['largest-contentful-paint-element']?.details?.items as { items?: { node?: { snippet?: string } }[] }[] | undefined;
  return items?.[0]?.items?.[0]?.node?.snippet?.slice(0, 100);
}

export function lighthouseRow(page: string, result: LighthouseResult): LighthouseRow {
  const performance = score(result, 'performance');
  const accessibility = score(result, 'accessibility');
  return {
    page,
    performance,
    accessibility,
    lcpMs: result.audits['largest-contentful-paint']?.numericValue ?? NaN,
    tbtMs: result.audits['total-blocking-time']?.numericValue ?? NaN,
    cls: result.audits['cumulative-layout-shift']?.numericValue ?? NaN,
    causes: causesOf(result, performance, accessibility),
  };
}

export function meetsGoals(row: LighthouseRow): boolean {
  return row.performance >= LIGHTHOUSE_GOALS.performance && row.accessibility >= LIGHTHOUSE_GOALS.accessibility;
}

/** One line per page, the goals in the header, the causes under a page below them. */
export function formatLighthouseTable(rows: LighthouseRow[]): string {
  const width = Math.max(4, ...rows.map((row) => row.page.length));
  const header = `${'page'.padEnd(width)}  perf  a11y      LCP      TBT    CLS  [goals: perf ≥ ${LIGHTHOUSE_GOALS.performance}, a11y ${LIGHTHOUSE_GOALS.accessibility}]`;
  const lines = [header];
  for (const row of rows) {
    const figures = [
      String(row.performance).padStart(4),
      String(row.accessibility).padStart(4),
      `${(row.lcpMs / 1000).toFixed(1)} s`.padStart(7),
      `${row.tbtMs.toFixed(0)} ms`.padStart(7),
      row.cls.toFixed(3).padStart(6),
    ];
    lines.push(`${row.page.padEnd(width)}  ${figures.join('  ')}  ${meetsGoals(row) ? 'OK' : 'BELOW'}`);
    for (const cause of row.causes) lines.push(`${' '.repeat(width + 4)}${cause}`);
  }
  return lines.join('\n');
}

/**
 * Audits each URL in turn in one headless Chromium (Debian's, a fresh
 * temporary profile from chrome-launcher); Lighthouse clears the cache and
 * storage before each page.
 */
export async function auditPages(pages: { name: string; url: string }[]): Promise<LighthouseRow[]> {
  const chrome = await launch({
    chromePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  const rows: LighthouseRow[] = [];
  try {
    for (const page of pages) {
      const run = await lighthouse(page.url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
      if (!run) throw new Error(`Lighthouse returned nothing for ${page.url}`);
      if (run.lhr.runtimeError) throw new Error(`Lighthouse on ${page.url}: ${run.lhr.runtimeError.message}`);
      rows.push(lighthouseRow(page.name, run.lhr as unknown as LighthouseResult));
    }
  } finally {
    chrome.kill();
  }
  return rows;
}
