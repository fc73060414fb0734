import type { CheckResult } from '../engine/check.ts';
import { buildModel } from '../engine/compose/build-model.ts';
import { parseEnvFile } from '../engine/compose/env-file.ts';
import type { ComposeModel, ComposeService, LocatedText } from '../engine/compose/model.ts';
import { toPlain } from '../engine/yaml/located.ts';

// The few facts about the compose project that objectives ask about, read
// from the engine's compose model (`src/engine/compose/model.ts`): the same
// parse of ports, volumes, environment and dependencies, the same merge of
// overrides as every rule. Objectives judge what the learner WROTE
// (`"${HTTP_PORT:-8080}:80"`, `$${POSTGRES_USER}`), which the model keeps
// next to each interpolated value (`written`). Predicates only see this view:
// a change of source stays in this file.

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
const written = (value: LocatedText | undefined): string | undefined => value?.written;

function service(model: ComposeService): ServiceView {
  const keys = new Set<string>();
  for (const source of model.sources) for (const key of source.map.entries.keys()) keys.add(key);
  const healthcheck = model.healthcheck;
  return {
    name: model.name,
    image: written(model.image),
    containerName: written(model.containerName),
    ports: model.ports.map((p) => ({ raw: p.written.text, published: p.written.published, target: p.written.target })),
    // A long form without target (a tmpfs written half-way) mounts nothing yet.
    volumes: model.volumes.flatMap((v) => (v.written.target === '' ? [] : [{ raw: v.written.text, source: v.written.source, target: v.written.target, readOnly: v.readOnly }])),
    dependsOn: model.dependsOn.map((d) => ({ service: d.service, condition: d.condition })),
    healthcheck: healthcheck ? { test: healthcheck.test?.written, disable: healthcheck.disable } : undefined,
    networks: model.networks.map((n) => n.name),
    environment: model.environment.map((e) => ({ name: e.name, raw: e.raw })),
    restart: written(model.restart),
    command: model.command?.written,
    logging: model.logging
      ? { driver: written(model.logging.driver), options: Object.fromEntries([...model.logging.options].map(([key, value]) => [key, value.written])) }
      : undefined,
    keys: [...keys],
  };
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
  const compose = result.compose;
  const documents = compose?.documents.filter((d) => onlyFile === undefined || d.file.path === onlyFile);
  if (!compose || !documents || documents.length === 0) return undefined;
  // A file yaml cannot read gives no view: objectives wait for a readable file.
  if (documents.some((d) => d.issues.some((issue) => issue.severity === 'error'))) return undefined;
  if (documents.some((d) => d.root !== undefined && d.root.kind !== 'map' && !(d.root.kind === 'scalar' && d.root.value === null))) return undefined;
  // The project's model, services of inactive profiles included (a lesson's tools
  // profile is still the learner's work); one file alone is that file's model.
  const model: ComposeModel =
    onlyFile === undefined
      ? compose.model
      : buildModel(documents.map((d) => ({ file: d.file.path, positions: d.positions, root: d.root }))).model;
  const services = new Map<string, ServiceView>();
  for (const [name, definition] of model.services) if (definition.wellFormed) services.set(name, service(definition));
  if (onlyFile === undefined) for (const [name, definition] of compose.inactiveServices) if (definition.wellFormed) services.set(name, service(definition));
  const view: ComposeView = {
    hasVersion: model.version.length > 0,
    name: written(model.name),
    extensions: new Map(),
    services,
    networks: new Map(),
    volumes: new Map(),
    secrets: new Map(),
  };
  // Extension fields and the top-level resources' own keys, as written (the located tree's values, anchors resolved).
  for (const { root } of documents) {
    if (root?.kind !== 'map') continue;
    for (const [key, entry] of root.entries) {
      if (key.startsWith('x-')) view.extensions.set(key, toPlain(entry.value, 'written'));
      const target = key === 'networks' ? view.networks : key === 'volumes' ? view.volumes : key === 'secrets' ? view.secrets : undefined;
      const resources = target && toPlain(entry.value, 'written');
      if (target && isPlain(resources)) for (const [name, body] of Object.entries(resources)) target.set(name, isPlain(body) ? { ...target.get(name), ...body } : (target.get(name) ?? {}));
    }
  }
  return view;
}

/** The variables of a `.env` text, read as `docker compose` reads it (the engine's env-file reader). */
export function dotenvVariables(source: string | undefined): Map<string, string> {
  return new Map(parseEnvFile(source ?? '').entries.map((entry) => [entry.name, entry.value]));
}
