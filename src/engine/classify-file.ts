import type { FileKind } from './types.ts';

const COMPOSE_NAME = /^(docker-)?(compose|stack)(\.[\w.-]+)?\.ya?ml$/;
const NGINX_NAME = /\.conf(\.template)?$/;

function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? path : path.slice(slash + 1);
}

/**
 * Decides which parser a project file goes to, from its name alone: the same
 * names `docker compose` looks for (compose.yaml, compose.override.yaml,
 * docker-compose.yml, compose.prod.yaml ...), the stack files of
 * `docker stack deploy` (stack.yaml, docker-stack.yml), the `.env` it reads, and nginx's
 * `*.conf` plus the official image's `templates/*.conf.template`.
 */
export function classifyFile(path: string): FileKind {
  const name = baseName(path);
  if (COMPOSE_NAME.test(name)) return 'compose';
  if (name === '.env') return 'env';
  if (NGINX_NAME.test(name)) return 'nginx';
  return 'other';
}

/** Base compose file first, then overrides in name order, as `docker compose` merges them. */
export function composeFileOrder(a: string, b: string): number {
  const rank = (path: string): number => (/^(docker-)?(compose|stack)\.ya?ml$/.test(baseName(path)) ? 0 : 1);
  return rank(a) - rank(b) || a.localeCompare(b);
}
