/** An image reference split as Docker reads it: `[registry/][namespace/]name[:tag][@digest]`. */
export interface ImageReference {
  /** Path without registry: `node`, `library/node`, `bitnami/redis`. */
  repository: string;
  /** Last path segment, lower-case: `node`, `redis`. */
  name: string;
  /** True for Docker Hub official images (`node`, `library/node`, `docker.io/library/node`). */
  official: boolean;
  tag: string | undefined;
  digest: string | undefined;
}

/**
 * Parsed references by text: a large file names the same few images over and
 * over, and several rules ask for each service's. Cleared when it grows, so
 * a long editing session cannot make it grow without bound.
 */
const parsed = new Map<string, Readonly<ImageReference>>();

export function parseImage(reference: string): Readonly<ImageReference> {
  const known = parsed.get(reference);
  if (known) return known;
  if (parsed.size > 2000) parsed.clear();
  const result = Object.freeze(splitImage(reference));
  parsed.set(reference, result);
  return result;
}

function splitImage(reference: string): ImageReference {
  let rest = reference.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  // A first part with a dot, a colon or `localhost` is a registry host.
  const first = parts[0] ?? '';
  const hasRegistry = parts.length > 1 && (/[.:]/.test(first) || first === 'localhost');
  const registry = hasRegistry ? first : undefined;
  const path = hasRegistry ? parts.slice(1) : parts;
  const repository = path.join('/');
  const official = (registry === undefined || registry === 'docker.io') && (path.length === 1 || (path.length === 2 && path[0] === 'library'));
  return { repository, name: (path[path.length - 1] ?? '').toLowerCase(), official, tag: tag || undefined, digest };
}

/** The image families the good-practice rules reason about. */
export const DATABASE_IMAGES = new Set(['postgres', 'postgis', 'mysql', 'mariadb', 'mongo', 'mongodb']);
export const CACHE_IMAGES = new Set(['redis', 'valkey', 'memcached', 'keydb']);
export const PROXY_IMAGES = new Set(['nginx', 'traefik', 'caddy', 'haproxy', 'openresty', 'nginx-unprivileged']);
