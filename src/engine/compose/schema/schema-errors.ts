import type { MessageData, Range } from '../../types.ts';
import { locate, type LocatedValue } from '../../yaml/located.ts';
import composeSpec from './compose-spec.generated.json' with { type: 'json' };
import { closest } from './edit-distance.ts';
import { MAX_DIAGNOSTICS_PER_RULE_AND_FILE } from '../../limits.ts';
import type { SchemaError } from './validate-compose.generated.js';

/** One schema problem, said once, at the YAML node it is about. */
export interface SchemaProblem {
  messageId: string;
  data: MessageData;
  range: [number, number];
  /** Instance path of the node the problem is about (for an unknown key, the mapping that holds it). */
  path: readonly string[];
}

const TYPE_NAMES: Record<string, string> = {
  array: 'une liste',
  object: 'un objet (des clés `nom: valeur`)',
  string: 'du texte',
  number: 'un nombre',
  integer: 'un nombre entier',
  boolean: 'un booléen (`true` ou `false`)',
  null: 'vide',
};

/**
 * Lists compose de-duplicates before validating (compose-go
 * `override/uncity.go`, `EnforceUnicity`): a repeated item there is not an
 * error, whatever the schema's `uniqueItems` says.
 */
const DEDUPLICATED_LISTS = new Set([
  'annotations', 'args', 'additional_contexts', 'platforms', 'tags', 'labels', 'cap_add', 'cap_drop', 'devices', 'configs',
  'dns', 'dns_opt', 'dns_search', 'environment', 'env_file', 'expose', 'links', 'aliases', 'link_local_ips', 'ports',
  'profiles', 'secrets', 'sysctls', 'tmpfs', 'volumes',
]);

/** Keys written either as a list of `NAME=value` or as a map of `NAME: value`. */
const KEY_VALUE_LISTS = new Set(['environment', 'labels', 'args', 'extra_hosts', 'sysctls', 'annotations', 'driver_opts']);

const COLLECTIONS: Record<string, string> = {
  services: 'le service',
  networks: 'le réseau',
  volumes: 'le volume',
  secrets: 'le secret',
  configs: 'la config',
  models: 'le modèle',
};

function decodePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** French words for where a path points: "le service `api`", "`healthcheck` du service `api`". */
export function describePath(path: readonly string[]): string {
  if (path.length === 0) return 'la racine du fichier';
  const [top, name, ...rest] = path;
  const owner = top && name !== undefined && COLLECTIONS[top] ? `${COLLECTIONS[top]} \`${name}\`` : undefined;
  if (!owner) return `\`${path.filter((p) => !/^\d+$/.test(p)).join('.')}\``;
  const inner = rest.filter((p) => !/^\d+$/.test(p));
  if (inner.length === 0) return owner;
  return `\`${inner.join('.')}\` (${owner.replace(/^le /, 'du ').replace(/^la /, 'de la ')})`;
}

function keyName(path: readonly string[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (!/^\d+$/.test(path[i]!)) return path[i]!;
  return 'valeur';
}

type SchemaNode = Record<string, unknown>;

function isSchema(value: unknown): value is SchemaNode {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A schema with its `$ref`s and `oneOf`/`anyOf`/`allOf` branches unfolded. */
function alternatives(schema: unknown, rootSchema: SchemaNode, depth = 0): SchemaNode[] {
  if (!isSchema(schema) || depth > 8) return [];
  const ref = schema['$ref'];
  if (typeof ref === 'string' && ref.startsWith('#/definitions/')) {
    const definitions = rootSchema['definitions'] as SchemaNode;
    return alternatives(definitions[ref.slice('#/definitions/'.length)], rootSchema, depth + 1);
  }
  const out: SchemaNode[] = [schema];
  for (const key of ['oneOf', 'anyOf', 'allOf']) {
    const branches = schema[key];
    if (Array.isArray(branches)) for (const branch of branches) out.push(...alternatives(branch, rootSchema, depth + 1));
  }
  return out;
}

/**
 * The keys the schema knows at an instance path, for typo suggestions.
 * Ajv's `schemaPath` is relative to the `$ref` it is in (standalone code
 * compiles each definition apart), so we walk the schema from the root
 * along the instance path instead.
 */
function knownKeysAt(path: readonly string[], rootSchema: SchemaNode): string[] {
  let candidates = alternatives(rootSchema, rootSchema);
  for (const segment of path) {
    const next: SchemaNode[] = [];
    for (const schema of candidates) {
      const properties = schema['properties'];
      if (isSchema(properties) && segment in properties) next.push(...alternatives(properties[segment], rootSchema));
      const patterns = schema['patternProperties'];
      if (isSchema(patterns)) for (const [pattern, sub] of Object.entries(patterns)) if (new RegExp(pattern, 'u').test(segment)) next.push(...alternatives(sub, rootSchema));
      if (isSchema(schema['additionalProperties'])) next.push(...alternatives(schema['additionalProperties'], rootSchema));
      if (/^\d+$/.test(segment) && isSchema(schema['items'])) next.push(...alternatives(schema['items'], rootSchema));
    }
    candidates = next;
  }
  const keys = new Set<string>();
  for (const schema of candidates) if (isSchema(schema['properties'])) for (const key of Object.keys(schema['properties'])) keys.add(key);
  return [...keys];
}

/** The keys a schema (the Compose Specification's by default) knows at an instance path. */
export function knownSchemaKeys(path: readonly string[], schema: object = composeSpec): string[] {
  return knownKeysAt(path, schema as SchemaNode);
}

function typesOf(error: SchemaError): string[] {
  const type = error.params['type'];
  if (Array.isArray(type)) return type.map(String);
  return String(type).split(',');
}

function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ou ${items[items.length - 1]}`;
}

/**
 * Turns Ajv's errors (all of them, `allErrors`) into one French message per
 * problem. `oneOf`/`anyOf` produce one error per failed branch: a `type`
 * error from a branch whose shape does not apply is dropped when another
 * branch explains the problem at the same place or deeper; the remaining
 * `type` errors at one place are merged ("doit être du texte ou une liste").
 * `schema` is the JSON schema `errors` come from (for typo suggestions): the
 * Compose Specification's, or the Docker CLI's for a Swarm stack file.
 */
export function explainSchemaErrors(errors: readonly SchemaError[], root: LocatedValue, schema: object = composeSpec): SchemaProblem[] {
  const rootSchema = schema as SchemaNode;
  const relevant = errors.filter((e) => !['oneOf', 'anyOf', 'if', 'not', 'then', 'else'].includes(e.keyword));
  const nonTypeAt = new Set(relevant.filter((e) => e.keyword !== 'type').map((e) => e.instancePath));
  // Every path some error lies below, in one pass: testing each error against all others was quadratic (issue #14).
  const hasErrorBelow = new Set<string>();
  for (const e of relevant) {
    for (let p = e.instancePath, slash = p.lastIndexOf('/'); slash >= 0; slash = p.lastIndexOf('/')) {
      p = p.slice(0, slash);
      if (hasErrorBelow.has(p)) break;
      hasErrorBelow.add(p);
    }
  }
  const kept = relevant.filter((e) => {
    if (e.keyword !== 'type') return true;
    if (nonTypeAt.has(e.instancePath)) return false;
    return !hasErrorBelow.has(e.instancePath);
  });

  const problems: SchemaProblem[] = [];
  let suggestionsLeft = 2 * MAX_DIAGNOSTICS_PER_RULE_AND_FILE;
  const seen = new Set<string>();
  const typesByPath = new Map<string, Set<string>>();
  for (const error of kept) {
    if (error.keyword === 'type') {
      const set = typesByPath.get(error.instancePath) ?? new Set<string>();
      for (const t of typesOf(error)) set.add(t);
      typesByPath.set(error.instancePath, set);
    }
  }

  for (const error of kept) {
    const path = decodePointer(error.instancePath);
    const { value, entry } = locate(root, path);
    const key = keyName(path);
    const where = describePath(path);
    // For a value, "where" is its owner: "`ports` … (dans le service `api`)".
    const owner = describePath(path.slice(0, path.length - 1 - (/^\d+$/.test(path[path.length - 1] ?? '') ? 1 : 0)));
    const dedupe = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (error.keyword !== 'type' && seen.has(dedupe)) continue;
    seen.add(dedupe);
    switch (error.keyword) {
      case 'additionalProperties': {
        const property = String(error.params['additionalProperty']);
        const target = locate(root, [...path, property]);
        const range = target.entry?.keyRange ?? value.range;
        // Walking the schema for suggestions costs the most; past what can be shown, unknown keys are only counted.
        const known = suggestionsLeft-- > 0 ? knownKeysAt(path, rootSchema) : undefined;
        const collection = path.length === 1 && path[0] && COLLECTIONS[path[0]];
        if (collection && known?.length === 0) {
          problems.push({ path, messageId: 'invalid-name', data: { name: property, kind: collection }, range });
          break;
        }
        const suggestion = known && closest(property, known);
        problems.push(
          suggestion
            ? { path, messageId: 'unknown-key-suggest', data: { key: property, where, suggestion }, range }
            : { path, messageId: 'unknown-key', data: { key: property, where }, range },
        );
        break;
      }
      case 'type': {
        const types = typesByPath.get(error.instancePath);
        if (!types) break;
        typesByPath.delete(error.instancePath);
        const expected = joinOr([...types].filter((t) => t !== 'null').map((t) => TYPE_NAMES[t] ?? t));
        const inList = /^\d+$/.test(path[path.length - 1] ?? '');
        if (inList && value.kind === 'map' && types.has('string') && KEY_VALUE_LISTS.has(key)) {
          // `- NODE_ENV: production`: the list form and the map form mixed up.
          problems.push({ path, messageId: 'list-item-map', data: { key, where: owner }, range: value.range });
        } else {
          problems.push({ path, messageId: inList ? 'wrong-item-type' : 'wrong-type', data: { key, where: owner, expected }, range: value.range });
        }
        break;
      }
      case 'required': {
        const missing = String(error.params['missingProperty']);
        problems.push({ path, messageId: 'missing-key', data: { key: missing, where }, range: entry?.keyRange ?? [value.range[0], value.range[0]] });
        break;
      }
      case 'enum': {
        const allowed = (error.params['allowedValues'] as unknown[] | undefined) ?? [];
        problems.push({ path, messageId: 'bad-enum', data: { key, where: owner, values: allowed.map((v) => `\`${String(v)}\``).join(', ') }, range: value.range });
        break;
      }
      case 'uniqueItems':
        if (DEDUPLICATED_LISTS.has(key)) break;
        problems.push({ path, messageId: 'duplicate-item', data: { key, where: owner }, range: value.range });
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        problems.push({ path, messageId: 'out-of-range', data: { key, where: owner, limit: String(error.params['limit']) }, range: value.range });
        break;
      case 'pattern':
      default:
        // The compiled schemas emit no keyword beyond those above and
        // `pattern` (schema-errors.test.ts checks both generated validators); a
        // new one, after a schema is regenerated, is still said, as an invalid value.
        problems.push({ path, messageId: 'bad-format', data: { key, where: owner, value: value.kind === 'scalar' ? String(value.value) : '…' }, range: value.range });
    }
  }
  // A `oneOf` with several passing branches is not reported: no `oneOf` of
  // the compose spec has two branches accepting the same type (checked by
  // schema-errors.test.ts), so one value never matches two of them.
  return problems;
}

export type { Range };
