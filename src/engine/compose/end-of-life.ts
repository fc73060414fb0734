import { frenchDate, versions, VERSIONS_AS_OF } from '../../data/versions.ts';

/**
 * Oldest supported release line of the official images the course uses. The
 * data lives in src/data/versions.ts (one table for the lessons and this rule,
 * with its "as of" date); this module only shapes it for the rule.
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

const parts = (line: string): number[] => line.split('.').map(Number);
const oldestNode = versions.node.lines.filter((l) => l.status !== 'end-of-life').reduce((a, b) => (a.major < b.major ? a : b));

/** The day the table was checked (src/data/versions.ts), in French: `6 décembre 2026`. */
export const SUPPORTED_LINES_AS_OF = frenchDate(VERSIONS_AS_OF, true);

export const SUPPORTED_LINES: readonly SupportedLine[] = [
  { image: 'node', minimum: [oldestNode.major], label: String(oldestNode.major), recommended: `${versions.node.course}-alpine`, product: 'Node.js' },
  { image: 'postgres', minimum: parts(versions.postgres.oldestSupported), label: versions.postgres.oldestSupported, recommended: `${versions.postgres.course}-alpine`, product: 'PostgreSQL' },
  { image: 'redis', minimum: parts(versions.redis.oldestSupported), label: versions.redis.oldestSupported, recommended: `${versions.redis.course}-alpine`, product: 'Redis' },
  { image: 'mysql', minimum: parts(versions.mysql.oldestSupported), label: versions.mysql.oldestSupported, recommended: versions.mysql.oldestSupported, product: 'MySQL' },
  { image: 'nginx', minimum: parts(versions.nginx.oldestSupported), label: versions.nginx.oldestSupported, recommended: `${versions.nginx.course}-alpine`, product: 'nginx' },
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
