import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Document, type Node, type YAMLMap } from 'yaml';
import { tooDeepMessage, type YamlIssue } from './parse-yaml.ts';
import { yamlErrorMessages } from './yaml-error-messages.ts';
import type { SourcePositions } from './parse-yaml.ts';
import { MAX_QUOTED_LENGTH, MAX_YAML_DEPTH, shorten } from '../limits.ts';

/**
 * The YAML tree as plain data that still knows where every value was written.
 * Aliases are resolved (shared, never copied, so an alias bomb costs no
 * memory) and `<<` merge keys applied, as `docker compose` does before it
 * reads a file. Scalars carry both the written text and the value after a
 * caller-supplied transformation (compose's variable interpolation).
 */
export type LocatedValue = LocatedMap | LocatedSeq | LocatedScalar;

export interface LocatedEntry {
  key: string;
  /** Offsets of the key as written (for `<<`-merged entries, the original key). */
  keyRange: [number, number];
  value: LocatedValue;
}

export interface LocatedMap {
  kind: 'map';
  entries: Map<string, LocatedEntry>;
  range: [number, number];
}

export interface LocatedSeq {
  kind: 'seq';
  items: LocatedValue[];
  range: [number, number];
}

export type ScalarValue = string | number | boolean | null;

export interface LocatedScalar {
  kind: 'scalar';
  value: ScalarValue;
  /** Offsets of the scalar in the source (quotes included). */
  range: [number, number];
  /** yaml's scalar style, to map offsets inside quoted or block scalars. */
  style: Scalar.Type | undefined;
  /** For strings, the text before the transformation (interpolation). */
  written?: string;
}

/** Turns a string scalar's value (compose interpolates it); `range` and `style` place it in the source. */
export type ScalarTransform = (value: string, range: [number, number], style: Scalar.Type | undefined) => string;


function rangeOf(node: Node | null | undefined): [number, number] {
  const r = node?.range;
  return r ? [r[0], r[1]] : [0, 0];
}

function scalarValue(value: unknown): ScalarValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/**
 * Where a block collection ends: at its last value, without the comments and
 * blank lines after it (yaml's own node ranges include some of them,
 * depending on their indentation). block-reader.ts computes the same.
 */
function valueEnd(node: Node, located: LocatedValue): number {
  return isAlias(node) ? rangeOf(node)[1] : located.range[1];
}

/**
 * A collection or alias used as a key (`? [a, b]`, `{<<: 1}: x`) is named by
 * its source text, shortened. Not `String(node)`: yaml stringifies nested
 * keys again at every level (exponential in `? ? ? … x`) and applies merges,
 * which throws on `{<<: 1}`. Compose refuses such keys anyway.
 */
function keyText(node: Node, positions: SourcePositions): string {
  const [start, end] = rangeOf(node);
  return shorten(positions.text.slice(start, Math.min(end, start + MAX_QUOTED_LENGTH + 1)).replace(/\s+/g, ' '));
}

/**
 * Builds the located tree of a parsed document. Issues (unknown alias, too
 * deep) are appended to `issues`; an alias bomb is detected by yaml's own
 * `maxAliasCount` guard, and the tree is then not built at all.
 */
export function toLocated(
  document: Document.Parsed,
  positions: SourcePositions,
  issues: YamlIssue[],
  transform: ScalarTransform,
): LocatedValue | undefined {
  if (document.errors.length > 0 && document.contents === null) return undefined;
  // Anchors are registered while walking in document order, which is exactly
  // YAML's rule: an alias refers to the closest anchor of that name before it.
  const anchors = new Map<string, Node>();
  let hasAlias = false;
  const memo = new Map<Node, LocatedValue>();
  const inProgress = new Set<Node>();
  let tooDeep = false;
  let collectionKeys = false;

  const build = (node: Node | null | undefined, depth: number): LocatedValue => {
    if (!node) return { kind: 'scalar', value: null, range: [0, 0], style: undefined };
    const cached = memo.get(node);
    if (cached) return cached;
    if (depth > MAX_YAML_DEPTH) {
      if (!tooDeep) {
        tooDeep = true;
        issues.push({
          code: 'TOO_DEEP',
          severity: 'error',
          message: tooDeepMessage,
          range: positions.ofNode(node),
        });
      }
      return { kind: 'scalar', value: null, range: rangeOf(node), style: undefined };
    }
    if (isAlias(node)) {
      hasAlias = true;
      const target = anchors.get(node.source);
      if (!target) {
        issues.push({
          code: 'UNKNOWN_ALIAS',
          severity: 'error',
          message: `L’alias \`*${node.source}\` ne correspond à aucune ancre \`&${node.source}\` définie plus haut.`,
          range: positions.ofNode(node),
        });
        return { kind: 'scalar', value: null, range: rangeOf(node), style: undefined };
      }
      if (inProgress.has(target)) {
        // `&a [*a]`: an alias inside its own anchor would make an infinite value.
        issues.push({
          code: 'UNKNOWN_ALIAS',
          severity: 'error',
          message: `L’alias \`*${node.source}\` est utilisé à l’intérieur de sa propre ancre : la valeur serait infinie.`,
          range: positions.ofNode(node),
        });
        return { kind: 'scalar', value: null, range: rangeOf(node), style: undefined };
      }
      return build(target, depth + 1);
    }
    let result: LocatedValue;
    if (node.anchor) anchors.set(node.anchor, node);
    inProgress.add(node);
    if (isScalar(node)) {
      const value = scalarValue(node.value);
      result =
        typeof value === 'string'
          ? { kind: 'scalar', value: transform(value, rangeOf(node), node.type), range: rangeOf(node), style: node.type, written: value }
          : { kind: 'scalar', value, range: rangeOf(node), style: node.type };
    } else if (isMap(node)) {
      result = buildMap(node, depth);
    } else if (isSeq(node)) {
      const items: LocatedValue[] = [];
      result = { kind: 'seq', items, range: rangeOf(node) };
      memo.set(node, result);
      for (const item of node.items) items.push(build(item as Node, depth + 1));
      if (!node.flow && node.items.length > 0) result.range = [result.range[0], valueEnd(node.items[node.items.length - 1] as Node, items[items.length - 1]!)];
    } else {
      result = { kind: 'scalar', value: null, range: rangeOf(node), style: undefined };
    }
    inProgress.delete(node);
    memo.set(node, result);
    return result;
  };

  const buildMap = (node: YAMLMap, depth: number): LocatedMap => {
    const entries = new Map<string, LocatedEntry>();
    const result: LocatedMap = { kind: 'map', entries, range: rangeOf(node) };
    memo.set(node, result);
    const merged: LocatedMap[] = [];
    let lastEnd: number | undefined;
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      // With `merge: true`, yaml gives `<<` keys a symbol value.
      const isMergeKey = isScalar(keyNode) && (typeof keyNode.value === 'symbol' || (keyNode.value === '<<' && keyNode.type === 'PLAIN'));
      if (keyNode && !isScalar(keyNode)) collectionKeys = true;
      const key = isScalar(keyNode) ? String(keyNode.value ?? 'null') : keyNode ? keyText(keyNode, positions) : 'null';
      const value = build(pair.value as Node | null, depth + 1);
      lastEnd = pair.value ? valueEnd(pair.value as Node, value) : rangeOf(keyNode)[1];
      if (isMergeKey) {
        // YAML 1.1 merge key, supported by compose: explicit keys win whatever their order.
        if (value.kind === 'map') merged.push(value);
        else if (value.kind === 'seq') for (const item of value.items) if (item.kind === 'map') merged.push(item);
        continue;
      }
      const keyRange = rangeOf(keyNode);
      // A missing value (`key:` alone) sits at the key's end, not at offset 0.
      if (pair.value === null && value.kind === 'scalar') value.range = [keyRange[1], keyRange[1]];
      if (entries.has(key)) {
        issues.push({ code: 'DUPLICATE_KEY', severity: 'error', message: yamlErrorMessages.DUPLICATE_KEY, range: positions.range(keyRange[0], keyRange[1]) });
        continue;
      }
      entries.set(key, { key, keyRange, value });
    }
    for (const source of merged) {
      for (const [key, entry] of source.entries) if (!entries.has(key)) entries.set(key, entry);
    }
    if (!node.flow && lastEnd !== undefined) result.range = [result.range[0], lastEnd];
    return result;
  };

  const root = build(document.contents as Node | null, 0);
  if (hasAlias && isAliasBomb(document, root, memo.size, collectionKeys)) {
    issues.push({
      code: 'ALIAS_BOMB',
      severity: 'error',
      message: 'Trop d’alias imbriqués (`*nom`) : le fichier se développerait de façon démesurée (attaque « billion laughs »). Réduisez les alias.',
      range: positions.range(0, Math.min(document.range[1], 1)),
    });
    // The tree itself is shared, not expanded, but every consumer (schema, rules) would expand it.
    return undefined;
  }
  return root;
}

/**
 * Alias bombs ("billion laughs"). Our tree shares aliased nodes, so building
 * it is linear; its expanded size (what the schema validator and the rules
 * would walk) is cheap to compute. Only when it is suspicious do we ask
 * yaml's own guard (`toJS` with `maxAliasCount`), which throws past the limit:
 * ordinary files with a few `<<: *defaults` skip that second conversion.
 */
function isAliasBomb(document: Document.Parsed, root: LocatedValue, nodes: number, collectionKeys: boolean): boolean {
  const { expanded } = expandedSize(root);
  if (expanded <= 10 * nodes + 1000) return false;
  // yaml's toJS stringifies collection keys, exponentially when they nest.
  if (expanded > 1_000_000 || collectionKeys) return true;
  try {
    document.toJS({ maxAliasCount: 100 });
    return false;
  } catch (error) {
    // Other toJS errors (an alias without anchor) are reported with their position by `build`.
    return error instanceof ReferenceError && /Excessive alias count/.test(error.message);
  }
}

/** The size of a located tree with its aliases expanded, and how many distinct values it holds. */
export function expandedSize(root: LocatedValue): { expanded: number; distinct: number } {
  const sizes = new Map<LocatedValue, number>();
  const size = (value: LocatedValue): number => {
    const known = sizes.get(value);
    if (known !== undefined) return known;
    sizes.set(value, 1);
    let total = 1;
    if (value.kind === 'seq') for (const item of value.items) total += size(item);
    else if (value.kind === 'map') for (const entry of value.entries.values()) total += size(entry.value);
    sizes.set(value, total);
    return total;
  };
  const expanded = size(root);
  return { expanded, distinct: sizes.size };
}

/**
 * Plain JavaScript, from the located tree: interpolated values (what a JSON
 * schema validator needs), or strings as written, before interpolation
 * (what the lesson objectives judge: `"${HTTP_PORT:-8080}:80"`).
 */
export function toPlain(value: LocatedValue, strings: 'interpolated' | 'written' = 'interpolated'): unknown {
  switch (value.kind) {
    case 'scalar':
      return strings === 'written' ? (value.written ?? value.value) : value.value;
    case 'seq':
      return value.items.map((item) => toPlain(item, strings));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [key, entry] of value.entries) out[key] = toPlain(entry.value, strings);
      return out;
    }
  }
}

/** The located value at a JSON pointer's segments, or the deepest one found. */
export function locate(root: LocatedValue, path: readonly string[]): { value: LocatedValue; entry: LocatedEntry | undefined; depth: number } {
  let value = root;
  let entry: LocatedEntry | undefined;
  let depth = 0;
  for (const segment of path) {
    if (value.kind === 'map') {
      const next = value.entries.get(segment);
      if (!next) break;
      entry = next;
      value = next.value;
    } else if (value.kind === 'seq') {
      const next = value.items[Number(segment)];
      if (!next) break;
      entry = undefined;
      value = next;
    } else break;
    depth++;
  }
  return { value, entry, depth };
}

export function asMap(value: LocatedValue | undefined): LocatedMap | undefined {
  return value?.kind === 'map' ? value : undefined;
}

export function asSeq(value: LocatedValue | undefined): LocatedSeq | undefined {
  return value?.kind === 'seq' ? value : undefined;
}

export function asString(value: LocatedValue | undefined): string | undefined {
  if (value?.kind !== 'scalar' || value.value === null) return undefined;
  return String(value.value);
}

export { Scalar };
