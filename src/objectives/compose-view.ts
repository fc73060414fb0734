import type { CheckResult } from '../engine/check.ts';
import { toPlain } from '../engine/yaml/located.ts';

// The few facts about the compose project that objectives ask about, with the
// field names of the engine's compose model (`src/engine/compose/model.ts`).
// Objectives judge what the learner WROTE (`"${HTTP_PORT:-8080}:80"`, `$${POSTGRES_USER}`,
// an `x-logging` anchor), while the engine's model holds values after
// interpolation and merging; so the view reads the values as written that
// the engine's located tree keeps (no second YAML parse). Predicates only see this view: a change of source
// stays in this file.

export interface PortView {
  /** As written, variables included: `"${HTTP_PORT:-8080}:80"`. */
  raw: string;
  /** Host side as written (`${HTTP_PORT:-8080}`), undefined when only the container port is given. */
  published: string | undefined;
  target: string;
}

export interface VolumeView {
  raw: string;
  source: string | undefined;
  target: string;
  readOnly: boolean;
}

export interface DependencyView {
  service: string;
  condition: string;
}

export interface EnvironmentView {
  name: string;
  /** As written, before interpolation; undefined for `- NAME`. */
  raw: string | undefined;
}

export interface ServiceView {
  name: string;
  image: string | undefined;
  containerName: string | undefined;
  ports: PortView[];
  volumes: VolumeView[];
  dependsOn: DependencyView[];
  /** `test` as written, or undefined without a healthcheck. */
  healthcheck: { test: string | string[] | undefined; disable: boolean } | undefined;
  networks: string[];
  environment: EnvironmentView[];
  restart: string | undefined;
  /** `command` as written: a string (shell form) or a list. */
  command: string | string[] | undefined;
  logging: { driver: string | undefined; options: Record<string, string> } | undefined;
  /** Every key written under the service, for "remove this key" objectives. */
  keys: string[];
}

export interface ComposeView {
  /** True when any compose file still has the obsolete top-level `version`. */
  hasVersion: boolean;
  /** The top-level `name` (project name). */
  name: string | undefined;
  /** Top-level `x-…` extension fields, with anchors already resolved. */
  extensions: Map<string, unknown>;
  services: Map<string, ServiceView>;
  networks: Map<string, Record<string, unknown>>;
  volumes: Map<string, Record<string, unknown>>;
  secrets: Map<string, Record<string, unknown>>;
}

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;

/** Splits on `:` outside `${…}`, since `${HTTP_PORT:-8080}:80` has a colon inside its variable. */
export function splitOutsideVariables(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < value.length; i += 1) {
    const char = value[i]!;
    if (char === '$' && value[i + 1] === '{') depth += 1;
    else if (char === '}' && depth > 0) depth -= 1;
    if (char === ':' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

function port(entry: unknown): PortView | undefined {
  if (isPlain(entry)) {
    const target = text(entry['target']);
    if (target === undefined) return undefined;
    return { raw: JSON.stringify(entry), published: text(entry['published']), target };
  }
  const raw = text(entry);
  if (raw === undefined) return undefined;
  const parts = splitOutsideVariables(raw.replace(/\/(tcp|udp|sctp)$/, ''));
  const target = parts[parts.length - 1] ?? '';
  return { raw, published: parts.length > 1 ? parts[parts.length - 2] : undefined, target };
}

function volume(entry: unknown): VolumeView | undefined {
  if (isPlain(entry)) {
    const target = text(entry['target']);
    if (target === undefined) return undefined;
    return { raw: JSON.stringify(entry), source: text(entry['source']), target, readOnly: entry['read_only'] === true };
  }
  const raw = text(entry);
  if (raw === undefined) return undefined;
  const parts = splitOutsideVariables(raw);
  if (parts.length === 1) return { raw, source: undefined, target: parts[0]!, readOnly: false };
  const mode = parts[2] ?? '';
  return { raw, source: parts[0], target: parts[1]!, readOnly: mode.split(',').includes('ro') };
}

function dependencies(value: unknown): DependencyView[] {
  if (Array.isArray(value)) return value.flatMap((name) => (typeof name === 'string' ? [{ service: name, condition: 'service_started' }] : []));
  if (!isPlain(value)) return [];
  return Object.entries(value).map(([service, options]) => ({
    service,
    condition: (isPlain(options) ? text(options['condition']) : undefined) ?? 'service_started',
  }));
}

function environment(value: unknown): EnvironmentView[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      const line = text(item);
      if (line === undefined) return [];
      const equals = line.indexOf('=');
      return [equals === -1 ? { name: line, raw: undefined } : { name: line.slice(0, equals), raw: line.slice(equals + 1) }];
    });
  }
  if (!isPlain(value)) return [];
  return Object.entries(value).map(([name, raw]) => ({ name, raw: raw === null ? undefined : text(raw) }));
}

function service(name: string, body: Plain): ServiceView {
  const healthcheck = body['healthcheck'];
  const logging = body['logging'];
  const networks = body['networks'];
  return {
    name,
    image: text(body['image']),
    containerName: text(body['container_name']),
    ports: Array.isArray(body['ports']) ? body['ports'].flatMap((p) => port(p) ?? []) : [],
    volumes: Array.isArray(body['volumes']) ? body['volumes'].flatMap((v) => volume(v) ?? []) : [],
    dependsOn: dependencies(body['depends_on']),
    healthcheck: isPlain(healthcheck)
      ? {
          test: Array.isArray(healthcheck['test']) ? healthcheck['test'].map((t) => text(t) ?? '') : text(healthcheck['test']),
          disable: healthcheck['disable'] === true,
        }
      : undefined,
    networks: Array.isArray(networks) ? networks.flatMap((n) => text(n) ?? []) : isPlain(networks) ? Object.keys(networks) : [],
    environment: environment(body['environment']),
    restart: text(body['restart']),
    command: Array.isArray(body['command']) ? body['command'].map((c) => text(c) ?? '') : text(body['command']),
    logging: isPlain(logging)
      ? {
          driver: text(logging['driver']),
          options: isPlain(logging['options'])
            ? Object.fromEntries(Object.entries(logging['options']).flatMap(([k, v]) => (text(v) === undefined ? [] : [[k, text(v)!]])))
            : {},
        }
      : undefined,
    keys: Object.keys(body),
  };
}

function resources(value: unknown): Map<string, Record<string, unknown>> {
  if (!isPlain(value)) return new Map();
  return new Map(Object.entries(value).map(([name, body]) => [name, isPlain(body) ? body : {}]));
}

/**
 * The compose view of the learner's files, or undefined when a compose file is
 * missing or does not parse (then no compose objective can be met).
 */
const views = new WeakMap<CheckResult, ComposeView | undefined>();

/** `onlyFile` restricts the view to one compose file (`compose.override.yaml` alone). */
export function composeView(result: CheckResult, onlyFile?: string): ComposeView | undefined {
  if (onlyFile !== undefined) return buildView(result, onlyFile);
  // Several objectives of a lesson ask for the same view of one check.
  if (views.has(result)) return views.get(result);
  const view = buildView(result, undefined);
  views.set(result, view);
  return view;
}

function buildView(result: CheckResult, onlyFile: string | undefined): ComposeView | undefined {
  const documents = result.compose?.documents.filter((d) => onlyFile === undefined || d.file.path === onlyFile);
  if (!documents || documents.length === 0) return undefined;
  // A file yaml cannot read gives no view: objectives wait for a readable file.
  if (documents.some((d) => d.issues.some((issue) => issue.severity === 'error'))) return undefined;
  const view: ComposeView = { hasVersion: false, name: undefined, extensions: new Map(), services: new Map(), networks: new Map(), volumes: new Map(), secrets: new Map() };
  for (const { root } of documents) {
    const document = root ? toPlain(root, 'written') : null;
    if (document === null || document === undefined) continue;
    if (!isPlain(document)) return undefined;
    if ('version' in document) view.hasVersion = true;
    if (document['name'] !== undefined) view.name = text(document['name']);
    for (const [key, value] of Object.entries(document)) if (key.startsWith('x-')) view.extensions.set(key, value);
    const services = document['services'];
    if (isPlain(services)) {
      for (const [name, body] of Object.entries(services)) {
        if (!isPlain(body)) continue;
        const previous = view.services.get(name);
        view.services.set(name, previous ? merge(previous, service(name, body), Object.keys(body)) : service(name, body));
      }
    }
    for (const [name, body] of resources(document['networks'])) view.networks.set(name, body);
    for (const [name, body] of resources(document['volumes'])) view.volumes.set(name, body);
    for (const [name, body] of resources(document['secrets'])) view.secrets.set(name, body);
  }
  return view;
}

const FIELD_OF_KEY: Record<string, keyof ServiceView> = {
  image: 'image',
  container_name: 'containerName',
  ports: 'ports',
  volumes: 'volumes',
  depends_on: 'dependsOn',
  healthcheck: 'healthcheck',
  networks: 'networks',
  environment: 'environment',
  restart: 'restart',
  command: 'command',
  logging: 'logging',
};

/**
 * Compose's merge of an override into a service, for the fields objectives
 * read: scalars are replaced, `environment` and `depends_on` merge by name,
 * `volumes` by target, `ports` and `networks` add up.
 */
function merge(base: ServiceView, override: ServiceView, keys: string[]): ServiceView {
  const merged: ServiceView = { ...base, keys: [...new Set([...base.keys, ...keys])] };
  const byKey = <T>(a: T[], b: T[], key: (item: T) => string): T[] => [...a.filter((x) => !b.some((y) => key(y) === key(x))), ...b];
  for (const key of keys) {
    switch (key) {
      case 'environment':
        merged.environment = byKey(base.environment, override.environment, (v) => v.name);
        break;
      case 'depends_on':
        merged.dependsOn = byKey(base.dependsOn, override.dependsOn, (d) => d.service);
        break;
      case 'volumes':
        merged.volumes = byKey(base.volumes, override.volumes, (v) => v.target);
        break;
      case 'ports':
        merged.ports = [...base.ports, ...override.ports];
        break;
      case 'networks':
        merged.networks = [...new Set([...base.networks, ...override.networks])];
        break;
      default: {
        const field = FIELD_OF_KEY[key];
        if (field) (merged as unknown as Record<string, unknown>)[field] = override[field];
      }
    }
  }
  return merged;
}

/** The variables of a `.env` text, as `docker compose` reads simple `NAME=value` lines. */
export function dotenvVariables(source: string | undefined): Map<string, string> {
  const variables = new Map<string, string>();
  for (const line of (source ?? '').split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    let value = match[2]!.trim();
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2]!;
    else value = value.replace(/\s+#.*$/, '');
    variables.set(match[1]!, value);
  }
  return variables;
}
