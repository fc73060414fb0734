import type { NginxNode } from '../../nginx/ast.ts';
import type { NginxRule } from '../catalogue.ts';

const ZONE_DIRECTIVES: ReadonlyMap<string, string> = new Map([
  ['limit_req_zone', 'zone='],
  ['limit_conn_zone', 'zone='],
  ['proxy_cache_path', 'keys_zone='],
  ['fastcgi_cache_path', 'keys_zone='],
  ['uwsgi_cache_path', 'keys_zone='],
  ['scgi_cache_path', 'keys_zone='],
]);

/**
 * Shared-memory zones and cache directories are global to `http`: nginx
 * rejects a second `limit_req_zone … zone=api` ("is already bound") or a
 * second cache on the same path ("the same path name … used in").
 */
export const duplicateZone: NginxRule = {
  id: 'nginx-duplicate-zone',
  kind: 'nginx',
  severity: 'error',
  messages: {
    zone: 'La zone «\u00a0{{zone}}\u00a0» est déjà déclarée ligne {{line}}\u00a0: chaque zone de mémoire partagée doit avoir un nom unique.',
    path: 'Le répertoire de cache «\u00a0{{path}}\u00a0» est déjà utilisé ligne {{line}}\u00a0: chaque cache a besoin de son propre répertoire.',
  },
  docs: {
    title: 'Zone ou répertoire de cache déclaré deux fois',
    what: 'Deux `limit_req_zone`, `limit_conn_zone` ou `proxy_cache_path` qui déclarent la même zone, ou deux caches dans le même répertoire.',
    why: 'Ces déclarations valent pour tout le bloc `http` (donc pour tous les fichiers de `conf.d/`)\u00a0: nginx refuse la configuration si un nom ou un chemin est repris.',
    howToFix: 'Déclarez chaque zone une seule fois (par exemple dans `conf.d/zones.conf`) et réutilisez son nom dans les `limit_req` / `proxy_cache` des différents serveurs.',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [
      { files: { 'nginx/conf.d/default.conf': 'limit_req_zone $binary_remote_addr zone=api:10m rate=10r/s;\nlimit_req_zone $binary_remote_addr zone=login:1m rate=1r/s;\n' } },
      {
        name: 'un répertoire écrit avec et sans / final (nginx compare le texte)',
        files: { 'nginx/conf.d/default.conf': 'proxy_cache_path /var/cache/nginx/ keys_zone=a:10m;\nproxy_cache_path /var/cache/nginx keys_zone=b:10m;\n' },
      },
    ],
    invalid: [
      {
        files: { 'nginx/conf.d/default.conf': 'limit_req_zone $binary_remote_addr zone=api:10m rate=10r/s;\nlimit_req_zone $binary_remote_addr zone=api:10m rate=10r/s;\n' },
        errors: [{ messageId: 'zone', line: 2, column: 1, data: { zone: 'api', line: 1 } }],
      },
      {
        files: { 'nginx/conf.d/default.conf': 'proxy_cache_path /var/cache/nginx keys_zone=a:10m;\nproxy_cache_path /var/cache/nginx keys_zone=b:10m;\n' },
        errors: [{ messageId: 'path', line: 2, column: 1, data: { path: '/var/cache/nginx', line: 1 } }],
      },
      {
        name: 'le même nom pour deux sortes de zones',
        files: { 'nginx/conf.d/default.conf': 'limit_req_zone $binary_remote_addr zone=api:10m rate=10r/s;\nlimit_conn_zone $binary_remote_addr zone=api:10m;\n' },
        errors: [{ messageId: 'zone', line: 2, column: 1, data: { zone: 'api', line: 1 } }],
      },
      {
        name: 'deux caches du même nom, signalés dans l’ordre du fichier',
        files: { 'nginx/conf.d/default.conf': 'fastcgi_cache_path /var/cache/nginx/php keys_zone=cache:10m;\nproxy_cache_path /var/cache/nginx/api keys_zone=cache:10m;\n' },
        errors: [{ messageId: 'zone', line: 2, column: 1, data: { zone: 'cache', line: 1 } }],
      },
    ],
  },
  check(context, report) {
    const zones = new Map<string, NginxNode>();
    const paths = new Map<string, NginxNode>();
    const declarations = [...ZONE_DIRECTIVES.keys()].flatMap((name) => context.named(name)).sort((a, b) => a.node.nameRange.start.line - b.node.nameRange.start.line);
    for (const info of declarations) {
      const { node } = info;
      const prefix = ZONE_DIRECTIVES.get(node.name)!;
      if (node.kind !== 'directive' || info.inGeneric || info.context !== 'http') continue;
      const zoneArg = node.args.find((arg) => arg.value.startsWith(prefix));
      const zone = zoneArg?.value.slice(prefix.length).split(':')[0];
      if (zone) {
        // One namespace for every shared-memory zone: `zone=api` of limit_req_zone and of limit_conn_zone clash
        // too (« already declared for a different use », nginx 1.30 -t).
        const first = zones.get(zone);
        if (first) report({ messageId: 'zone', data: { zone, line: first.nameRange.start.line }, file: context.file.path, range: node.nameRange });
        else zones.set(zone, node);
      }
      if (node.name.endsWith('_cache_path')) {
        // nginx compares the paths as written: `/var/cache/nginx/` and `/var/cache/nginx` pass `nginx -t` (1.30).
        const path = node.args[0]?.value;
        if (path === undefined || path.includes('$')) continue;
        const first = paths.get(path);
        if (first && first !== node) report({ messageId: 'path', data: { path, line: first.nameRange.start.line }, file: context.file.path, range: node.nameRange });
        else paths.set(path, node);
      }
    }
  },
};
