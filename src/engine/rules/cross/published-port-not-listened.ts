import type { NginxBlock } from '../../nginx/ast.ts';
import { placeNginxFile, type NginxPlacement } from '../../cross/nginx-services.ts';
import type { CrossRule } from '../catalogue.ts';

const COMPOSE = `services:
  proxy:
    image: nginx:1.30-alpine
    ports:
      - "8080:80"
      - "8443:443"
    volumes:
      - ./nginx/conf.d:/etc/nginx/conf.d:ro
`;

const HTTP_ONLY = 'server {\n    listen 80;\n    return 301 https://$host$request_uri;\n}\n';
const WITH_TLS = `${HTTP_ONLY}server {\n    listen 443 ssl;\n    http2 on;\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n}\n`;

/** The port of a `listen` address (`80`, `443 ssl`, `[::]:80`, `127.0.0.1:8080`, `localhost`); undefined for a variable. */
function listenPort(address: string): number | undefined {
  const match = /(?:^|:)(\d+)$/.exec(address);
  if (match) return Number(match[1]);
  return /^[\w.*-]+$/.test(address) ? 80 : undefined;
}

/**
 * The ports the nginx of a service listens on, from the files placed on it;
 * undefined when it cannot be known (a `${PORT}` template, or no server block
 * in the project while the image's default one still applies).
 */
function servicePorts(placements: NginxPlacement[]): Set<number> | undefined {
  const ports = new Set<number>();
  let servers = 0;
  for (const { nginx } of placements) {
    for (const info of nginx.named('server')) {
      // `server` blocks of `stream` (TCP proxying) listen too; an upstream's `server` is a directive.
      if (info.node.kind !== 'block') continue;
      servers++;
      const listens = (info.node as NginxBlock).children.filter((c) => c.name === 'listen');
      // Without `listen`, an http server listens on 80 (ngx_http_core_module); a stream server needs one.
      if (listens.length === 0 && info.context === 'http') ports.add(80);
      for (const listen of listens) {
        const address = listen.args[0]?.value ?? '';
        // A unix socket (`listen unix:/run/nginx.sock;`) is no TCP port.
        if (address.startsWith('unix:')) continue;
        const port = listenPort(address);
        if (port === undefined) return undefined;
        ports.add(port);
      }
    }
  }
  return servers > 0 ? ports : undefined;
}

export const publishedPortNotListened: CrossRule = {
  id: 'published-port-not-listened',
  kind: 'cross',
  severity: 'warning',
  messages: {
    notListened: 'Le port {{port}} du conteneur `{{service}}` est publié, mais aucun bloc `server` de nginx n’écoute dessus (ports écoutés\u00a0: {{listened}})\u00a0: les connexions seront refusées.',
  },
  docs: {
    title: 'Port publié sans `listen` correspondant',
    what: 'Le service nginx publie un port de son conteneur (à droite dans `ports`) sur lequel aucun `server` de sa configuration n’écoute.',
    why: 'Publier `"8443:443"` ouvre le port 443 du conteneur, mais c’est la directive `listen` qui fait répondre nginx. Sans `listen 443 ssl;`, le navigateur obtient «\u00a0connexion refusée\u00a0» alors que `docker compose ps` montre le port ouvert.',
    howToFix: 'Ajoutez le `server` qui écoute sur ce port (par exemple `listen 443 ssl;` avec `http2 on;` et les certificats), ou retirez la publication inutile.',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [
      { name: 'les deux ports publiés sont écoutés', files: { 'compose.yaml': COMPOSE, 'nginx/conf.d/default.conf': WITH_TLS } },
      {
        name: 'un server sans listen écoute sur le port 80',
        files: { 'compose.yaml': COMPOSE.replace('      - "8443:443"\n', ''), 'nginx/conf.d/default.conf': 'server {\n    root /usr/share/nginx/html;\n}\n' },
      },
      {
        name: 'port lu dans une variable du modèle : inconnu avant le démarrage',
        files: {
          'compose.yaml': COMPOSE.replace('./nginx/conf.d:/etc/nginx/conf.d:ro', './nginx/templates:/etc/nginx/templates:ro'),
          'nginx/templates/default.conf.template': 'server {\n    listen ${NGINX_PORT};\n    listen 0.0.0.0:${NGINX_TLS_PORT} ssl;\n    root /usr/share/nginx/html;\n}\n',
        },
      },
      {
        name: 'un flux TCP (bloc stream) écoute sur le port 443',
        files: {
          'compose.yaml': COMPOSE.replace('./nginx/conf.d:/etc/nginx/conf.d:ro', './nginx/nginx.conf:/etc/nginx/nginx.conf:ro'),
          'nginx/nginx.conf': 'events {}\nhttp {\n    server {\n        listen 80;\n    }\n}\nstream {\n    server {\n        listen 443;\n        proxy_pass 10.0.0.5:443;\n    }\n}\n',
        },
      },
      {
        name: 'un fichier sans server : le server par défaut de l’image écoute encore sur 80',
        files: {
          'compose.yaml': COMPOSE.replace('      - "8443:443"\n', '').replace('./nginx/conf.d:/etc/nginx/conf.d:ro', './nginx/cache.conf:/etc/nginx/conf.d/cache.conf:ro'),
          'nginx/cache.conf': 'proxy_cache_path /var/cache/nginx keys_zone=pages:10m;\n',
        },
      },
      {
        name: 'listen sans adresse (une autre règle le signale)',
        files: { 'compose.yaml': COMPOSE, 'nginx/conf.d/default.conf': 'server {\n    listen;\n}\n' },
      },
      { name: 'une configuration nginx sans fichier compose', files: { 'nginx/conf.d/default.conf': HTTP_ONLY } },
      { name: 'un fichier nginx qu’aucun service ne monte', files: { 'compose.yaml': COMPOSE, 'nginx/conf.d/default.conf': WITH_TLS, 'nginx/ancien/default.conf': HTTP_ONLY } },
    ],
    invalid: [
      {
        name: 'HTTPS publié sans server qui écoute sur 443',
        files: { 'compose.yaml': COMPOSE, 'nginx/conf.d/default.conf': HTTP_ONLY },
        errors: [{ messageId: 'notListened', line: 6, column: 9, data: { port: 443, listened: '80' } }],
      },
      {
        name: 'nginx écoute sur le port de l’hôte au lieu de celui du conteneur',
        files: { 'compose.yaml': COMPOSE.replace('      - "8443:443"\n', ''), 'nginx/conf.d/default.conf': 'server {\n    listen 8080;\n    root /usr/share/nginx/html;\n}\n' },
        errors: [{ messageId: 'notListened', line: 5, column: 9, data: { port: 80, listened: '8080' } }],
      },
      {
        name: 'adresses écrites avec leur IP',
        files: {
          'compose.yaml': COMPOSE,
          'nginx/conf.d/default.conf': 'server {\n    listen 127.0.0.1:8443 ssl;\n    listen [::]:80;\n    listen localhost;\n    ssl_certificate /etc/nginx/certs/cert.pem;\n    ssl_certificate_key /etc/nginx/certs/key.pem;\n}\n',
        },
        errors: [{ messageId: 'notListened', line: 6, column: 9, data: { port: 443, listened: '80, 8443' } }],
      },
      {
        name: 'nginx n’écoute que sur une socket unix',
        files: { 'compose.yaml': COMPOSE, 'nginx/conf.d/default.conf': 'server {\n    listen unix:/run/nginx.sock;\n    root /usr/share/nginx/html;\n}\n' },
        errors: [
          { messageId: 'notListened', line: 5, column: 9, data: { port: 80, listened: 'aucun' } },
          { messageId: 'notListened', line: 6, column: 9, data: { port: 443 } },
        ],
      },
    ],
  },
  check(context, report) {
    const model = context.compose?.model;
    if (!model) return;
    const byService = new Map<string, NginxPlacement[]>();
    for (const nginx of context.nginx) {
      const placement = placeNginxFile(context, nginx);
      if (placement) byService.set(placement.service.name, [...(byService.get(placement.service.name) ?? []), placement]);
    }
    for (const [name, placements] of byService) {
      const listened = servicePorts(placements);
      const service = model.services.get(name);
      if (!listened || !service) continue;
      for (const mapping of service.ports) {
        const port = Number(mapping.target);
        if (!Number.isInteger(port) || listened.has(port)) continue;
        report({
          messageId: 'notListened',
          data: { port, service: name, listened: [...listened].sort((a, b) => a - b).join(', ') || 'aucun' },
          file: mapping.file,
          range: mapping.range,
        });
      }
    }
  },
};
