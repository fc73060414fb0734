// The host names an nginx file makes the proxy connect to, with their ports.
import type { ComposeService } from '../compose/model.ts';
import type { NginxContext } from '../nginx/context.ts';
import type { Range } from '../types.ts';
import type { CrossContext } from './context.ts';
import { isLoadedByNginx, placeNginxFile, resolveHost, type NginxPlacement } from './nginx-services.ts';

export interface ProxyTarget {
  host: string;
  port: number;
  /** The word holding the address (`api:3000`, `http://api:3000/`). */
  range: Range;
  file: string;
  /**
   * An upstream `server … resolve;`: nginx resolves the name while it runs
   * (with the `resolver` it is given), not when it loads, so an unknown name
   * does not stop `nginx -t` (nginx docs, ngx_http_upstream_module `resolve`).
   */
  resolvedAtRunTime?: boolean;
  /** A `resolver` address: a DNS server, whose port is not a service's HTTP port. */
  dns?: boolean;
}

// An IPv6 literal keeps its brackets (`http://[::1]:3000`), so that it is recognised as an IP.
const URL = /^(https?|grpcs?):\/\/(\[[^\]/]*\]|[^/:?#]+)(?::(\d+))?/;
const HOST_PORT = /^([^:/]+)(?::(\d+))?$/;
const IP_LITERAL = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9A-Fa-f:.]+\])$/;

/**
 * Only single-label names can be compose services to check: an IP, a dotted
 * name (`example.com`, `host.docker.internal`) or `localhost` is left alone,
 * and a `$variable` is resolved at run time, not at load.
 */
function isServiceCandidate(host: string): boolean {
  return !IP_LITERAL.test(host) && !host.includes('.') && host !== 'localhost' && !host.includes('$');
}

/** `upstream` names defined in any nginx file of the project (conf.d files use those of nginx.conf). */
export function upstreamNames(files: readonly NginxContext[]): Set<string> {
  const names = new Set<string>();
  for (const file of files) for (const info of file.named('upstream')) {
    const name = info.node.args[0]?.value;
    if (name !== undefined) names.add(name.toLowerCase());
  }
  return names;
}

/** The FastCGI, uwsgi and SCGI addresses: `host:port` (uwsgi also `uwsgi://`/`suwsgi://`), resolved at load like `proxy_pass`. */
const PASS_ADDRESS = /^(?:s?uwsgi:\/\/)?([^:/]+)(?::(\d+))?$/;
const PASS_DIRECTIVES = ['fastcgi_pass', 'uwsgi_pass', 'scgi_pass'];

/** Every `server` of an `upstream` and every `proxy_pass`/`grpc_pass`/`fastcgi_pass`/`uwsgi_pass`/`scgi_pass` host that is not an upstream name. */
export function proxyTargets(nginx: NginxContext, upstreams: ReadonlySet<string>, substitute: (text: string) => string = (text) => text): ProxyTarget[] {
  const targets: ProxyTarget[] = [];
  for (const info of nginx.named('server')) {
    if (info.node.kind !== 'directive' || info.path.at(-1)?.name !== 'upstream') continue;
    const address = info.node.args[0];
    const match = address && HOST_PORT.exec(substitute(address.value));
    if (!address || !match || address.value.startsWith('unix:')) continue;
    const host = match[1]!;
    const resolvedAtRunTime = info.node.args.slice(1).some((arg) => arg.value === 'resolve');
    if (isServiceCandidate(host)) targets.push({ host, port: Number(match[2] ?? 80), range: address.range, file: nginx.file.path, ...(resolvedAtRunTime ? { resolvedAtRunTime } : {}) });
  }
  for (const name of PASS_DIRECTIVES) {
    for (const info of nginx.named(name)) {
      if (info.inGeneric) continue;
      const address = info.node.args[0];
      const match = address && PASS_ADDRESS.exec(substitute(address.value));
      if (!address || !match || address.value.startsWith('unix:')) continue;
      const host = match[1]!;
      if (upstreams.has(host.toLowerCase()) || !isServiceCandidate(host)) continue;
      // Without a port nginx refuses the address itself ("no port in upstream"): that is the nginx rules' business, not a service's port.
      if (match[2] === undefined) continue;
      targets.push({ host, port: Number(match[2]), range: address.range, file: nginx.file.path });
    }
  }
  // `resolver dns valid=30s;`: nginx resolves the server's own name when it loads ("host not found in resolver").
  for (const info of nginx.named('resolver')) {
    if (info.inGeneric) continue;
    for (const address of info.node.args) {
      const match = HOST_PORT.exec(substitute(address.value));
      if (!match || address.value.includes('=')) continue;
      const host = match[1]!;
      if (isServiceCandidate(host)) targets.push({ host, port: Number(match[2] ?? 53), range: address.range, file: nginx.file.path, dns: true });
    }
  }
  for (const name of ['proxy_pass', 'grpc_pass']) {
    for (const info of nginx.named(name)) {
      if (info.inGeneric) continue;
      const address = info.node.args[0];
      const value = address && substitute(address.value);
      // In `stream {}`, `proxy_pass db:5432;` has no scheme (ngx_stream_proxy_module); it is resolved at load too.
      const inStream = info.context?.startsWith('stream') === true;
      const stream = address && inStream && name === 'proxy_pass' ? HOST_PORT.exec(value!) : null;
      if (address && stream && stream[2] !== undefined && !upstreams.has(stream[1]!.toLowerCase()) && isServiceCandidate(stream[1]!)) {
        targets.push({ host: stream[1]!, port: Number(stream[2]), range: address.range, file: nginx.file.path });
        continue;
      }
      const match = address && URL.exec(value!);
      if (!address || !match) continue;
      const host = match[2]!;
      if (upstreams.has(host.toLowerCase()) || !isServiceCandidate(host)) continue;
      const scheme = match[1]!;
      const port = Number(match[3] ?? (scheme.endsWith('s') ? 443 : 80));
      targets.push({ host, port, range: address.range, file: nginx.file.path });
    }
  }
  return targets;
}

/**
 * `proxy_pass http://client:8080;` where `client` names an `upstream` block:
 * nginx refuses it at load (« upstream "client" may not have port 8080 »),
 * the port belongs to the upstream's `server` lines.
 */
export function upstreamsGivenAPort(nginx: NginxContext, upstreams: ReadonlySet<string>): ProxyTarget[] {
  const targets: ProxyTarget[] = [];
  for (const name of ['proxy_pass', 'grpc_pass']) {
    for (const info of nginx.named(name)) {
      if (info.inGeneric) continue;
      const address = info.node.args[0];
      const match = address && URL.exec(address.value);
      if (!address || !match || match[3] === undefined || !upstreams.has(match[2]!.toLowerCase())) continue;
      targets.push({ host: match[2]!, port: Number(match[3]), range: address.range, file: nginx.file.path });
    }
  }
  return targets;
}

/** A proxy target with the service running its nginx file and the services its host name reaches. */
export interface ResolvedTarget {
  target: ProxyTarget;
  /** The compose service running the nginx file (the proxy). */
  proxy: ComposeService;
  /** Services answering to the host name, on any network. */
  named: ComposeService[];
  /** Those of `named` on a network the proxy shares. */
  reachable: ComposeService[];
  /** The proxy resolves the name by itself: its own `links` alias, `extra_hosts` or `hostname`. */
  local: boolean;
}

/**
 * Every host an nginx file of the project proxies to, for the files a compose
 * service runs, resolved the way Docker's DNS would from that service. The
 * proxy rules differ only in which of these they report.
 */
export function resolvedProxyTargets(context: CrossContext): ResolvedTarget[] {
  const known = resolvedByContext.get(context);
  if (known) return known;
  const resolved = resolve(context);
  resolvedByContext.set(context, resolved);
  return resolved;
}

/**
 * The official image renders `/etc/nginx/templates/*.template` with envsubst
 * of the container's variables (20-envsubst-on-templates.sh): in such a file,
 * `${API_HOST}` is the service's `environment` value. Other variables stay
 * as written (then nginx reads them as its own variables, resolved per request).
 */
function templateSubstitution(placement: NginxPlacement): ((text: string) => string) | undefined {
  const path = placement.containerPath;
  if (path === undefined || !path.startsWith('/etc/nginx/templates/') || !path.endsWith('.template')) return undefined;
  const environment = new Map(placement.service.environment.flatMap((v) => (v.value === undefined ? [] : [[v.name, v.value] as const])));
  return (text) => text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (all, braced: string | undefined, bare: string | undefined) => environment.get(braced ?? bare!) ?? all);
}

/** One resolution per check: the three proxy rules read the same list. */
const resolvedByContext = new WeakMap<CrossContext, ResolvedTarget[]>();

function resolve(context: CrossContext): ResolvedTarget[] {
  const model = context.compose?.model;
  if (!model) return [];
  const upstreams = upstreamNames(context.nginx);
  const resolved: ResolvedTarget[] = [];
  for (const nginx of context.nginx) {
    const placement = placeNginxFile(context, nginx);
    // A file nginx never reads resolves nothing (nginx-config-not-loaded says so).
    if (!placement || !isLoadedByNginx(context, placement)) continue;
    for (const target of proxyTargets(nginx, upstreams, templateSubstitution(placement))) {
      resolved.push({ target, proxy: placement.service, ...resolveHost(model, placement.service, target.host) });
    }
  }
  return resolved;
}
