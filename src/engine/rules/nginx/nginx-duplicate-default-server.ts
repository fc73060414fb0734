import type { NginxRule } from '../catalogue.ts';
import { listenAddress as address } from '../../nginx/servers.ts';

// ngx_http_add_addresses: two servers of one http block marked
// `default_server` on the same address and port fail (« a duplicate default
// server for 0.0.0.0:80 »). conf.d files share the image's http block, so
// every http-level file of the project counts.
export const duplicateDefaultServer: NginxRule = {
  id: 'nginx-duplicate-default-server',
  kind: 'nginx',
  severity: 'error',
  messages: {
    duplicate: 'Un autre `server` est déjà le serveur par défaut de {{address}}\u00a0: nginx refuse la configuration («\u00a0a duplicate default server\u00a0»).',
  },
  docs: {
    title: 'Deux serveurs par défaut sur la même adresse',
    what: 'Signale un `listen … default_server` sur une adresse et un port qu’un autre bloc `server` du même bloc `http` a déjà déclarés par défaut, y compris dans un autre fichier de `conf.d/`.',
    why: 'Le serveur par défaut répond aux requêtes dont l’en-tête `Host` ne correspond à aucun `server_name`\u00a0: il ne peut y en avoir qu’un par adresse et par port, sinon `nginx -t` échoue. Les fichiers de `conf.d/` partagent un même bloc `http`.',
    howToFix: 'Gardez `default_server` sur un seul `server` par port (souvent celui qui renvoie `444` ou une page d’erreur) et retirez-le des autres.',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [
      { name: 'un défaut par port', files: { 'nginx/conf.d/default.conf': 'server {\n    listen 80 default_server;\n    return 444;\n}\nserver {\n    listen 80;\n    server_name app.example;\n}\n' } },
      {
        name: 'TCP et QUIC sur le même port',
        files: {
          'nginx/conf.d/default.conf':
            'server {\n    listen 443 ssl default_server;\n    listen 443 quic default_server;\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n    return 444;\n}\n',
        },
      },
      { name: 'deux sockets unix', files: { 'nginx/conf.d/default.conf': 'server {\n    listen unix:/run/a.sock default_server;\n    return 444;\n}\nserver {\n    listen unix:/run/b.sock default_server;\n    server_name app.example;\n}\n' } },
    ],
    invalid: [
      {
        name: 'dans deux fichiers de conf.d',
        files: {
          'nginx/conf.d/a.conf': 'server {\n    listen 80 default_server;\n    return 444;\n}\n',
          'nginx/conf.d/b.conf': 'server {\n    listen 80 default_server;\n    server_name app.example;\n}\n',
        },
        errors: [{ messageId: 'duplicate', line: 2, column: 15, file: 'nginx/conf.d/b.conf', data: { address: '0.0.0.0:80' } }],
      },
      {
        name: 'une adresse sans port (80) et l’ancien mot default',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 127.0.0.1 default;\n    return 444;\n}\nserver {\n    listen 127.0.0.1:80 default_server;\n    server_name app.example;\n}\n' },
        errors: [{ messageId: 'duplicate', line: 6, column: 25, data: { address: '127.0.0.1:80' } }],
      },
      {
        name: 'toutes les adresses, écrites de deux façons',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen *:8080 default_server;\n    return 444;\n}\nserver {\n    listen 8080 default_server;\n    server_name app.example;\n}\n' },
        errors: [{ messageId: 'duplicate', line: 6, column: 17, data: { address: '0.0.0.0:8080' } }],
      },
      {
        name: 'deux défauts en QUIC',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen 443 quic default_server;\n    return 444;\n}\nserver {\n    listen 443 quic default_server;\n    server_name app.example;\n}\n' },
        errors: [{ messageId: 'duplicate', line: 6, column: 21, data: { address: '0.0.0.0:443 (QUIC)' } }],
      },
      {
        name: 'en IPv6',
        files: { 'nginx/conf.d/default.conf': 'server {\n    listen [::]:80 default_server;\n    return 444;\n}\nserver {\n    listen [::]:80 default_server;\n    server_name app.example;\n}\n' },
        errors: [{ messageId: 'duplicate', line: 6, column: 20, data: { address: '[::]:80' } }],
      },
    ],
  },
  check(context, report) {
    const seen = new Set<string>();
    for (const sibling of context.siblings) {
      if (sibling.role === 'fragment') continue;
      for (const info of sibling.named('listen')) {
        if (info.context !== 'http-server') continue;
        const flag = info.node.args.find((w) => w.value === 'default_server' || w.value === 'default');
        const key = flag && address(info);
        if (!flag || !key) continue;
        if (seen.has(key)) {
          if (sibling === context) report({ messageId: 'duplicate', data: { address: key.replace('/quic', ' (QUIC)') }, file: context.file.path, range: flag.range });
        } else seen.add(key);
      }
    }
  },
};
