import type { LocatedEntry, LocatedMap, LocatedValue } from '../yaml/located.ts';
import type { ComposeService } from './model.ts';

export interface WrittenEntry {
  file: string;
  entry: LocatedEntry;
}

export function mapOf(value: LocatedValue | undefined): LocatedMap | undefined {
  return value?.kind === 'map' ? value : undefined;
}

/**
 * The entry at `path` (`['deploy', 'replicas']`) as the merged service sees
 * it: the last definition that writes it wins, as compose's override rule
 * does for scalars and nested keys.
 */
export function writtenEntry(service: ComposeService, path: readonly string[]): WrittenEntry | undefined {
  for (let i = service.sources.length - 1; i >= 0; i--) {
    const source = service.sources[i]!;
    let map: LocatedMap | undefined = source.map;
    for (let depth = 0; map && depth < path.length; depth++) {
      const entry = map.entries.get(path[depth]!);
      if (!entry) break;
      if (depth === path.length - 1) return { file: source.file, entry };
      map = mapOf(entry.value);
    }
  }
  return undefined;
}

/** Every list item written at `path`, across definitions (compose appends these lists). */
export function writtenItems(service: ComposeService, path: readonly string[]): { file: string; item: LocatedValue }[] {
  const out: { file: string; item: LocatedValue }[] = [];
  for (const source of service.sources) {
    let value: LocatedValue | undefined = source.map;
    for (const key of path) value = mapOf(value)?.entries.get(key)?.value;
    if (value?.kind === 'seq') for (const item of value.items) out.push({ file: source.file, item });
    else if (value && path.length > 0) out.push({ file: source.file, item: value });
  }
  return out;
}

/** A scalar's number, as compose-go would cast it (`"3"` is 3). */
export function numberOf(value: LocatedValue | undefined): number | undefined {
  if (value?.kind !== 'scalar') return undefined;
  const n = typeof value.value === 'number' ? value.value : typeof value.value === 'string' && value.value.trim() !== '' ? Number(value.value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}
