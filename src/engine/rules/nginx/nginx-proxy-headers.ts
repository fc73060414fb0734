import { childrenNamed, type NginxBlock } from '../../nginx/ast.ts';
import { effectiveDirectives } from '../../nginx/inheritance.ts';
import { httpTop } from '../../nginx/servers.ts';
import type { NginxRule } from '../catalogue.ts';

const EXPECTED = ['Host', 'X-Forwarded-For', 'X-Forwarded-Proto'] as const;

/** What the application loses without each header, for the message. */
const LOST: Record<(typeof EXPECTED)[number], string> = {
  Host: 'le nom d’hôte demandé par le navigateur',
  'X-Forwarded-For': 'l’adresse du client',
  'X-Forwarded-Proto': 'le protocole d’origine (HTTPS)',
};

export const proxyHeaders: NginxRule = {
  id: 'nginx-proxy-headers',
  kind: 'nginx',
  severity: 'warning',
  messages: {
    missing: 'Ce «\u00a0proxy_pass\u00a0» ne transmet pas {{headers}}\u00a0: l’application ne connaîtra pas {{lost}}.',
  },
  docs: {
    title: 'En-têtes du reverse proxy manquants',
    what: 'Une `location` avec `proxy_pass` où les en-têtes `Host`, `X-Forwarded-For` et `X-Forwarded-Proto` ne sont pas tous définis par `proxy_set_header` (ni dans la `location`, ni hérités du `server` ou de `http`).',
    why: 'Par défaut, nginx envoie `Host: api:3000` (le nom de l’upstream) et aucune information sur le client\u00a0: l’API journalise l’adresse du proxy pour toutes les requêtes, construit des liens en `http://api:3000` et ne sait pas que la requête d’origine était en HTTPS (cookies `Secure`, redirections).',
    howToFix: 'Ajoutez `proxy_set_header Host $host;`, `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;` et `proxy_set_header X-Forwarded-Proto $scheme;` (une fois dans `server` suffit, tant que la `location` n’a pas ses propres `proxy_set_header`).',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [
      {
        files: {
          'nginx/conf.d/default.conf':
            'server {\n    listen 80;\n    proxy_set_header Host $host;\n    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n    proxy_set_header X-Forwarded-Proto $scheme;\n    location /api/ {\n        proxy_pass http://api:3000;\n    }\n}\n',
        },
      },
    ],
    invalid: [
      {
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location /api/ {\n        proxy_pass http://api:3000;\n        proxy_set_header Host $host;\n    }\n}\n' },
        errors: [{ messageId: 'missing', line: 4, column: 9 }],
      },
    ],
  },
  check(context, report) {
    for (const info of context.named('proxy_pass')) {
      if (info.context !== 'http-location' && info.context !== 'http-location-if') continue;
      const chain = info.path as NginxBlock[];
      const set = new Set(effectiveDirectives(chain, ['proxy_set_header'], httpTop(context)).map((d) => d.args[0]?.value.toLowerCase()));
      const missing = EXPECTED.filter((header) => !set.has(header.toLowerCase()));
      // `include proxy_params;` (Debian) and similar snippets usually hold these headers.
      if (missing.length === 0 || chain.some((block) => childrenNamed(block, 'include').length > 0)) continue;
      report({
        messageId: 'missing',
        data: { headers: missing.map((h) => `« ${h} »`).join(', '), lost: missing.map((h) => LOST[h]).join(', ') },
        file: context.file.path,
        range: info.node.nameRange,
      });
    }
  },
};
