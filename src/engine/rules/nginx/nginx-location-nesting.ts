import type { NginxBlock } from '../../nginx/ast.ts';
import type { NginxRule } from '../catalogue.ts';

interface Location {
  modifier: '' | '=' | '^~' | '~' | '~*' | '@';
  path: string;
}

function parseLocation(block: NginxBlock): Location | undefined {
  const [first, second] = block.args;
  if (!first) return undefined;
  if (second) {
    const modifier = first.value;
    if (modifier === '=' || modifier === '^~' || modifier === '~' || modifier === '~*') return { modifier, path: second.value };
    return undefined;
  }
  const value = first.value;
  if (value.startsWith('@')) return { modifier: '@', path: value };
  if (value.startsWith('~*')) return { modifier: '~*', path: value.slice(2) };
  if (value.startsWith('~')) return { modifier: '~', path: value.slice(1) };
  if (value.startsWith('^~')) return { modifier: '^~', path: value.slice(2) };
  if (value.startsWith('=')) return { modifier: '=', path: value.slice(1) };
  return { modifier: '', path: value };
}

/** The nesting checks of `ngx_http_core_location` (nginx 1.30). */
export const locationNesting: NginxRule = {
  id: 'nginx-location-nesting',
  kind: 'nginx',
  severity: 'error',
  messages: {
    outside: 'La location «\u00a0{{path}}\u00a0» est imbriquée dans «\u00a0{{parent}}\u00a0» mais ne commence pas par ce chemin\u00a0: nginx la refuse. Une accolade «\u00a0}\u00a0» manque-t-elle au-dessus\u00a0?',
    'named-nested': 'La location nommée «\u00a0{{path}}\u00a0» doit être directement dans le bloc server.',
    'inside-exact': 'Une location ne peut pas être placée dans la location exacte «\u00a0= {{parent}}\u00a0».',
    'inside-named': 'Une location ne peut pas être placée dans la location nommée «\u00a0{{parent}}\u00a0».',
  },
  docs: {
    title: 'Location imbriquée impossible',
    what: 'Une `location` placée dans une autre alors que son chemin ne commence pas par celui du parent, une location nommée (`@fallback`) ailleurs qu’au niveau du `server`, ou une location dans une location exacte (`=`) ou nommée.',
    why: 'nginx refuse la configuration («\u00a0is outside location\u00a0», «\u00a0can be on the server level only\u00a0»). Le plus souvent, c’est une accolade fermante oubliée qui a fait entrer les `location` suivantes dans la précédente.',
    howToFix: 'Vérifiez que chaque `location` est fermée par «\u00a0}\u00a0» avant la suivante\u00a0; n’imbriquez que des chemins qui prolongent celui du parent (`location /api/ { location /api/admin/ { … } }`).',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [
      { files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location /api/ {\n        location /api/admin/ {\n            deny all;\n        }\n    }\n    location @fallback {\n        return 503;\n    }\n}\n' } },
      {
        name: 'préfixes ^~ et exacts sous leur parent, expressions régulières en un ou deux mots',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location /static/ {\n        location ^~ /static/img/ {\n            expires 7d;\n        }\n        location ^~/static/css/ {\n            expires 1d;\n        }\n        location = /static/logo.png {\n            expires 30d;\n        }\n        location =/static/favicon.ico {\n            expires 30d;\n        }\n        location ~ \\.map$ {\n            return 404;\n        }\n        location ~*\\.PNG$ {\n            expires 7d;\n        }\n        location ~\\.bak$ {\n            return 404;\n        }\n    }\n}\n' },
      },
    ],
    invalid: [
      {
        name: 'une } oubliée imbrique la location suivante',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location /api/ {\n        proxy_pass http://api:3000;\n    location / {\n        root /usr/share/nginx/html;\n    }\n}\n' },
        errors: [{ messageId: 'outside', line: 5, column: 5, data: { path: '/', parent: '/api/' } }],
      },
      {
        name: 'location nommée dans une autre location',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location / {\n        try_files $uri $uri/ @api;\n        location @api {\n            proxy_pass http://api:3000;\n        }\n    }\n}\n' },
        errors: [{ messageId: 'named-nested', line: 5, column: 9, data: { path: '@api' } }],
      },
      {
        name: 'location dans une location exacte',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location = /sante {\n        location /sante/detail {\n            return 200;\n        }\n    }\n}\n' },
        errors: [{ messageId: 'inside-exact', line: 4, column: 9, data: { path: '/sante/detail', parent: '/sante' } }],
      },
      {
        name: 'location dans une location nommée',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location @maintenance {\n        location /maintenance/ {\n            root /usr/share/nginx/html;\n        }\n    }\n}\n' },
        errors: [{ messageId: 'inside-named', line: 4, column: 9, data: { path: '/maintenance/', parent: '@maintenance' } }],
      },
      {
        name: 'location exacte hors de son parent ^~',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location ^~ /static/ {\n        location = /img/logo.png {\n            expires 30d;\n        }\n    }\n}\n' },
        errors: [{ messageId: 'outside', line: 4, column: 9, data: { path: '/img/logo.png', parent: '/static/' } }],
      },
      {
        name: 'location ^~ hors de son parent',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location /api/ {\n        location ^~ /static/ {\n            root /srv;\n        }\n    }\n}\n' },
        errors: [{ messageId: 'outside', line: 4, column: 9, data: { path: '/static/', parent: '/api/' } }],
      },
      {
        name: 'une accolade oubliée après un location par expression régulière',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location ~ \\.php$ {\n        fastcgi_pass php:9000;\n\n    location /favicon.ico {\n        log_not_found off;\n    }\n}\n' },
        errors: [{ messageId: 'outside', line: 6, column: 5, data: { path: '/favicon.ico', parent: '\\.php$' } }],
      },
    ],
  },
  check(context, report) {
    for (const info of context.named('location')) {
      const block = info.node;
      if (block.kind !== 'block' || (info.context !== 'http-server' && info.context !== 'http-location')) continue;
      const location = parseLocation(block);
      if (!location) continue;
      if (location.modifier === '@') {
        if (info.context !== 'http-server') report({ messageId: 'named-nested', data: { path: location.path }, file: context.file.path, range: block.nameRange });
        continue;
      }
      if (info.context !== 'http-location') continue;
      // A location snippet's own location is in the file that includes it: unknown here.
      const parentBlock = info.parent;
      if (!parentBlock) continue;
      const parent = parseLocation(parentBlock);
      if (!parent) continue;
      const data = { path: location.path, parent: parent.path };
      if (parent.modifier === '=') report({ messageId: 'inside-exact', data, file: context.file.path, range: block.nameRange });
      else if (parent.modifier === '@') report({ messageId: 'inside-named', data, file: context.file.path, range: block.nameRange });
      // ngx_http_core_location compares a non-regex location with its parent's name, a regex parent's source included
      // (a `}` forgotten after `location ~ \.php$` puts the next `location /` inside it: « is outside location "\.php$" »).
      else if (location.modifier === '' || location.modifier === '^~' || location.modifier === '=') {
        if (!location.path.startsWith(parent.path)) report({ messageId: 'outside', data, file: context.file.path, range: block.nameRange });
      }
    }
  },
};
