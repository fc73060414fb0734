import { childrenNamed, type NginxBlock, type NginxNode } from '../../nginx/ast.ts';
import { effectiveDirectives } from '../../nginx/inheritance.ts';
import { httpTop } from '../../nginx/servers.ts';
import type { NginxRule } from '../catalogue.ts';

export const addHeaderInheritance: NginxRule = {
  id: 'nginx-add-header-inheritance',
  kind: 'nginx',
  severity: 'warning',
  messages: {
    dropped: 'Ce bloc définit ses propres «\u00a0add_header\u00a0»\u00a0: les en-têtes du niveau supérieur ({{headers}}) ne sont plus envoyés ici.',
  },
  docs: {
    title: 'Piège de l’héritage de `add_header`',
    what: 'Un bloc (souvent une `location`) contient un `add_header` alors que le bloc parent (`server` ou `http`) en définit d’autres.',
    why: 'nginx n’additionne pas les `add_header`\u00a0: un bloc qui en a au moins un n’hérite d’aucun de ceux du parent. Ajouter un `Cache-Control` dans `location /assets/` supprime donc silencieusement HSTS, `nosniff`… pour ces fichiers.',
    howToFix: 'Répétez dans le bloc les en-têtes du parent (un `include` de snippet commun évite la duplication), ou, depuis nginx 1.29.3, écrivez `add_header_inherit merge;` dans le bloc.',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [
      {
        files: {
          'nginx/conf.d/default.conf':
            'server {\n    listen 80;\n    add_header X-Content-Type-Options "nosniff" always;\n    location /assets/ {\n        add_header X-Content-Type-Options "nosniff" always;\n        add_header Cache-Control "public, max-age=31536000";\n    }\n}\n',
        },
      },
      { name: 'add_header_inherit merge garde les en-têtes du parent', files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    add_header X-Content-Type-Options "nosniff" always;\n    location /assets/ {\n        add_header_inherit merge;\n        add_header Cache-Control "public, max-age=31536000";\n    }\n}\n' } },
    ],
    invalid: [
      {
        files: {
          'nginx/conf.d/default.conf':
            'server {\n    listen 80;\n    add_header X-Content-Type-Options "nosniff" always;\n    location /assets/ {\n        add_header Cache-Control "public, max-age=31536000";\n    }\n}\n',
        },
        errors: [{ messageId: 'dropped', line: 5, column: 9, data: { headers: 'X-Content-Type-Options' } }],
      },
      {
        name: 'add_header_inherit on est le modèle habituel',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    add_header X-Content-Type-Options "nosniff" always;\n    location /assets/ {\n        add_header_inherit on;\n        add_header Cache-Control "public, max-age=31536000";\n    }\n}\n' },
        errors: [{ messageId: 'dropped', line: 6, column: 9, data: { headers: 'X-Content-Type-Options' } }],
      },
      {
        name: 'un if dans un location',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    add_header X-Content-Type-Options "nosniff" always;\n    add_header X-Frame-Options "DENY" always;\n    location / {\n        if ($arg_debug) {\n            add_header X-Debug 1;\n        }\n    }\n}\n' },
        errors: [{ messageId: 'dropped', line: 7, column: 13, data: { headers: 'X-Content-Type-Options, X-Frame-Options' } }],
      },
      {
        name: 'un location dans un location',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location /api/ {\n        add_header X-Content-Type-Options "nosniff" always;\n        location /api/fichiers/ {\n            add_header Content-Disposition attachment;\n        }\n    }\n}\n' },
        errors: [{ messageId: 'dropped', line: 6, column: 13, data: { headers: 'X-Content-Type-Options' } }],
      },
    ],
  },
  check(context, report) {
    for (const info of context.nodes) {
      const block = info.node;
      if (block.kind !== 'block' || info.context === undefined || !['http-server', 'http-location', 'http-server-if', 'http-location-if'].includes(info.context)) continue;
      if (block.name !== 'location' && block.name !== 'if') continue;
      const own = childrenNamed(block, 'add_header');
      if (own.length === 0) continue;
      // Only `merge` keeps the parent's headers; `on` is the default (standard) model and `off` inherits nothing.
      if (childrenNamed(block, 'add_header_inherit').some((d) => d.args[0]?.value === 'merge')) continue;
      const inherited = effectiveDirectives(info.path as NginxBlock[], ['add_header'], httpTop(context));
      const ownNames = new Set(own.map((h) => h.args[0]?.value.toLowerCase()));
      const dropped = inherited.filter((h: NginxNode) => !ownNames.has(h.args[0]?.value.toLowerCase()));
      if (dropped.length === 0) continue;
      report({
        messageId: 'dropped',
        data: { headers: dropped.map((h) => h.args[0]?.value ?? '').join(', ') },
        file: context.file.path,
        range: own[0]!.nameRange,
      });
    }
  },
};
