/**
 * The typed compose model: what `docker compose config` would print, merged
 * over the project's compose files (base first, then overrides), with
 * variables interpolated, and every item still pointing at the YAML node it
 * came from (`file` + `range`), so rules, lesson objectives and the service
 * graph can underline it.
 *
 * Items are kept even when they are partly invalid (a port that does not
 * parse keeps its `raw` text); the problems themselves are listed in
 * `ComposeContext.modelIssues`, reported by the semantic rules.
 */
import type { Range } from '../types.ts';
import type { LocatedMap } from '../yaml/located.ts';

/** Where an item was written: the project-relative file and the 1-based range of its node. */
export interface Located {
  file: string;
  range: Range;
}

/** A scalar after interpolation, with the range of the value as written. */
export interface LocatedText extends Located {
  value: string;
  /** The text before interpolation (`${HTTP_PORT:-8080}`), what lesson objectives judge. */
  written: string;
}

export type PortProtocol = 'tcp' | 'udp' | 'sctp';

/** One entry of `ports`, short (`"127.0.0.1:8080:80/tcp"`) or long syntax, expanded per port of a range. */
export interface PortMapping extends Located {
  /** Host port or range as written (`"8080"`, `"8000-8010"`); undefined when only the container port is given. */
  published: string | undefined;
  /** Container port or range (`"80"`). */
  target: string;
  protocol: PortProtocol;
  /** Host IP the port binds to; undefined means every interface. */
  hostIp: string | undefined;
  /** The text after interpolation, for messages. */
  raw: string;
  /** Host and container sides before interpolation (`${HTTP_PORT:-8080}`), and the whole entry. */
  written: { published: string | undefined; target: string; text: string };
}

export type VolumeType = 'volume' | 'bind' | 'tmpfs' | 'npipe' | 'cluster' | 'image';

/** One entry of a service's `volumes`. */
export interface VolumeMount extends Located {
  type: VolumeType;
  /** Named volume, host path, or undefined for an anonymous volume / tmpfs. */
  source: string | undefined;
  target: string;
  readOnly: boolean;
  raw: string;
  /** Source and target before interpolation, and the whole entry. */
  written: { source: string | undefined; target: string; text: string };
  /** Range of the `source` part when it can be told apart (long syntax). */
  sourceRange: Range;
}

export type DependencyCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully';

export interface Dependency extends Located {
  service: string;
  condition: DependencyCondition | string;
  required: boolean;
  restart: boolean;
  /** True when written as a list (`depends_on: [db]`), which means `service_started`. */
  shortSyntax: boolean;
  /** Range of the `condition` value when written, else the dependency's name. */
  conditionRange: Range;
}

export interface ServiceNetwork extends Located {
  name: string;
  aliases: LocatedText[];
  ipv4Address: string | undefined;
}

/** `command`, `entrypoint`, `healthcheck.test`: a string (shell form) or a list. */
export interface CommandLike extends Located {
  value: string | string[];
  /** Before interpolation. */
  written: string | string[];
}

export interface Healthcheck extends Located {
  /** `test`: a string (shell form) or a list (`["CMD", ...]`). */
  test: CommandLike | undefined;
  interval: LocatedText | undefined;
  timeout: LocatedText | undefined;
  startPeriod: LocatedText | undefined;
  startInterval: LocatedText | undefined;
  retries: (Located & { value: number | string }) | undefined;
  disable: boolean;
}

/** A variable of `environment`. `value` is undefined for `- NAME` (taken from the shell). */
export interface EnvironmentVariable extends Located {
  name: string;
  value: string | undefined;
  /** The value before interpolation, as written in the file. */
  raw: string | undefined;
  /** Range of the value (or of the whole `NAME=value` item in list form). */
  valueRange: Range;
}

export interface ServiceResourceRef extends Located {
  /** The top-level secret or config it uses. */
  source: string;
  target: string | undefined;
}

export interface Logging extends Located {
  driver: LocatedText | undefined;
  options: Map<string, LocatedText>;
}

export interface Build extends Located {
  context: LocatedText | undefined;
  dockerfile: LocatedText | undefined;
}

export interface Deploy extends Located {
  replicas: number | undefined;
  restartPolicy: LocatedText | undefined;
  memoryLimit: LocatedText | undefined;
}

export interface ComposeService extends Located {
  /** `range` is the service's key (`api:`) in the first file that defines it. */
  name: string;
  /**
   * The located maps the service was merged from, base file first: rules on
   * keys the model does not type (compose-go's load-time checks on `scale`,
   * `develop`, `tmpfs`…) read them here instead of parsing again.
   */
  sources: ServiceSource[];
  /** Every file/key that defines or overrides the service, base file first. */
  definitions: Located[];
  /** False when the service's value is not a mapping (`api:` alone, a list…): the schema rule reports it, other rules skip it. */
  wellFormed: boolean;
  image: LocatedText | undefined;
  build: Build | undefined;
  /** `extends` (the service it inherits from, maybe in another file): its keys are not merged into this model. */
  extends: LocatedText | undefined;
  ports: PortMapping[];
  expose: LocatedText[];
  /** Declared networks; empty means the project's `default` network (unless `networkMode` is set). */
  networks: ServiceNetwork[];
  networkMode: LocatedText | undefined;
  dependsOn: Dependency[];
  healthcheck: Healthcheck | undefined;
  environment: EnvironmentVariable[];
  envFile: LocatedText[];
  volumes: VolumeMount[];
  restart: LocatedText | undefined;
  logging: Logging | undefined;
  command: CommandLike | undefined;
  entrypoint: CommandLike | undefined;
  containerName: LocatedText | undefined;
  secrets: ServiceResourceRef[];
  configs: ServiceResourceRef[];
  profiles: LocatedText[];
  deploy: Deploy | undefined;
}

export interface ServiceSource {
  file: string;
  map: LocatedMap;
}

/** A top-level `networks`, `volumes`, `secrets` or `configs` entry. */
export interface TopLevelResource extends Located {
  name: string;
  external: boolean;
  /** `driver`, `file`, `environment`, `name`… as plain strings, for rules that need them. */
  fields: Map<string, LocatedText>;
  /** `driver_opts`, values as plain strings (`com.docker.network.bridge.name: br-app`). */
  driverOptions: Map<string, LocatedText>;
}

export interface ComposeModel {
  name: LocatedText | undefined;
  /** The obsolete top-level `version`, one per file that has it. */
  version: (LocatedText & { keyRange: Range })[];
  /**
   * Top-level `include:` entries. Their files are not part of the model, so
   * reference rules (unknown service, undefined network…) stay quiet when
   * there is any: the name may be defined there.
   */
  include: LocatedText[];
  /** In declaration order. */
  services: Map<string, ComposeService>;
  networks: Map<string, TopLevelResource>;
  volumes: Map<string, TopLevelResource>;
  secrets: Map<string, TopLevelResource>;
  configs: Map<string, TopLevelResource>;
}

/** A problem found while reading the model (what `docker compose config` would reject while loading). */
export type ModelIssueCode =
  | 'invalid-port'
  | 'invalid-volume'
  | 'invalid-duration'
  | 'invalid-size'
  | 'memory-conflict'
  | 'invalid-int'
  | 'invalid-float'
  | 'invalid-bool';

export interface ModelIssue extends Located {
  code: ModelIssueCode;
  /** The offending text. */
  value: string;
  /** The key it belongs to (`interval`, `mem_limit`…), for messages. */
  key: string;
}
