import type { NginxRule } from '../catalogue.ts';
import { hasUnseenIncludes } from '../../nginx/unseen-includes.ts';

// ngx_http_file_cache_set_slot / ngx_http_upstream_cache: `proxy_cache NAME`
// (and its fastcgi, uwsgi and scgi twins) takes the shared memory zone a
// `proxy_cache_path … keys_zone=NAME:size` declares, anywhere in the http block
// (before or after). None: nginx fails once the whole configuration is read
// (« "proxy_cache" zone "NAME" is unknown », named at the main file's end).
// A zone declared by another module's *_cache_path fails at the directive
// (« the shared memory zone "NAME" is already declared for a different use »).
// Probed on nginx 1.30.6.
const MODULES = ['proxy', 'fastcgi', 'uwsgi', 'scgi'] as const;

export const unknownCacheZone: NginxRule = {
  id: 'nginx-unknown-cache-zone',
  kind: 'nginx',
  severity: 'error',
  messages: {
    unknown: '`{{directive}} {{zone}}`\u00a0: aucun `{{module}}_cache_path … keys_zone={{zone}}:…` ne déclare cette zone\u00a0; nginx refuse la configuration (`zone "{{zone}}" is unknown`).',
    otherUse: '`{{directive}} {{zone}}`\u00a0: la zone «\u00a0{{zone}}\u00a0» est déclarée par `{{other}}_cache_path`, pas par `{{module}}_cache_path`\u00a0; nginx refuse la configuration («\u00a0already declared for a different use\u00a0»).',
  },
  docs: {
    title: 'Une zone de cache jamais déclarée',
    what: 'Signale un `proxy_cache` (ou `fastcgi_cache`, `uwsgi_cache`, `scgi_cache`) qui nomme une zone qu’aucun `proxy_cache_path … keys_zone=…` du projet ne déclare, ou qu’un `*_cache_path` d’un autre module déclare.',
    why: 'La zone est la mémoire partagée où nginx range les clés du cache\u00a0; `proxy_cache` ne fait que la nommer. Sans `proxy_cache_path` au niveau `http`, `nginx -t` échoue une fois toute la configuration lue (il nomme alors la fin du fichier principal, pas la ligne du `proxy_cache`).',
    howToFix: 'Déclarez la zone au niveau `http` (dans un fichier de `conf.d/`, hors de tout `server`)\u00a0: `proxy_cache_path /var/cache/nginx/api keys_zone=api:10m;`, puis `proxy_cache api;`. Le nom doit être le même, et le `*_cache_path` celui du même module.',
    chapter: '08-production',
  },
  examples: {
    valid: [
      {
        name: 'la zone déclarée dans un autre fichier, après',
        files: {
          'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location / {\n        proxy_pass http://api:3000;\n        proxy_cache api;\n    }\n    location /off {\n        proxy_cache off;\n    }\n}\n',
          'nginx/conf.d/proxy-cache.conf': 'proxy_cache_path /var/cache/nginx/api keys_zone=api:10m;\n',
        },
      },
      {
        name: 'une zone choisie par variable',
        files: { 'nginx/conf.d/default.conf': 'proxy_cache_path /var/cache/nginx/api keys_zone=api:10m;\nmap $host $zone {\n    default api;\n}\nserver {\n    listen 80;\n    location / {\n        proxy_pass http://api:3000;\n        proxy_cache $zone;\n    }\n}\n' },
      },
      { name: 'un include que nous ne voyons pas peut la déclarer', files: { 'nginx/conf.d/default.conf': 'include /etc/nginx/cache/zones.conf;\nserver {\n    listen 80;\n    proxy_cache api;\n}\n' } },
    ],
    invalid: [
      {
        name: 'aucune zone',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location / {\n        proxy_pass http://api:3000;\n        proxy_cache api;\n    }\n}\n' },
        errors: [{ messageId: 'unknown', line: 5, column: 21, data: { directive: 'proxy_cache', zone: 'api', module: 'proxy' } }],
      },
      {
        name: 'la zone d’un autre module',
        files: { 'nginx/conf.d/default.conf': 'fastcgi_cache_path /var/cache/nginx/php keys_zone=php:10m;\nserver {\n    listen 80;\n    location / {\n        proxy_pass http://api:3000;\n        proxy_cache php;\n    }\n}\n' },
        errors: [{ messageId: 'otherUse', line: 6, column: 21, data: { zone: 'php', module: 'proxy', other: 'fastcgi' } }],
      },
    ],
  },
  check(context, report) {
    // A server snippet does not show its http block; an include we cannot see may declare the zone.
    if (context.role === 'fragment' || hasUnseenIncludes(context)) return;
    const zones = new Map<string, string>();
    for (const sibling of context.siblings) {
      if (sibling.role === 'fragment') continue;
      for (const module of MODULES) {
        for (const info of sibling.named(`${module}_cache_path`)) {
          const keys = info.node.args.find((w) => w.value.startsWith('keys_zone='));
          const name = keys?.value.slice('keys_zone='.length).split(':')[0];
          if (name) zones.set(name, module);
        }
      }
    }
    for (const module of MODULES) {
      const directive = `${module}_cache`;
      for (const info of context.named(directive)) {
        const word = info.node.args[0];
        if (!word || word.value === 'off' || word.value.includes('$') || info.context === undefined) continue;
        const declaredBy = zones.get(word.value);
        if (declaredBy === module) continue;
        const data = { directive, zone: word.value, module, other: declaredBy ?? '' };
        report({ messageId: declaredBy ? 'otherUse' : 'unknown', data, file: context.file.path, range: word.range });
      }
    }
  },
};
