import type { Range } from '../types.ts';
import { asMap, asSeq, type LocatedMap, type LocatedScalar, type LocatedValue } from '../yaml/located.ts';
import type { SourcePositions } from '../yaml/parse-yaml.ts';
import type {
  Build,
  CommandLike,
  ComposeModel,
  ComposeService,
  Dependency,
  Deploy,
  EnvironmentVariable,
  Healthcheck,
  Located,
  LocatedText,
  Logging,
  ModelIssue,
  PortMapping,
  PortProtocol,
  ServiceNetwork,
  ServiceResourceRef,
  TopLevelResource,
  VolumeMount,
  VolumeType,
} from './model.ts';
import { parsePort } from './parse-port.ts';
import { parseVolume } from './parse-volume.ts';
import { failedCasts } from './typed-values.ts';
import { splitOutsideVariables } from './written-parts.ts';
import { byteSize, isByteSize, isDuration } from './units.ts';

/** One compose file's located tree, with what is needed to turn offsets into ranges. */
export interface ModelSource {
  file: string;
  positions: SourcePositions;
  root: LocatedValue | undefined;
}

const DURATION_KEYS = ['interval', 'timeout', 'start_period', 'start_interval'];
const SIZE_KEYS = ['mem_limit', 'mem_reservation', 'memswap_limit', 'shm_size'];

/** Reads one file's tree into model pieces; `issues` collects what compose would reject while loading. */
class FileReader {
  readonly file: string;
  readonly positions: SourcePositions;
  readonly issues: ModelIssue[];

  constructor(source: ModelSource, issues: ModelIssue[]) {
    this.file = source.file;
    this.positions = source.positions;
    this.issues = issues;
  }

  range(offsets: [number, number]): Range {
    return this.positions.range(offsets[0], offsets[1]);
  }

  at(value: LocatedValue): Located {
    return { file: this.file, range: this.range(value.range) };
  }

  text(value: LocatedValue | undefined): LocatedText | undefined {
    if (value?.kind !== 'scalar' || value.value === null) return undefined;
    return { value: String(value.value), written: written(value), ...this.at(value) };
  }

  issue(code: ModelIssue['code'], value: LocatedScalar, key: string): void {
    this.issues.push({ code, key, value: String(value.value), ...this.at(value) });
  }

  durations(map: LocatedMap | undefined, keys: readonly string[]): void {
    if (!map) return;
    for (const key of keys) {
      const value = map.entries.get(key)?.value;
      if (value?.kind === 'scalar' && typeof value.value === 'string' && !isDuration(value.value)) this.issue('invalid-duration', value, key);
    }
  }

  sizes(map: LocatedMap | undefined, keys: readonly string[]): void {
    if (!map) return;
    for (const key of keys) {
      const value = map.entries.get(key)?.value;
      if (value?.kind === 'scalar' && typeof value.value === 'string' && !isByteSize(value.value) && value.value !== '-1') this.issue('invalid-size', value, key);
    }
  }

  textList(value: LocatedValue | undefined): LocatedText[] {
    if (value?.kind === 'scalar') {
      const single = this.text(value);
      return single ? [single] : [];
    }
    return (asSeq(value)?.items ?? []).flatMap((item) => {
      const text = this.text(item);
      return text ? [text] : [];
    });
  }

  commandLike(value: LocatedValue | undefined): CommandLike | undefined {
    if (!value) return undefined;
    if (value.kind === 'scalar') return value.value === null ? undefined : { value: String(value.value), written: written(value), ...this.at(value) };
    const seq = asSeq(value);
    if (!seq) return undefined;
    return {
      value: seq.items.map((i) => (i.kind === 'scalar' ? String(i.value ?? '') : '')),
      written: seq.items.map((i) => (i.kind === 'scalar' && i.value !== null ? written(i) : '')),
      ...this.at(value),
    };
  }

  ports(value: LocatedValue | undefined): PortMapping[] {
    const out: PortMapping[] = [];
    for (const item of asSeq(value)?.items ?? []) {
      if (item.kind === 'scalar' && (typeof item.value === 'string' || typeof item.value === 'number')) {
        const raw = String(item.value);
        const parsed = parsePort(raw);
        if (!parsed) {
          this.issue('invalid-port', item, 'ports');
          continue;
        }
        // Host and container sides as written: the last two parts outside `${…}` (an IP may precede them).
        const text = written(item);
        const parts = splitOutsideVariables(text.replace(/\/(tcp|udp|sctp)$/, ''));
        const writtenSides = { published: parts.length > 1 ? parts[parts.length - 2] : undefined, target: parts[parts.length - 1] ?? '', text };
        out.push({ ...parsed, raw, written: writtenSides, ...this.at(item) });
      } else if (item.kind === 'map') {
        const target = this.text(item.entries.get('target')?.value);
        if (!target || !/^\d{1,5}(-\d{1,5})?$/.test(target.value)) {
          // compose: "services.web.ports.[0] is missing a target port" / invalid containerPort.
          this.issues.push({ code: 'invalid-port', key: 'target', value: target?.value ?? '', ...(target ?? this.at(item)) });
          continue;
        }
        const publishedText = this.text(item.entries.get('published')?.value);
        const published = publishedText?.value;
        const protocol = (this.text(item.entries.get('protocol')?.value)?.value ?? 'tcp') as PortProtocol;
        const hostIpText = this.text(item.entries.get('host_ip')?.value);
        const hostIp = hostIpText?.value;
        const raw = `${published ? `${published}:` : ''}${target.value}`;
        // The short syntax it stands for, as written: `127.0.0.1:${DB_PORT}:5432`.
        const writtenText = [hostIpText?.written, publishedText?.written ?? (hostIpText ? '' : undefined), target.written].filter((part) => part !== undefined).join(':');
        out.push({ target: target.value, published, protocol, hostIp, raw, written: { published: publishedText?.written, target: target.written, text: writtenText }, ...this.at(item) });
      }
    }
    return out;
  }

  volumes(value: LocatedValue | undefined): VolumeMount[] {
    const out: VolumeMount[] = [];
    for (const item of asSeq(value)?.items ?? []) {
      if (item.kind === 'scalar' && typeof item.value === 'string') {
        const parsed = parseVolume(item.value);
        if (!parsed) {
          this.issue('invalid-volume', item, 'volumes');
          continue;
        }
        const located = this.at(item);
        // The source is the start of the text (after an opening quote): exact unless escapes precede it.
        const quoted = item.style === 'QUOTE_DOUBLE' || item.style === 'QUOTE_SINGLE' ? 1 : 0;
        const sourceStart = item.range[0] + quoted;
        const sourceRange = parsed.source ? this.range([sourceStart, sourceStart + parsed.source.length]) : located.range;
        const text = written(item);
        const parts = splitOutsideVariables(text);
        const writtenParts = parts.length === 1 ? { source: undefined, target: parts[0]! } : { source: parts[0], target: parts[1]! };
        out.push({ ...parsed, raw: item.value, written: { ...writtenParts, text }, ...located, sourceRange });
      } else if (item.kind === 'map') {
        const type = (this.text(item.entries.get('type')?.value)?.value ?? 'volume') as VolumeType;
        const sourceValue = item.entries.get('source')?.value;
        const sourceText = this.text(sourceValue);
        const source = sourceText?.value;
        const targetText = this.text(item.entries.get('target')?.value);
        const target = targetText?.value ?? '';
        // compose: `invalid mount config for type "bind": field Source must not be empty`.
        if (type === 'bind' && !source) this.issues.push({ code: 'invalid-volume', key: 'source', value: '', ...this.at(item) });
        const readOnly = asScalar(item.entries.get('read_only')?.value)?.value === true;
        const located = this.at(item);
        out.push({
          type,
          source,
          target,
          readOnly,
          raw: `${source ?? ''}:${target}`,
          written: { source: sourceText?.written, target: targetText?.written ?? '', text: `${sourceText?.written ?? ''}:${targetText?.written ?? ''}` },
          ...located,
          sourceRange: sourceValue ? this.range(sourceValue.range) : located.range,
        });
      }
    }
    return out;
  }

  networks(value: LocatedValue | undefined): ServiceNetwork[] {
    if (value?.kind === 'seq') {
      return value.items.flatMap((item) => {
        const name = this.text(item);
        return name ? [{ name: name.value, aliases: [], ipv4Address: undefined, file: name.file, range: name.range }] : [];
      });
    }
    const map = asMap(value);
    if (!map) return [];
    return [...map.entries.values()].map((entry) => {
      const options = asMap(entry.value);
      return {
        name: entry.key,
        aliases: this.textList(options?.entries.get('aliases')?.value),
        ipv4Address: this.text(options?.entries.get('ipv4_address')?.value)?.value,
        file: this.file,
        range: this.range(entry.keyRange),
      };
    });
  }

  dependsOn(value: LocatedValue | undefined): Dependency[] {
    if (value?.kind === 'seq') {
      return value.items.flatMap((item) => {
        const name = this.text(item);
        return name
          ? [
              {
                service: name.value,
                condition: 'service_started',
                required: true,
                restart: false,
                shortSyntax: true,
                file: name.file,
                range: name.range,
                conditionRange: name.range,
              },
            ]
          : [];
      });
    }
    const map = asMap(value);
    if (!map) return [];
    return [...map.entries.values()].map((entry) => {
      const options = asMap(entry.value);
      const required = asScalar(options?.entries.get('required')?.value)?.value;
      const restart = asScalar(options?.entries.get('restart')?.value)?.value;
      const condition = this.text(options?.entries.get('condition')?.value);
      const range = this.range(entry.keyRange);
      return {
        service: entry.key,
        condition: condition?.value ?? 'service_started',
        conditionRange: condition?.range ?? range,
        required: required !== false,
        restart: restart === true,
        shortSyntax: false,
        file: this.file,
        range,
      };
    });
  }

  healthcheck(value: LocatedValue | undefined): Healthcheck | undefined {
    const map = asMap(value);
    if (!map) return undefined;
    this.durations(map, DURATION_KEYS);
    const retries = asScalar(map.entries.get('retries')?.value);
    return {
      test: this.commandLike(map.entries.get('test')?.value),
      interval: this.text(map.entries.get('interval')?.value),
      timeout: this.text(map.entries.get('timeout')?.value),
      startPeriod: this.text(map.entries.get('start_period')?.value),
      startInterval: this.text(map.entries.get('start_interval')?.value),
      retries:
        retries && (typeof retries.value === 'number' || typeof retries.value === 'string') ? { value: retries.value, ...this.at(retries) } : undefined,
      disable: asScalar(map.entries.get('disable')?.value)?.value === true,
      ...this.at(map),
    };
  }

  environment(value: LocatedValue | undefined): EnvironmentVariable[] {
    if (value?.kind === 'seq') {
      return value.items.flatMap((item): EnvironmentVariable[] => {
        if (item.kind !== 'scalar' || typeof item.value !== 'string') return [];
        const equals = item.value.indexOf('=');
        const writtenEquals = item.written?.indexOf('=') ?? -1;
        const located = this.at(item);
        return [
          {
            name: equals === -1 ? item.value : item.value.slice(0, equals),
            value: equals === -1 ? undefined : item.value.slice(equals + 1),
            raw: writtenEquals === -1 ? undefined : item.written!.slice(writtenEquals + 1),
            ...located,
            valueRange: located.range,
          },
        ];
      });
    }
    const map = asMap(value);
    if (!map) return [];
    return [...map.entries.values()].map((entry) => {
      const scalar = asScalar(entry.value);
      const v = scalar?.value;
      return {
        name: entry.key,
        value: v === null || v === undefined ? undefined : String(v),
        raw: scalar?.written ?? (v === null || v === undefined ? undefined : String(v)),
        file: this.file,
        range: this.range(entry.keyRange),
        valueRange: this.range(entry.value.range),
      };
    });
  }

  resourceRefs(value: LocatedValue | undefined): ServiceResourceRef[] {
    return (asSeq(value)?.items ?? []).flatMap((item): ServiceResourceRef[] => {
      if (item.kind === 'scalar') {
        const text = this.text(item);
        return text ? [{ source: text.value, target: undefined, file: text.file, range: text.range }] : [];
      }
      const map = asMap(item);
      const source = this.text(map?.entries.get('source')?.value);
      return source ? [{ source: source.value, target: this.text(map?.entries.get('target')?.value)?.value, file: source.file, range: source.range }] : [];
    });
  }

  service(name: string, keyRange: [number, number], value: LocatedValue): ComposeService {
    const map = asMap(value);
    const get = (key: string): LocatedValue | undefined => map?.entries.get(key)?.value;
    const located = { file: this.file, range: this.range(keyRange) };
    this.sizes(map, SIZE_KEYS);
    this.durations(map, ['stop_grace_period']);
    const buildValue = get('build');
    let build: Build | undefined;
    if (buildValue?.kind === 'scalar') build = { context: this.text(buildValue), dockerfile: undefined, ...this.at(buildValue) };
    else if (buildValue?.kind === 'map')
      build = { context: this.text(buildValue.entries.get('context')?.value), dockerfile: this.text(buildValue.entries.get('dockerfile')?.value), ...this.at(buildValue) };
    const loggingMap = asMap(get('logging'));
    let logging: Logging | undefined;
    if (loggingMap) {
      const options = new Map<string, LocatedText>();
      for (const [key, entry] of asMap(loggingMap.entries.get('options')?.value)?.entries ?? []) {
        const text = this.text(entry.value);
        if (text) options.set(key, text);
      }
      logging = { driver: this.text(loggingMap.entries.get('driver')?.value), options, ...this.at(loggingMap) };
    }
    const deployMap = asMap(get('deploy'));
    let deploy: Deploy | undefined;
    if (deployMap) {
      const restartPolicy = asMap(deployMap.entries.get('restart_policy')?.value);
      const resources = asMap(deployMap.entries.get('resources')?.value);
      const limits = asMap(resources?.entries.get('limits')?.value);
      this.durations(restartPolicy, ['delay', 'window']);
      this.durations(asMap(deployMap.entries.get('update_config')?.value), ['delay', 'monitor']);
      this.durations(asMap(deployMap.entries.get('rollback_config')?.value), ['delay', 'monitor']);
      this.sizes(limits, ['memory']);
      this.sizes(asMap(resources?.entries.get('reservations')?.value), ['memory']);
      const replicas = asScalar(deployMap.entries.get('replicas')?.value)?.value;
      // compose: "can't set distinct values on 'mem_limit' and 'deploy.resources.limits.memory'".
      const memLimit = asScalar(map?.entries.get('mem_limit')?.value);
      const deployMemory = asScalar(limits?.entries.get('memory')?.value);
      if (memLimit && deployMemory && (typeof memLimit.value === 'string' || typeof memLimit.value === 'number')) {
        const a = byteSize(memLimit.value);
        const b = typeof deployMemory.value === 'string' || typeof deployMemory.value === 'number' ? byteSize(deployMemory.value) : undefined;
        if (a !== undefined && b !== undefined && a !== b) this.issue('memory-conflict', deployMemory, 'memory');
      }
      deploy = {
        replicas: typeof replicas === 'number' ? replicas : undefined,
        restartPolicy: this.text(restartPolicy?.entries.get('condition')?.value),
        memoryLimit: this.text(limits?.entries.get('memory')?.value),
        ...this.at(deployMap),
      };
    }
    const envFileValue = get('env_file');
    const envFile =
      envFileValue?.kind === 'seq'
        ? envFileValue.items.flatMap((item) => {
            const text = item.kind === 'map' ? this.text(item.entries.get('path')?.value) : this.text(item);
            return text ? [text] : [];
          })
        : this.textList(envFileValue);
    return {
      name,
      ...located,
      sources: map ? [{ file: this.file, map }] : [],
      definitions: [located],
      wellFormed: map !== undefined,
      image: this.text(get('image')),
      build,
      extends: get('extends')?.kind === 'map' ? this.text(asMap(get('extends'))?.entries.get('service')?.value) : this.text(get('extends')),
      ports: this.ports(get('ports')),
      expose: this.textList(get('expose')),
      networks: this.networks(get('networks')),
      networkMode: this.text(get('network_mode')),
      dependsOn: this.dependsOn(get('depends_on')),
      healthcheck: this.healthcheck(get('healthcheck')),
      environment: this.environment(get('environment')),
      envFile,
      volumes: this.volumes(get('volumes')),
      restart: this.text(get('restart')),
      logging,
      command: this.commandLike(get('command')),
      entrypoint: this.commandLike(get('entrypoint')),
      containerName: this.text(get('container_name')),
      secrets: this.resourceRefs(get('secrets')),
      configs: this.resourceRefs(get('configs')),
      profiles: this.textList(get('profiles')),
      deploy,
    };
  }

  resources(value: LocatedValue | undefined): Map<string, TopLevelResource> {
    const out = new Map<string, TopLevelResource>();
    for (const [name, entry] of asMap(value)?.entries ?? []) {
      const options = asMap(entry.value);
      const fields = new Map<string, LocatedText>();
      for (const [key, field] of options?.entries ?? []) {
        const text = this.text(field.value);
        if (text) fields.set(key, text);
      }
      const external = options?.entries.get('external')?.value;
      const driverOptions = new Map<string, LocatedText>();
      for (const [key, option] of asMap(options?.entries.get('driver_opts')?.value)?.entries ?? []) {
        const text = this.text(option.value);
        if (text) driverOptions.set(key, text);
      }
      out.set(name, {
        name,
        external: (external?.kind === 'scalar' && external.value === true) || external?.kind === 'map',
        fields,
        driverOptions,
        file: this.file,
        range: this.range(entry.keyRange),
      });
    }
    return out;
  }
}

/** A scalar's text before interpolation (`yaml` keeps it for strings; other scalars are their value). */
function written(scalar: LocatedScalar): string {
  return scalar.written ?? String(scalar.value ?? '');
}

function asScalar(value: LocatedValue | undefined): LocatedScalar | undefined {
  return value?.kind === 'scalar' ? value : undefined;
}

function mergeBy<T>(base: T[], override: T[], key: (item: T) => string): T[] {
  const out = new Map<string, T>();
  for (const item of base) out.set(key(item), item);
  for (const item of override) out.set(key(item), item);
  return [...out.values()];
}

/**
 * compose's override rules for the keys we model
 * (https://docs.docker.com/reference/compose-file/merge/): scalars are
 * replaced, `ports`/`expose`/`env_file` appended, maps and keyed lists merged.
 */
function mergeService(base: ComposeService, override: ComposeService): ComposeService {
  const healthcheck =
    base.healthcheck && override.healthcheck
      ? {
          ...override.healthcheck,
          test: override.healthcheck.test ?? base.healthcheck.test,
          interval: override.healthcheck.interval ?? base.healthcheck.interval,
          timeout: override.healthcheck.timeout ?? base.healthcheck.timeout,
          startPeriod: override.healthcheck.startPeriod ?? base.healthcheck.startPeriod,
          startInterval: override.healthcheck.startInterval ?? base.healthcheck.startInterval,
          retries: override.healthcheck.retries ?? base.healthcheck.retries,
        }
      : (override.healthcheck ?? base.healthcheck);
  return {
    ...base,
    sources: [...base.sources, ...override.sources],
    definitions: [...base.definitions, ...override.definitions],
    wellFormed: base.wellFormed && override.wellFormed,
    image: override.image ?? base.image,
    build: override.build ?? base.build,
    extends: override.extends ?? base.extends,
    ports: mergeBy(base.ports, override.ports, (p) => `${p.hostIp ?? ''}:${p.published ?? ''}:${p.target}/${p.protocol}`),
    expose: mergeBy(base.expose, override.expose, (e) => e.value),
    networks: mergeBy(base.networks, override.networks, (n) => n.name),
    networkMode: override.networkMode ?? base.networkMode,
    dependsOn: mergeBy(base.dependsOn, override.dependsOn, (d) => d.service),
    healthcheck,
    environment: mergeBy(base.environment, override.environment, (e) => e.name),
    envFile: mergeBy(base.envFile, override.envFile, (e) => e.value),
    volumes: mergeBy(base.volumes, override.volumes, (v) => v.target),
    restart: override.restart ?? base.restart,
    logging: override.logging ?? base.logging,
    command: override.command ?? base.command,
    entrypoint: override.entrypoint ?? base.entrypoint,
    containerName: override.containerName ?? base.containerName,
    secrets: mergeBy(base.secrets, override.secrets, (s) => s.source),
    configs: mergeBy(base.configs, override.configs, (s) => s.source),
    profiles: override.profiles.length > 0 ? override.profiles : base.profiles,
    deploy: override.deploy ?? base.deploy,
  };
}

function mergeResources(into: Map<string, TopLevelResource>, from: Map<string, TopLevelResource>): void {
  for (const [name, resource] of from) {
    const previous = into.get(name);
    into.set(name, previous ? { ...previous, external: resource.external || previous.external, fields: new Map([...previous.fields, ...resource.fields]), driverOptions: new Map([...previous.driverOptions, ...resource.driverOptions]) } : resource);
  }
}

/** Builds the merged model of the project's compose files, in merge order. */
export function buildModel(sources: readonly ModelSource[]): { model: ComposeModel; issues: ModelIssue[] } {
  const issues: ModelIssue[] = [];
  const model: ComposeModel = {
    name: undefined,
    version: [],
    include: [],
    services: new Map(),
    networks: new Map(),
    volumes: new Map(),
    secrets: new Map(),
    configs: new Map(),
  };
  for (const source of sources) {
    const root = asMap(source.root);
    if (!root) continue;
    const reader = new FileReader(source, issues);
    for (const failure of failedCasts(root)) reader.issue(`invalid-${failure.kind}`, failure.scalar, failure.key);
    const name = reader.text(root.entries.get('name')?.value);
    if (name) model.name = name;
    const version = root.entries.get('version');
    const versionText = version ? reader.text(version.value) : undefined;
    if (version) {
      const keyRange = reader.range(version.keyRange);
      model.version.push(versionText ? { ...versionText, keyRange } : { value: '', written: '', file: source.file, range: keyRange, keyRange });
    }
    for (const item of asSeq(root.entries.get('include')?.value)?.items ?? []) {
      const path = item.kind === 'map' ? reader.text(item.entries.get('path')?.value) : reader.text(item);
      if (path) model.include.push(path);
    }
    for (const [serviceName, entry] of asMap(root.entries.get('services')?.value)?.entries ?? []) {
      const service = reader.service(serviceName, entry.keyRange, entry.value);
      const previous = model.services.get(serviceName);
      model.services.set(serviceName, previous ? mergeService(previous, service) : service);
    }
    mergeResources(model.networks, reader.resources(root.entries.get('networks')?.value));
    mergeResources(model.volumes, reader.resources(root.entries.get('volumes')?.value));
    mergeResources(model.secrets, reader.resources(root.entries.get('secrets')?.value));
    mergeResources(model.configs, reader.resources(root.entries.get('configs')?.value));
  }
  return { model, issues };
}
