import { childrenNamed } from '../../nginx/ast.ts';
import { effectiveDirective } from '../../nginx/inheritance.ts';
import { httpServers, httpTop } from '../../nginx/servers.ts';
import type { NginxRule } from '../catalogue.ts';

/** `include mime.types;` and `include conf.d/*.conf;` hold no headers; other includes may. */
const isSnippet = (path: string): boolean => !path.endsWith('mime.types') && !path.includes('*');

export const serverTokens: NginxRule = {
  id: 'nginx-server-tokens',
  kind: 'nginx',
  severity: 'info',
  messages: {
    on: '«\u00a0server_tokens on\u00a0» affiche la version exacte de nginx dans les en-têtes et les pages d’erreur.',
    missing: 'Ce serveur HTTPS affiche la version de nginx (valeur par défaut)\u00a0: ajoutez «\u00a0server_tokens off\u00a0;\u00a0».',
  },
  docs: {
    title: 'Version de nginx affichée',
    what: 'Un serveur HTTPS sans `server_tokens off;` (ni dans `server`, ni dans `http`), ou avec `server_tokens on;`.',
    why: 'Par défaut, nginx annonce sa version dans l’en-tête `Server` et sur ses pages d’erreur\u00a0: un attaquant sait tout de suite quelles failles connues essayer. Ce n’est pas une protection en soi, mais c’est une information gratuite de moins.',
    howToFix: 'Ajoutez `server_tokens off;` dans le bloc `server` (ou une fois pour toutes dans `http`).',
    chapter: '11-bonnes-pratiques',
  },
  examples: {
    valid: [
      { files: { 'nginx/conf.d/default.conf': 'server_tokens off;\nserver {\n    listen 443 ssl;\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n}\n' } },
      { name: 'un snippet inclus, ou server_tokens dans le server', files: { 'nginx/conf.d/default.conf': 'server {\n    listen 443 ssl;\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n    include /etc/nginx/snippets/securite.conf;\n}\nserver {\n    listen 8443 ssl;\n    server_tokens off;\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n}\n' } },
    ],
    invalid: [
      {
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 443 ssl;\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n}\n' },
        errors: [{ messageId: 'missing', line: 1, column: 1 }],
      },
      {
        name: 'mime.types ne dit rien de server_tokens',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 443 ssl;\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n    include /etc/nginx/mime.types;\n}\n' },
        errors: [{ messageId: 'missing', line: 1, column: 1 }],
      },
      {
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    server_tokens on;\n}\n' },
        errors: [{ messageId: 'on', line: 3, column: 5 }],
        output: 'server {\n    listen 80;\n    server_tokens off;\n}\n',
      },
    ],
  },
  check(context, report) {
    for (const info of context.named('server_tokens')) {
      const value = info.node.args[0];
      if (info.inGeneric || value?.value !== 'on') continue;
      report({
        messageId: 'on',
        file: context.file.path,
        range: info.node.nameRange,
        fix: { title: 'Passer à « server_tokens off; »', edits: [{ file: context.file.path, range: value.range, text: 'off' }] },
      });
    }
    for (const server of httpServers(context)) {
      if (!server.tls) continue;
      // An included snippet (`include snippets/security.conf;`) usually holds these: we cannot see inside it.
      if ([...server.path, server.block].some((block) => childrenNamed(block, 'include').some((include) => isSnippet(include.args[0]?.value ?? '')))) continue;
      if (effectiveDirective([...server.path, server.block], 'server_tokens', httpTop(context))) continue;
      report({ messageId: 'missing', file: context.file.path, range: server.block.nameRange });
    }
  },
};
