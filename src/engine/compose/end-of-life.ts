/**
 * Oldest supported release line of the official images the course uses, as
 * of the date below. Data, not logic: update it when a line reaches its end
 * of life (dates from endoflife.date and each project's release policy).
 *
 * Table reviewed on 2026-11-26:
 * - node: 18 EOL 2025-04-30, 20 EOL 2026-04-30 → 22 is the oldest maintained LTS.
 * - postgres: 13 EOL 2025-11-13, 14 EOL 2026-11-12 → 15 is the oldest supported.
 * - redis: 6.2 EOL 2025-02-28 → 7 and later.
 * - mysql: 5.7 EOL 2023-10-31, 8.0 EOL 2026-04-30 → 8.4 LTS.
 * - nginx: only the current stable line (1.30, released 2026-04) gets fixes;
 *   the project judges nginx files with 1.30.
 */
export interface SupportedLine {
  image: string;
  /** Oldest supported version, compared numerically part by part (`[8, 4]`). */
  minimum: number[];
  label: string;
  /** The line to suggest: the newest one the course teaches (LTS for Node.js). */
  recommended: string;
  /** Product name for messages. */
  product: string;
}

export const SUPPORTED_LINES: readonly SupportedLine[] = [
  { image: 'node', minimum: [22], label: '22', recommended: '24-alpine', product: 'Node.js' },
  { image: 'postgres', minimum: [15], label: '15', recommended: '17-alpine', product: 'PostgreSQL' },
  { image: 'redis', minimum: [7], label: '7', recommended: '8-alpine', product: 'Redis' },
  { image: 'mysql', minimum: [8, 4], label: '8.4', recommended: '8.4', product: 'MySQL' },
  { image: 'nginx', minimum: [1, 30], label: '1.30', recommended: '1.30-alpine', product: 'nginx' },
];

/** The numeric version at the start of a tag (`18-alpine` → [18], `1.25.3` → [1, 25, 3]), if any. */
export function tagVersion(tag: string): number[] | undefined {
  const match = /^v?(\d+(?:\.\d+)*)/.exec(tag);
  return match ? match[1]!.split('.').map(Number) : undefined;
}

/** True when `version` is older than `minimum`, comparing only the parts `minimum` has. */
export function isOlder(version: readonly number[], minimum: readonly number[]): boolean {
  for (let i = 0; i < minimum.length; i++) {
    const part = version[i];
    if (part === undefined) return false;
    if (part !== minimum[i]) return part < minimum[i]!;
  }
  return false;
}
