import { childrenNamed } from '../../nginx/ast.ts';
import { effectiveDirectives } from '../../nginx/inheritance.ts';
import { httpServers, httpTop } from '../../nginx/servers.ts';
import type { NginxRule } from '../catalogue.ts';

/** `include mime.types;` and `include conf.d/*.conf;` hold no headers; other includes may. */
const isSnippet = (path: string): boolean => !path.endsWith('mime.types') && !path.includes('*');

export const securityHeaders: NginxRule = {
  id: 'nginx-security-headers',
  kind: 'nginx',
  severity: 'warning',
  messages: {
    'missing-nosniff': 'Ce serveur HTTPS n’envoie pas «\u00a0X-Content-Type-Options\u00a0: nosniff\u00a0».',
    'missing-hsts': 'Ce serveur HTTPS n’envoie pas «\u00a0Strict-Transport-Security\u00a0»\u00a0: un navigateur peut encore être ramené en HTTP.',
    'missing-frame': 'Ce serveur HTTPS n’interdit pas l’affichage dans une iframe («\u00a0X-Frame-Options\u00a0» ou «\u00a0Content-Security-Policy\u00a0: frame-ancestors\u00a0»).',
  },
  docs: {
    title: 'En-têtes de sécurité manquants',
    what: 'Un serveur HTTPS qui n’envoie pas les en-têtes de sécurité de base\u00a0: `X-Content-Type-Options`, `Strict-Transport-Security` (HSTS) et une protection contre l’inclusion dans une iframe.',
    why: 'Sans `nosniff`, le navigateur peut interpréter un fichier téléversé comme un script\u00a0; sans HSTS, la première visite peut être interceptée en HTTP\u00a0; sans `X-Frame-Options`/`frame-ancestors`, une autre page peut afficher le site dans une iframe invisible et piéger les clics (clickjacking).',
    howToFix: 'Dans le bloc `server` HTTPS\u00a0: `add_header X-Content-Type-Options "nosniff" always;`, `add_header Strict-Transport-Security "max-age=31536000" always;` et `add_header X-Frame-Options "DENY" always;` (ou une `Content-Security-Policy` avec `frame-ancestors \'none\'`).',
    chapter: '11-bonnes-pratiques',
  },
  examples: {
    valid: [
      {
        files: {
          'nginx/conf.d/default.conf':
            'server {\n    listen 443 ssl;\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n    add_header X-Content-Type-Options "nosniff" always;\n    add_header Strict-Transport-Security "max-age=31536000" always;\n    add_header Content-Security-Policy "frame-ancestors \'none\'" always;\n}\n',
        },
      },
      { name: 'un snippet inclus, qui porte sans doute les en-têtes', files: { 'nginx/conf.d/default.conf': 'server {\n    listen 443 ssl;\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n    include /etc/nginx/snippets/securite.conf;\n}\n' } },
      { name: 'des en-têtes hérités du bloc http', files: { 'nginx/conf.d/default.conf': 'add_header X-Content-Type-Options "nosniff" always;\nadd_header Strict-Transport-Security "max-age=31536000" always;\nadd_header X-Frame-Options "DENY" always;\nserver {\n    listen 443 ssl;\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n}\n' } },
    ],
    invalid: [
      {
        files: {
          'nginx/conf.d/default.conf':
            'server {\n    listen 443 ssl;\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n    add_header X-Content-Type-Options "nosniff" always;\n}\n',
        },
        errors: [
          { messageId: 'missing-hsts', line: 1, column: 1 },
          { messageId: 'missing-frame', line: 1, column: 1 },
        ],
      },
      {
        name: 'sans nosniff',
        files: {
          'nginx/conf.d/default.conf':
            'server {\n    listen 443 ssl;\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n    add_header Strict-Transport-Security "max-age=31536000" always;\n    add_header X-Frame-Options "DENY" always;\n}\n',
        },
        errors: [{ messageId: 'missing-nosniff', line: 1, column: 1 }],
      },      {
        name: 'mime.types ne contient pas d’en-têtes, et une CSP sans frame-ancestors',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 443 ssl;\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n    include /etc/nginx/mime.types;\n    add_header X-Content-Type-Options "nosniff" always;\n    add_header Strict-Transport-Security "max-age=31536000" always;\n    add_header Content-Security-Policy "default-src \'self\'" always;\n}\n' },
        errors: [{ messageId: 'missing-frame', line: 1, column: 1 }],
      },
    ],
  },
  check(context, report) {
    for (const server of httpServers(context)) {
      if (!server.tls) continue;
      // An included snippet (`include snippets/security.conf;`) usually holds these: we cannot see inside it.
      if ([...server.path, server.block].some((block) => childrenNamed(block, 'include').some((include) => isSnippet(include.args[0]?.value ?? '')))) continue;
      const headers = effectiveDirectives([...server.path, server.block], ['add_header'], httpTop(context));
      const has = (test: (name: string, value: string) => boolean): boolean =>
        headers.some((h) => test(h.args[0]?.value.toLowerCase() ?? '', h.args[1]?.value.toLowerCase() ?? ''));
      const range = server.block.nameRange;
      if (!has((name) => name === 'x-content-type-options')) report({ messageId: 'missing-nosniff', file: context.file.path, range });
      if (!has((name) => name === 'strict-transport-security')) report({ messageId: 'missing-hsts', file: context.file.path, range });
      if (!has((name, value) => name === 'x-frame-options' || (name === 'content-security-policy' && value.includes('frame-ancestors')))) {
        report({ messageId: 'missing-frame', file: context.file.path, range });
      }
    }
  },
};
