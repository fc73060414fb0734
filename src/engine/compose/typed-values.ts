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

function* walk(value: LocatedValue | undefined, path: readonly string[]): Generator<[LocatedScalar, string]> {
  if (!value) return;
  if (path.length === 0) {
    if (value.kind === 'scalar' && typeof value.value === 'string') yield [value, ''];
    return;
  }
  const [head, ...rest] = path as [string, ...string[]];
  if (head === '[]') {
    for (const item of asSeq(value)?.items ?? []) yield* walk(item, rest);
  } else if (head === '*') {
    for (const [key, entry] of asMap(value)?.entries ?? []) for (const [scalar, name] of walk(entry.value, rest)) yield [scalar, name || key];
  } else {
    for (const [scalar, name] of walk(asMap(value)?.entries.get(head)?.value, rest)) yield [scalar, name || head];
  }
}

/** String values compose would fail to convert, with the key they belong to. */
export function* failedCasts(root: LocatedValue): Generator<{ scalar: LocatedScalar; key: string; kind: CastKind }> {
  for (const [, service] of asMap(asMap(root)?.entries.get('services')?.value)?.entries ?? []) {
    for (const [path, kind] of SERVICE_CASTS) {
      for (const [scalar] of walk(service.value, path)) {
        if (castFails(kind, String(scalar.value))) yield { scalar, key: path.filter((p) => p !== '[]' && p !== '*').join('.'), kind };
      }
    }
  }
  for (const [path, kind] of TOP_LEVEL_CASTS) {
    for (const [scalar] of walk(root, path)) {
      if (castFails(kind, String(scalar.value))) yield { scalar, key: path[path.length - 1]!, kind };
    }
  }
}
