// Which compose service runs which nginx file, and what that service can
// reach: the knowledge every compose↔nginx rule shares.
import type { ComposeModel, ComposeService } from '../compose/model.ts';
import { parseImage } from '../compose/image-reference.ts';
import type { NginxContext } from '../nginx/context.ts';
import type { CrossContext } from './context.ts';
import { dirname, isWithin, joinPath } from './posix-path.ts';

export interface NginxPlacement {
  nginx: NginxContext;
  service: ComposeService;
  /** Where the file sits in the container (`/etc/nginx/conf.d/default.conf`), when it is bind-mounted. */
  containerPath: string | undefined;
}

/** The compose project directory: `options.projectDirectory`, else the first compose file's folder, as Compose resolves relative paths. */
export function projectDirectory(context: Pick<CrossContext, 'compose' | 'options'>): string {
  return context.options.projectDirectory ?? dirname(context.compose?.files[0]?.path ?? '');
}

export function isNginxImage(service: ComposeService): boolean {
  const image = service.image?.value;
  return image !== undefined && ['nginx', 'nginx-unprivileged', 'openresty'].includes(parseImage(image).name);
}

/**
 * A container path nginx reads as configuration when the file is there
 * (`/etc/nginx/nginx.conf`, `*.conf`, a `*.template` to render): a project
 * file mounted on it is nginx configuration whatever its own name.
 */
export function isNginxConfigTarget(containerPath: string | undefined): boolean {
  return containerPath !== undefined && /^\/etc\/nginx\/(?:.+\.conf|.+\.template)$/.test(containerPath);
}

/** The first bind mount of an active service that puts the project file `path` in a container, and where. */
export function mountTargetOf(model: ComposeModel, base: string, path: string): { service: ComposeService; containerPath: string } | undefined {
  for (const service of model.services.values()) {
    for (const mount of service.volumes) {
      if (mount.type !== 'bind' || mount.source === undefined) continue;
      const source = joinPath(base, mount.source);
      if (isWithin(path, source)) return { service, containerPath: `${mount.target.replace(/\/$/, '')}${path.slice(source.length)}` };
    }
  }
  return undefined;
}

/**
 * Finds the service that runs an nginx file: first by bind mount (the file,
 * or a directory holding it, mounted into the container), then by build
 * context (a Dockerfile that copies it), then — when the project has exactly
 * one nginx service — that one. Undefined when nothing ties them.
 */
export function placeNginxFile(context: CrossContext, nginx: NginxContext): NginxPlacement | undefined {
  const model = context.compose?.model;
  if (!model) return undefined;
  const base = projectDirectory(context);
  const path = nginx.file.path;
  const mounted = mountTargetOf(model, base, path);
  if (mounted) return { nginx, service: mounted.service, containerPath: mounted.containerPath };
  for (const service of model.services.values()) {
    const buildContext = service.build?.context?.value;
    if (buildContext !== undefined && isWithin(path, joinPath(base, buildContext))) return { nginx, service, containerPath: undefined };
  }
  const nginxServices = [...model.services.values()].filter(isNginxImage);
  return nginxServices.length === 1 ? { nginx, service: nginxServices[0]!, containerPath: undefined } : undefined;
}

/** What the official image's nginx.conf includes (docker-nginx, mainline/debian/nginx.conf). */
const OFFICIAL_INCLUDES = ['/etc/nginx/mime.types', '/etc/nginx/conf.d/*.conf'];

/** nginx expands `include` patterns with glob(3): `*` and `?` stop at `/`. */
function globMatches(pattern: string, path: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${source}$`).test(path);
}

/**
 * Whether nginx in the container reads the file at all: the main file, a file
 * an `include` names (the official image's nginx.conf includes
 * `conf.d/*.conf`; a mounted nginx.conf replaces it), or a `*.template` of
 * /etc/nginx/templates that the entrypoint renders into such a file
 * (docker-nginx's 20-envsubst-on-templates.sh renders only `*.template`). A
 * file mounted in `sites-enabled/`, or named `site.txt` in conf.d, is never
 * read by the official image. True when the engine cannot know: the file is
 * not bind-mounted, or the image is not the official one.
 */
export function isLoadedByNginx(context: CrossContext, placement: NginxPlacement): boolean {
  const { service } = placement;
  let path = placement.containerPath;
  if (path === undefined || !isNginxImage(service)) return true;
  if (path.startsWith('/etc/nginx/templates/')) {
    if (!path.endsWith('.template') || !runsEntrypointScripts(service)) return false;
    path = `/etc/nginx/conf.d${path.slice('/etc/nginx/templates'.length, -'.template'.length)}`;
  }
  if (path === '/etc/nginx/nginx.conf') return true;
  const mounted = context.nginx.flatMap((nginx) => {
    const where = placeNginxFile(context, nginx);
    return where && where.service === service && where.containerPath !== undefined ? [{ nginx, containerPath: where.containerPath }] : [];
  });
  const patterns = mounted.some((m) => m.containerPath === '/etc/nginx/nginx.conf') ? [] : [...OFFICIAL_INCLUDES];
  for (const { nginx } of mounted) {
    for (const info of nginx.named('include')) {
      const value = info.node.args[0]?.value;
      if (value !== undefined) patterns.push(value.startsWith('/') ? value : `/etc/nginx/${value}`);
    }
  }
  return patterns.some((pattern) => globMatches(pattern, path!));
}

/**
 * The official image's docker-entrypoint.sh runs its scripts (templates
 * rendered by 20-envsubst-on-templates.sh) only when the command is `nginx`
 * or `nginx-debug`: `command: sh -c "… nginx"` or another entrypoint skips them.
 */
export function runsEntrypointScripts(service: ComposeService): boolean {
  const entrypoint = service.entrypoint?.value;
  if (entrypoint !== undefined && !(Array.isArray(entrypoint) ? entrypoint.join(' ') : entrypoint).includes('docker-entrypoint.sh')) return false;
  const command = service.command?.value;
  if (command === undefined) return true;
  const first = Array.isArray(command) ? command[0] : command.trim().split(/\s+/)[0];
  return first === 'nginx' || first === 'nginx-debug';
}

/** The networks a service joins; none declared means the project's `default` network. */
export function serviceNetworks(service: ComposeService): Set<string> {
  if (service.networkMode) return new Set();
  return new Set(service.networks.length ? service.networks.map((n) => n.name) : ['default']);
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * The strings of a list key (`links`, `extra_hosts`) across the files that
 * define the service, which Compose merges by union; the keys of the mapping
 * form (`extra_hosts: { host: ip }`).
 */
function listOf(service: ComposeService, key: string): string[] {
  const out: string[] = [];
  for (const source of service.sources) {
    const value = source.map.entries.get(key)?.value;
    if (value?.kind === 'seq') for (const item of value.items) if (item.kind === 'scalar' && item.value !== null) out.push(String(item.value));
    if (value?.kind === 'map') out.push(...value.entries.keys());
  }
  return out;
}

/**
 * The services a host name reaches from `from`, as Docker answers inside
 * its container:
 * - the embedded DNS, on a network both share: a service's name (Compose makes
 *   it a network alias of every container of the service), its
 *   `container_name`, its `aliases` on that network;
 * - `from`'s own `links` (`service:alias`), scoped to its container, its
 *   `extra_hosts` and its own `hostname` (its /etc/hosts): `local`.
 * Another service's `hostname` is not a DNS name on the network
 * (moby/moby#36333). `network_mode: host` or `none` leaves only `local`;
 * `network_mode: service:x` resolves as x does.
 * `named` lists every service answering to the name, shared network or not.
 */
export function resolveHost(model: ComposeModel, from: ComposeService, host: string): { named: ComposeService[]; reachable: ComposeService[]; local: boolean } {
  const shared = /^service:(.+)$/.exec(from.networkMode?.value ?? '')?.[1];
  const self = (shared !== undefined ? model.services.get(shared) : undefined) ?? from;
  const fromNetworks = serviceNetworks(self);
  const named: ComposeService[] = [];
  const reachable: ComposeService[] = [];
  for (const service of model.services.values()) {
    // Docker's DNS, like any resolver, ignores case: `API` finds the service `api`.
    const aliasNetworks = service.networks.filter((n) => n.aliases.some((alias) => same(alias.value, host))).map((n) => n.name);
    const byName = same(service.name, host) || (service.containerName !== undefined && same(service.containerName.value, host));
    if (!byName && aliasNetworks.length === 0) continue;
    named.push(service);
    const candidates = byName ? serviceNetworks(service) : new Set(aliasNetworks);
    if ([...candidates].some((network) => fromNetworks.has(network))) reachable.push(service);
  }
  const networked = fromNetworks.size > 0;
  const linked = networked && listOf(self, 'links').some((link) => {
    const [service, alias] = link.split(':');
    const target = model.services.get(service ?? '');
    return same(alias ?? service ?? '', host) && target !== undefined && [...serviceNetworks(target)].some((n) => fromNetworks.has(n));
  });
  const local =
    linked ||
    listOf(from, 'extra_hosts').some((entry) => same(entry.split(/[=:]/)[0]!, host)) ||
    from.sources.some((source) => {
      const hostname = source.map.entries.get('hostname')?.value;
      return hostname?.kind === 'scalar' && same(String(hostname.value), host);
    });
  return { named, reachable, local };
}

/** Ports the official images listen on when nothing else says. */
const IMAGE_DEFAULT_PORTS: Record<string, number[]> = {
  nginx: [80],
  'nginx-unprivileged': [8080],
  httpd: [80],
  postgres: [5432],
  mysql: [3306],
  mariadb: [3306],
  mongo: [27017],
  redis: [6379],
  valkey: [6379],
  memcached: [11211],
};

const PORT_VARIABLES = /^(PORT|API_PORT|HTTP_PORT|APP_PORT|SERVER_PORT|LISTEN_PORT)$/;

function portsOf(text: string): number[] {
  const range = /^(\d+)(?:-(\d+))?(?:\/\w+)?$/.exec(text.trim());
  if (!range) return [];
  const first = Number(range[1]);
  const last = range[2] === undefined ? first : Number(range[2]);
  return last - first > 1000 ? [first] : Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * The container ports a service is known to listen on: `expose`, the
 * container side of `ports`, an obvious variable (`PORT`, `API_PORT`…) and
 * the image's default. Empty when nothing tells (then no port rule fires).
 */
export function listeningPorts(service: ComposeService): Set<number> {
  const ports = new Set<number>();
  for (const exposed of service.expose) for (const p of portsOf(exposed.value)) ports.add(p);
  for (const mapping of service.ports) for (const p of portsOf(mapping.target)) ports.add(p);
  for (const variable of service.environment) {
    if (PORT_VARIABLES.test(variable.name) && variable.value !== undefined) for (const p of portsOf(variable.value)) ports.add(p);
  }
  const image = service.image?.value;
  if (image !== undefined) for (const p of IMAGE_DEFAULT_PORTS[parseImage(image).name] ?? []) ports.add(p);
  return ports;
}

/** The project path a container path comes from, through the service's bind mounts (longest target first). */
export function projectPathOf(context: CrossContext, service: ComposeService, containerPath: string): string | undefined {
  const base = projectDirectory(context);
  const mounts = service.volumes
    .filter((m) => m.type === 'bind' && m.source !== undefined)
    .sort((a, b) => b.target.length - a.target.length);
  for (const mount of mounts) {
    const target = mount.target.replace(/\/$/, '');
    if (isWithin(containerPath, target)) return joinPath(joinPath(base, mount.source!), containerPath.slice(target.length).replace(/^\//, ''));
  }
  return undefined;
}
