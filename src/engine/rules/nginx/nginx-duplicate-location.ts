import type { NginxBlock } from '../../nginx/ast.ts';
import type { NginxRule } from '../catalogue.ts';

/**
 * nginx compares prefix and exact locations of one level
 * (`ngx_http_join_exact_locations`): two exact ones, or two prefix ones
 * (`^~` or none), with the same path clash. Regex and named locations are never compared.
 */
function locationKey(block: NginxBlock): string | undefined {
  const [first, second] = block.args;
  if (!first) return undefined;
  if (block.args.length === 1) {
    // nginx does not compare named locations (`@fallback`): a second one is silently ignored.
    if (first.value.startsWith('@')) return undefined;
    if (first.value.startsWith('=')) return first.value.length > 1 ? `exact ${first.value.slice(1)}` : undefined;
    if (first.value.startsWith('~')) return undefined;
    if (first.value.startsWith('^~')) return first.value.length > 2 ? `prefix ${first.value.slice(2)}` : undefined;
    return `prefix ${first.value}`;
  }
  if (!second) return undefined;
  if (first.value === '=') return `exact ${second.value}`;
  if (first.value === '^~') return `prefix ${second.value}`;
  return undefined;
}

export const duplicateLocation: NginxRule = {
  id: 'nginx-duplicate-location',
  kind: 'nginx',
  severity: 'error',
  messages: {
    duplicate: 'La location «\u00a0{{path}}\u00a0» est déjà définie ligne {{line}} dans ce même bloc.',
  },
  docs: {
    title: 'Location en double',
    what: 'Deux blocs `location` de même niveau ont le même chemin et le même type (préfixe, avec ou sans `^~`, ou `=` exact).',
    why: 'nginx ne peut pas choisir entre eux et refuse la configuration («\u00a0duplicate location\u00a0»). C’est souvent le résultat d’un copier-coller, ou de deux fichiers de `conf.d/` qui décrivent le même site.',
    howToFix: 'Fusionnez les deux blocs en un seul, ou changez le chemin de l’un d’eux.',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [
      { files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location /api/ {\n        proxy_pass http://api:3000;\n    }\n    location = /api/ {\n        return 204;\n    }\n}\n' }  },
      {
        name: 'expressions régulières et location nommés jamais comparés, un autre niveau, un autre serveur',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location ~ \\.php$ {\n        return 403;\n    }\n    location ~ \\.php$ {\n        return 404;\n    }\n    location @api {\n        return 204;\n    }\n    location @api {\n        return 200;\n    }\n    location /api/ {\n        location /api/ {\n            return 204;\n        }\n    }\n}\nserver {\n    listen 8080;\n    location /api/ {\n        return 204;\n    }\n}\n' },
      },
    ],
    invalid: [
      {
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location /api/ {\n        proxy_pass http://api:3000;\n    }\n    location /api/ {\n        proxy_pass http://api:3001;\n    }\n}\n' },
        errors: [{ messageId: 'duplicate', line: 6, column: 5, data: { path: '/api/', line: 3 } }],
      },
      {
        name: 'deux location exacts, avec ou sans espace',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location = /sante {\n        return 204;\n    }\n    location =/sante {\n        return 200;\n    }\n}\n' },
        errors: [{ messageId: 'duplicate', line: 6, column: 5, data: { path: '/sante', line: 3 } }],
      },
      {
        name: '^~ est un préfixe comme les autres',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location ^~ /static/ {\n        root /srv;\n    }\n    location /static/ {\n        root /var/www;\n    }\n    location ^~/img/ {\n        root /srv;\n    }\n    location /img/ {\n        root /var/www;\n    }\n}\n' },
        errors: [
          { messageId: 'duplicate', line: 6, column: 5, data: { path: '/static/', line: 3 } },
          { messageId: 'duplicate', line: 12, column: 5, data: { path: '/img/', line: 9 } },
        ],
      },
      {
        name: 'dans un location',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location /api/ {\n        location /api/v1/ {\n            proxy_pass http://api:3000;\n        }\n        location /api/v1/ {\n            proxy_pass http://api:3001;\n        }\n    }\n}\n' },
        errors: [{ messageId: 'duplicate', line: 7, column: 9, data: { path: '/api/v1/', line: 4 } }],
      },
    ],
  },
  check(context, report) {
    const seen = new Map<NginxBlock | 'root', Map<string, NginxBlock>>();
    for (const info of context.nodes) {
      const { node } = info;
      if (node.kind !== 'block' || node.name !== 'location') continue;
      if (info.context !== 'http-server' && info.context !== 'http-location') continue;
      const key = locationKey(node);
      if (key === undefined) continue;
      const parent = info.parent ?? 'root';
      const level = seen.get(parent) ?? new Map<string, NginxBlock>();
      seen.set(parent, level);
      const first = level.get(key);
      if (!first) {
        level.set(key, node);
        continue;
      }
      report({
        messageId: 'duplicate',
        data: { path: key.slice(key.indexOf(' ') + 1), line: first.nameRange.start.line },
        file: context.file.path,
        range: node.nameRange,
      });
    }
  },
};
