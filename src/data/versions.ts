// The versions the course names, in one place, with the date they were last
// checked. Lessons read them through the <Version> MDX component, the
// end-of-life rule (src/engine/compose/end-of-life.ts) through this module, and
// src/data/versions.test.ts keeps the lessons, stacks and stand-in images in
// line with it. Pure data: no imports, so the engine may import it.
//
// Sources: endoflife.date and each project's release policy
// (nodejs/Release schedule, PostgreSQL versioning policy, Redis release notes,
// nginx.org "stable" line, docker/compose releases).

/** The day this table was last checked against the projects' announcements. */
export const VERSIONS_AS_OF = '2026-12-06';

export type NodeStatus = 'active-lts' | 'maintenance-lts' | 'end-of-life';

export interface NodeLine {
  major: number;
  status: NodeStatus;
  /** First day as Active LTS. */
  ltsFrom: string;
  /** First day of Maintenance LTS. */
  maintenanceFrom: string;
  /** Last day of security fixes. */
  endOfLife: string;
}

export interface ProductLine {
  /** The line as written in an image tag: `17`, `8`, `1.30`. */
  line: string;
  /** Last day of fixes, when announced. */
  endOfLife?: string;
}

export const versions = {
  compose: {
    /** The Compose release line learners install today (Docker Desktop, docker-compose-plugin). */
    current: '5',
    /** The release the project's oracle tests run (`docker compose config`), from Debian forky. */
    oracle: '2.40.3',
    /** Compose v1 (`docker-compose`, Python): no release since this month. */
    v1EndOfLife: '2023-07',
  },
  node: {
    /** The line the stacks and stand-in image use (`node:24-alpine`). */
    course: 24,
    lines: [
      { major: 26, status: 'active-lts', ltsFrom: '2026-10-20', maintenanceFrom: '2027-10-20', endOfLife: '2029-04-30' },
      { major: 24, status: 'maintenance-lts', ltsFrom: '2025-10-28', maintenanceFrom: '2026-10-20', endOfLife: '2028-04-30' },
      { major: 22, status: 'maintenance-lts', ltsFrom: '2024-10-29', maintenanceFrom: '2025-10-21', endOfLife: '2027-04-30' },
      { major: 20, status: 'end-of-life', ltsFrom: '2023-10-24', maintenanceFrom: '2024-10-22', endOfLife: '2026-04-30' },
      { major: 18, status: 'end-of-life', ltsFrom: '2022-10-25', maintenanceFrom: '2023-10-18', endOfLife: '2025-04-30' },
      { major: 16, status: 'end-of-life', ltsFrom: '2021-10-26', maintenanceFrom: '2022-10-18', endOfLife: '2023-09-11' },
    ] satisfies NodeLine[],
  },
  postgres: {
    course: '17',
    /** Oldest line still receiving fixes. */
    oldestSupported: '15',
    endOfLife: [
      { line: '13', endOfLife: '2025-11-13' },
      { line: '14', endOfLife: '2026-11-12' },
    ] satisfies ProductLine[],
  },
  redis: {
    course: '8',
    oldestSupported: '7',
    endOfLife: [{ line: '6.2', endOfLife: '2025-02-28' }] satisfies ProductLine[],
  },
  mysql: {
    oldestSupported: '8.4',
    endOfLife: [
      { line: '5.7', endOfLife: '2023-10-31' },
      { line: '8.0', endOfLife: '2026-04-30' },
    ] satisfies ProductLine[],
  },
  nginx: {
    /** The stable line (only it gets fixes besides mainline); the stacks and `nginx -t` oracle use it. */
    course: '1.30',
    stableSince: '2026-04',
    oldestSupported: '1.30',
  },
} as const;

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** `2026-10-20` → `octobre 2026`; `2026-12-06` with `day` → `6 décembre 2026`. */
export function frenchDate(iso: string, day = false): string {
  const [year, month, date] = iso.split('-');
  const name = MONTHS[Number(month) - 1] ?? '';
  return day && date ? `${Number(date)} ${name} ${year}` : `${name} ${year}`;
}

function nodeLine(status: NodeStatus, index = 0): NodeLine {
  const line = versions.node.lines.filter((l) => l.status === status)[index];
  if (!line) throw new Error(`no Node.js line with status ${status}`);
  return line;
}

const course = versions.node.lines.find((l) => l.major === versions.node.course)!;

/**
 * The phrases lessons may print with <Version of="…" />, in French. A phrase,
 * not a bare number, so that the status and its date travel together.
 */
export const VERSION_PHRASES = {
  'as-of': frenchDate(VERSIONS_AS_OF, true),
  'compose-current': `Compose ${versions.compose.current}`,
  'compose-oracle': `Compose ${versions.compose.oracle}`,
  'compose-v1-end': frenchDate(`${versions.compose.v1EndOfLife}-01`),
  'node-active-lts': `Node.js ${nodeLine('active-lts').major}`,
  'node-active-lts-since': frenchDate(nodeLine('active-lts').ltsFrom),
  'node-course': `Node.js ${course.major}`,
  'node-course-status': course.status === 'active-lts' ? 'LTS active' : course.status === 'maintenance-lts' ? `LTS de maintenance depuis ${frenchDate(course.maintenanceFrom)}` : 'en fin de vie',
  'node-course-end': frenchDate(course.endOfLife),
  'node-oldest-lts': `Node.js ${versions.node.lines.filter((l) => l.status !== 'end-of-life').at(-1)!.major}`,
  'postgres-course': `PostgreSQL ${versions.postgres.course}`,
  'postgres-14-end': frenchDate(versions.postgres.endOfLife.find((l) => l.line === '14')!.endOfLife),
  'redis-course': `Redis ${versions.redis.course}`,
  'nginx-course': `nginx ${versions.nginx.course}`,
} as const;

export type VersionPhrase = keyof typeof VERSION_PHRASES;
