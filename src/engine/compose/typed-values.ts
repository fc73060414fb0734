import { asMap, asSeq, type LocatedScalar, type LocatedValue } from '../yaml/located.ts';

export type CastKind = 'int' | 'float' | 'bool';

/**
 * After interpolation compose-go converts some string values to numbers or
 * booleans and fails when it cannot (`loader/interpolate.go`, the
 * `interpolateTypeCastMapping` table): `retries: "trois"` is rejected there,
 * not by the schema, which allows strings for `${VAR}`. `*` is any key,
 * `[]` any list item.
 */
const SERVICE_CASTS: readonly [string[], CastKind][] = [
  [['cpu_count'], 'int'],
  [['cpu_percent'], 'float'],
  [['cpu_period'], 'int'],
  [['cpu_quota'], 'int'],
  [['cpu_rt_period'], 'int'],
  [['cpu_rt_runtime'], 'int'],
  [['cpus'], 'float'],
  [['cpu_shares'], 'int'],
  [['init'], 'bool'],
  [['deploy', 'replicas'], 'int'],
  [['deploy', 'update_config', 'parallelism'], 'int'],
  [['deploy', 'update_config', 'max_failure_ratio'], 'float'],
  [['deploy', 'rollback_config', 'parallelism'], 'int'],
  [['deploy', 'rollback_config', 'max_failure_ratio'], 'float'],
  [['deploy', 'restart_policy', 'max_attempts'], 'int'],
  [['deploy', 'placement', 'max_replicas_per_node'], 'int'],
  [['healthcheck', 'retries'], 'int'],
  [['healthcheck', 'disable'], 'bool'],
  [['oom_kill_disable'], 'bool'],
  [['oom_score_adj'], 'int'],
  [['pids_limit'], 'int'],
  [['ports', '[]', 'target'], 'int'],
  [['privileged'], 'bool'],
  [['read_only'], 'bool'],
  [['scale'], 'int'],
  [['stdin_open'], 'bool'],
  [['tty'], 'bool'],
  [['ulimits', '*'], 'int'],
  [['ulimits', '*', 'hard'], 'int'],
  [['ulimits', '*', 'soft'], 'int'],
  [['volumes', '[]', 'read_only'], 'bool'],
  [['volumes', '[]', 'volume', 'nocopy'], 'bool'],
];

const TOP_LEVEL_CASTS: readonly [string[], CastKind][] = [
  [['networks', '*', 'external'], 'bool'],
  [['networks', '*', 'internal'], 'bool'],
  [['networks', '*', 'attachable'], 'bool'],
  [['networks', '*', 'enable_ipv6'], 'bool'],
  [['volumes', '*', 'external'], 'bool'],
  [['secrets', '*', 'external'], 'bool'],
  [['configs', '*', 'external'], 'bool'],
];

const BOOLEAN = /^(y|yes|true|on|n|no|false|off)$/i;
const INTEGER = /^[-+]?\d+$/;
const FLOAT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export function castFails(kind: CastKind, text: string): boolean {
  if (kind === 'bool') return !BOOLEAN.test(text);
  if (kind === 'int') return !INTEGER.test(text);
  return !FLOAT.test(text);
}

/**
 * The cast table as a tree keyed by path segment, so one walk over a
 * service visits only the keys it has (a 1,400-service file used to cost
 * 12 ms walking every path of the table for every service).
 */
interface CastNode {
  kind?: CastKind;
  children: Map<string, CastNode>;
}

function castTree(table: readonly [string[], CastKind][]): CastNode {
  const root: CastNode = { children: new Map() };
  for (const [path, kind] of table) {
    let node = root;
    for (const segment of path) {
      let child = node.children.get(segment);
      if (!child) node.children.set(segment, (child = { children: new Map() }));
      node = child;
    }
    node.kind = kind;
  }
  return root;
}

const SERVICE_TREE = castTree(SERVICE_CASTS);
const TOP_LEVEL_TREE = castTree(TOP_LEVEL_CASTS);

export interface FailedCast {
  scalar: LocatedScalar;
  key: string;
  kind: CastKind;
}

/**
 * Walks `value` along `node`. `key` names the finding: the dotted path
 * without `*` and `[]` for services, the last key for the top level.
 */
function collect(value: LocatedValue, node: CastNode, path: string[], out: FailedCast[], lastKeyOnly: boolean): void {
  if (node.kind && value.kind === 'scalar' && typeof value.value === 'string' && castFails(node.kind, value.value)) {
    out.push({ scalar: value, key: lastKeyOnly ? path[path.length - 1]! : path.join('.'), kind: node.kind });
  }
  if (node.children.size === 0) return;
  const items = node.children.get('[]');
  if (items) for (const item of asSeq(value)?.items ?? []) collect(item, items, path, out, lastKeyOnly);
  const map = asMap(value);
  if (!map) return;
  const any = node.children.get('*');
  if (any) for (const [key, entry] of map.entries) collect(entry.value, any, lastKeyOnly ? [...path, key] : path, out, lastKeyOnly);
  const small = map.entries.size <= node.children.size;
  // Walk whichever is smaller: the map's keys or the table's.
  if (small) {
    for (const [key, entry] of map.entries) {
      const child = key === '*' || key === '[]' ? undefined : node.children.get(key);
      if (child) collect(entry.value, child, [...path, key], out, lastKeyOnly);
    }
  } else {
    for (const [key, child] of node.children) {
      if (key === '*' || key === '[]') continue;
      const entry = map.entries.get(key);
      if (entry) collect(entry.value, child, [...path, key], out, lastKeyOnly);
    }
  }
}

/** String values compose would fail to convert, with the key they belong to. */
export function failedCasts(root: LocatedValue): FailedCast[] {
  const out: FailedCast[] = [];
  for (const [, service] of asMap(asMap(root)?.entries.get('services')?.value)?.entries ?? []) collect(service.value, SERVICE_TREE, [], out, false);
  collect(root, TOP_LEVEL_TREE, [], out, true);
  return out;
}
