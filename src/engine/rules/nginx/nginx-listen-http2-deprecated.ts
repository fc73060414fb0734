import { childrenNamed } from '../../nginx/ast.ts';
import type { NginxRule } from '../catalogue.ts';

/** nginx 1.25.1 moved HTTP/2 to its own `http2` directive; `listen … http2` now only warns. */
export const listenHttp2: NginxRule = {
  id: 'nginx-listen-http2-deprecated',
  kind: 'nginx',
  severity: 'warning',
  messages: {
    deprecated: '«\u00a0listen … http2\u00a0» est obsolète depuis nginx 1.25.1\u00a0: écrivez «\u00a0http2 on\u00a0;\u00a0» dans le bloc server.',
  },
  docs: {
    title: '`listen … http2` est obsolète',
    what: 'Le paramètre `http2` de la directive `listen` (`listen 443 ssl http2;`), encore présent dans beaucoup de tutoriels.',
    why: 'Depuis nginx 1.25.1, HTTP/2 s’active avec la directive `http2 on;`\u00a0; l’ancien paramètre affiche un avertissement à chaque démarrage (`the "listen ... http2" directive is deprecated`) et disparaîtra.',
    howToFix: 'Remplacez `listen 443 ssl http2;` par `listen 443 ssl;` suivi de `http2 on;` dans le même bloc `server`.',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [{ files: { 'nginx/conf.d/default.conf': 'server {\n    listen 443 ssl;\n    http2 on;\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n}\n' } }],
    invalid: [
      {
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 443 ssl http2;\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n}\n' },
        errors: [{ messageId: 'deprecated', line: 2, column: 20 }],
        output: 'server {\n    listen 443 ssl;\n    http2 on;\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n}\n',
      },
      {
        name: 'dans un fragment inclus dans un bloc server (le fichier est le corps du server)',
        files: { 'nginx/snippets/https.conf': 'listen 443 ssl http2;\nssl_certificate /etc/nginx/certs/cert.pem;\nssl_certificate_key /etc/nginx/certs/key.pem;\n' },
        errors: [{ messageId: 'deprecated', line: 1, column: 16 }],
        output: 'listen 443 ssl;\nhttp2 on;\nssl_certificate /etc/nginx/certs/cert.pem;\nssl_certificate_key /etc/nginx/certs/key.pem;\n',
      },
    ],
  },
  check(context, report) {
    for (const info of context.named('listen')) {
      if (info.context !== 'http-server') continue;
      // In a server snippet (the inside of a `server`, included), the file itself is the server's body.
      const server = info.parent ?? context.config;
      const http2 = info.node.args.slice(1).find((arg) => arg.value === 'http2');
      if (!http2) continue;
      const previous = info.node.args[info.node.args.indexOf(http2) - 1]!;
      const edits = [{ file: context.file.path, range: { start: previous.range.end, end: http2.range.end }, text: '' }];
      const terminator = info.node.kind === 'directive' ? info.node.terminatorRange : undefined;
      if (childrenNamed(server, 'http2').length === 0 && terminator) {
        const indent = ' '.repeat(info.node.nameRange.start.column - 1);
        edits.push({ file: context.file.path, range: { start: terminator.end, end: terminator.end }, text: `\n${indent}http2 on;` });
      }
      report({ messageId: 'deprecated', file: context.file.path, range: http2.range, fix: { title: 'Remplacer par « http2 on; »', edits } });
    }
  },
};
