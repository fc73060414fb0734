import { childrenNamed, type NginxBlock } from '../../nginx/ast.ts';
import { effectiveDirective, effectiveDirectives } from '../../nginx/inheritance.ts';
import { httpTop } from '../../nginx/servers.ts';
import type { NginxRule } from '../catalogue.ts';

const PER_USER = /\$(http_authorization|cookie_\w+|http_cookie)\b/;
const API_PATH = /^(\^~\s*)?\/api(\/|$)/;

function locationPath(block: NginxBlock): string {
  return block.args.map((arg) => arg.value).join(' ');
}

/**
 * A heuristic, not an nginx error: caching every 200 of an `/api/` route
 * without keying on who asks serves one user's answer to the next one.
 */
export const proxyCacheUserData: NginxRule = {
  id: 'nginx-proxy-cache-user-data',
  kind: 'nginx',
  severity: 'warning',
  messages: {
    shared: 'Les réponses 200 de «\u00a0{{path}}\u00a0» sont mises en cache pour tout le monde ({{valid}}), sans exception pour les requêtes authentifiées\u00a0: un utilisateur peut recevoir les données d’un autre.',
  },
  docs: {
    title: 'Cache partagé sur une API qui sert des données personnelles',
    what: 'Une `location` d’API (`/api/…`) avec `proxy_cache` et `proxy_cache_valid 200 …`, sans `proxy_cache_bypass` ni `proxy_no_cache` qui dépende de `$http_authorization` ou d’un cookie.',
    why: 'La clé de cache par défaut est l’URL\u00a0: la première réponse à `GET /api/me` (le profil d’Alice) est resservie pendant toute la durée de validité à chaque personne qui demande la même URL, Bob compris. Mettre en cache «\u00a0toute l’API pendant une heure\u00a0» est une fuite de données, pas une optimisation.',
    howToFix: 'Ne mettez en cache que les routes publiques (une `location` dédiée, durée courte), et pour le reste ajoutez `proxy_cache_bypass $http_authorization $cookie_session;` et `proxy_no_cache $http_authorization $cookie_session;` — ou laissez l’API décider avec `Cache-Control: private`.',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [
      {
        files: {
          'nginx/conf.d/default.conf':
            'proxy_cache_path /var/cache/nginx keys_zone=api_cache:10m;\nserver {\n    listen 80;\n    location /api/ {\n        proxy_pass http://api:3000;\n        proxy_cache api_cache;\n        proxy_cache_valid 200 1m;\n        proxy_cache_bypass $http_authorization $cookie_session;\n        proxy_no_cache $http_authorization $cookie_session;\n    }\n}\n',
        },
      },
      { name: 'cache coupé, pas de réponse 200 en cache, pas une API, pas de proxy', files: { 'nginx/conf.d/default.conf': 'proxy_cache_path /var/cache/nginx keys_zone=api_cache:10m;\nserver {\n    listen 80;\n    proxy_cache api_cache;\n    proxy_cache_valid 200 1h;\n    location /static/ {\n        proxy_pass http://web:80;\n    }\n    location /api/ {\n        proxy_cache off;\n        proxy_pass http://api:3000;\n    }\n    location /api/erreurs/ {\n        proxy_pass http://api:3000;\n        proxy_cache_valid 404 1m;\n    }\n    location /api/sante {\n        return 204;\n    }\n}\n' } },
    ],
    invalid: [
      {
        files: {
          'nginx/conf.d/default.conf':
            'proxy_cache_path /var/cache/nginx keys_zone=api_cache:10m;\nserver {\n    listen 80;\n    location /api/ {\n        proxy_pass http://api:3000;\n        proxy_cache api_cache;\n        proxy_cache_valid 200 1h;\n    }\n}\n',
        },
        errors: [{ messageId: 'shared', line: 7, column: 9, data: { path: '/api/', valid: '200 1h' } }],
      },
      {
        name: 'sans code (200 par défaut), any, et un contournement qui ne dépend pas de l’utilisateur',
        files: { 'nginx/conf.d/default.conf': 'proxy_cache_path /var/cache/nginx keys_zone=api_cache:10m;\nserver {\n    listen 80;\n    proxy_cache api_cache;\n    location ^~ /api/v1/ {\n        proxy_pass http://api:3000;\n        proxy_cache_valid 10m;\n    }\n    location /api {\n        proxy_pass http://api:3000;\n        proxy_cache_valid any 1m;\n        proxy_cache_bypass $arg_nocache;\n    }\n}\n' },
        errors: [
          { messageId: 'shared', line: 7, column: 9, data: { path: '^~ /api/v1/', valid: '10m' } },
          { messageId: 'shared', line: 11, column: 9, data: { path: '/api', valid: 'any 1m' } },
        ],
      },
    ],
  },
  check(context, report) {
    for (const info of context.named('location')) {
      const block = info.node;
      if (block.kind !== 'block' || info.inGeneric || !API_PATH.test(locationPath(block))) continue;
      if (childrenNamed(block, 'proxy_pass').length === 0) continue;
      const chain = [...info.path, block];
      const top = httpTop(context);
      const cache = effectiveDirective(chain, 'proxy_cache', top);
      if (!cache || cache.args[0]?.value === 'off') continue;
      const valid = effectiveDirectives(chain, ['proxy_cache_valid'], top).find((d) => {
        const codes = d.args.slice(0, -1).map((a) => a.value);
        return codes.length === 0 || codes.includes('200') || codes.includes('any');
      });
      if (!valid) continue;
      const guards = effectiveDirectives(chain, ['proxy_cache_bypass', 'proxy_no_cache'], top);
      if (guards.some((g) => g.args.some((a) => PER_USER.test(a.value)))) continue;
      report({
        messageId: 'shared',
        data: { path: locationPath(block), valid: valid.args.map((a) => a.value).join(' ') },
        file: context.file.path,
        range: valid.nameRange,
      });
    }
  },
};
