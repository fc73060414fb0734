import type { NginxBlock, NginxNode } from '../../nginx/ast.ts';
import { childrenNamed } from '../../nginx/ast.ts';
import type { NginxRule } from '../catalogue.ts';

function listensWithTls(server: NginxBlock): NginxNode | undefined {
  return childrenNamed(server, 'listen').find((listen) => listen.args.slice(1).some((arg) => arg.value === 'ssl' || arg.value === 'quic'));
}

/**
 * `no "ssl_certificate" is defined for the "listen ... ssl" directive`
 * (an error, named at the `server` line), and the reverse mistake nginx
 * accepts silently: a certificate in a server that never listens with TLS.
 */
export const sslCertificate: NginxRule = {
  id: 'nginx-ssl-certificate',
  kind: 'nginx',
  severity: 'error',
  messages: {
    'missing-certificate': 'Ce serveur écoute en TLS («\u00a0listen … ssl\u00a0») mais aucun «\u00a0ssl_certificate\u00a0» n’est défini\u00a0: nginx refuse de démarrer.',
    'unused-certificate': 'Un certificat est configuré, mais aucun «\u00a0listen\u00a0» de ce serveur n’a le paramètre «\u00a0ssl\u00a0»\u00a0: il ne sert jamais et le site reste en HTTP simple.',
  },
  docs: {
    title: 'TLS\u00a0: `listen … ssl` et certificat vont ensemble',
    what: 'Un bloc `server` (http ou stream) qui écoute avec `ssl` sans `ssl_certificate` / `ssl_certificate_key` (ni dans le `server` ni hérité de `http`), ou à l’inverse un certificat dans un `server` qui n’écoute pas en TLS.',
    why: 'Sans certificat, nginx ne peut pas établir de connexion TLS et refuse la configuration. Un certificat sans `listen 443 ssl` ne fait rien\u00a0: le navigateur reste en HTTP, sans chiffrement, alors que la configuration semble sécurisée.',
    howToFix: 'Dans le bloc HTTPS\u00a0: `listen 443 ssl;`, `http2 on;`, `ssl_certificate /etc/nginx/certs/cert.pem;` et `ssl_certificate_key /etc/nginx/certs/key.pem;` (certificat monté en volume, jamais committé).',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [
      { name: 'le certificat vient d’un fichier inclus hors du projet', files: { 'nginx/conf.d/default.conf': 'server {\n    listen 443 ssl;\n    include snippets/snakeoil.conf;\n}\n' } },
      {
        files: {
          'nginx/conf.d/default.conf':
            'server {\n    listen 443 ssl;\n    http2 on;\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n}\n',
        },
      },      {
        name: 'certificat hérité du bloc http (conf.d)',
        files: { 'nginx/conf.d/default.conf': 'ssl_certificate /etc/nginx/certs/cert.pem;\nssl_certificate_key /etc/nginx/certs/key.pem;\nserver {\n    listen 443 ssl;\n}\n' },
      },
      {
        name: 'certificat hérité du bloc http (nginx.conf)',
        files: {
          'nginx/nginx.conf':
            'events {}\nhttp {\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n    server {\n        listen 443 ssl;\n    }\n}\n',
        },
      },
      {
        name: 'certificat hérité du bloc stream',
        files: {
          'nginx/nginx.conf':
            'events {}\nstream {\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n    server {\n        listen 5433 ssl;\n        proxy_pass db:5432;\n    }\n}\n',
        },
      },
      {
        name: 'HTTP/3 (QUIC) chiffre aussi',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 443 quic;\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n}\n' },
      },
    ],
    invalid: [
      {
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 443 ssl;\n    server_name localhost;\n}\n' },
        errors: [{ messageId: 'missing-certificate', line: 1, column: 1 }],
      },
      {
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n}\n' },
        errors: [{ messageId: 'unused-certificate', line: 3, column: 5 }],
      },      {
        name: 'dans le bloc http de nginx.conf',
        files: { 'nginx/nginx.conf': 'events {}\nhttp {\n    server {\n        listen 443 ssl;\n    }\n}\n' },
        errors: [{ messageId: 'missing-certificate', line: 3, column: 5 }],
      },
      {
        name: 'un serveur stream en TLS',
        files: { 'nginx/nginx.conf': 'events {}\nstream {\n    server {\n        listen 5433 ssl;\n        proxy_pass db:5432;\n    }\n}\n' },
        errors: [{ messageId: 'missing-certificate', line: 3, column: 5 }],
      },
      {
        name: 'le certificat d’un autre serveur ne s’hérite pas',
        files: {
          'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n}\nserver {\n    listen 443 ssl;\n}\n',
        },
        errors: [
          { messageId: 'unused-certificate', line: 3, column: 5 },
          { messageId: 'missing-certificate', line: 6, column: 1 },
        ],
      },
    ],
  },
  check(context, report) {
    const httpLevelCertificate = (path: NginxBlock[]): boolean => {
      const http = path.find((block) => block.name === 'http' || block.name === 'stream');
      return http ? childrenNamed(http, 'ssl_certificate').length > 0 : context.rootContext === 'http' && childrenNamed(context.config, 'ssl_certificate').length > 0;
    };
    // An include may bring the certificate (Debian's snippets/snakeoil.conf, a file written at start): silent unless it is a file of the project without one.
    const projectText = new Map(context.project.map((f) => [f.path.slice(f.path.lastIndexOf('/') + 1), f.text]));
    const mayBringCertificate = (block: NginxBlock | undefined): boolean =>
      block !== undefined &&
      childrenNamed(block, 'include').some((include) => {
        const target = include.args[0]?.value ?? '';
        // A glob or a variable may match nothing (as for unseen-includes).
        if (/[*?$]/.test(target)) return false;
        const text = projectText.get(target.slice(target.lastIndexOf('/') + 1));
        return text === undefined ? !/(^|\/)mime\.types$|_params$/.test(target) : text.includes('ssl_certificate');
      });
    for (const info of context.named('server')) {
      const server = info.node;
      if (server.kind !== 'block' || (info.context !== 'http' && info.context !== 'stream')) continue;
      const certificate = childrenNamed(server, 'ssl_certificate')[0];
      const tls = listensWithTls(server);
      if (tls && !certificate && !httpLevelCertificate(info.path) && !mayBringCertificate(server) && !mayBringCertificate(info.path.find((block) => block.name === 'http'))) {
        report({ messageId: 'missing-certificate', file: context.file.path, range: server.nameRange });
      }
      if (!tls && certificate && childrenNamed(server, 'listen').length > 0) {
        report({ messageId: 'unused-certificate', severity: 'warning', file: context.file.path, range: certificate.nameRange });
      }
    }
  },
};
