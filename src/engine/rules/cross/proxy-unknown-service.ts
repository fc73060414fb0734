import { resolvedProxyTargets } from '../../cross/proxy-targets.ts';
import type { CrossRule } from '../catalogue.ts';

const COMPOSE = `services:
  proxy:
    image: nginx:1.30-alpine
    ports:
      - "8080:80"
    volumes:
      - ./nginx/conf.d:/etc/nginx/conf.d:ro
  api:
    image: node:24-alpine
    command: ["node", "server.js"]
    expose:
      - "3000"
`;

export const proxyUnknownService: CrossRule = {
  id: 'proxy-unknown-service',
  kind: 'cross',
  severity: 'error',
  messages: {
    unknown: '«\u00a0{{host}}\u00a0» ne correspond à aucun service du projet Compose ({{services}})\u00a0: dans le conteneur, nginx ne pourra pas résoudre ce nom et refusera de démarrer.',
    unknownAtRunTime: '«\u00a0{{host}}\u00a0» ne correspond à aucun service du projet Compose ({{services}})\u00a0: avec `resolve`, nginx démarre quand même, mais chaque requête vers ce serveur échouera (502).',
  },
  docs: {
    title: 'Le proxy vise un service qui n’existe pas',
    what: 'Un `server` d’un bloc `upstream`, ou l’hôte d’un `proxy_pass`, porte un nom qui n’est ni un service du fichier Compose ni un alias réseau.',
    why: 'Dans un projet Compose, nginx trouve les autres conteneurs grâce au DNS interne de Docker, qui ne connaît que les noms de services et leurs alias. nginx résout ces noms au chargement\u00a0: un nom inconnu (faute de frappe, service renommé) donne «\u00a0host not found in upstream\u00a0» et le proxy s’arrête aussitôt.',
    howToFix: 'Écrivez exactement le nom du service tel qu’il figure sous `services:` (par exemple `api`), ou ajoutez un alias au service sur le réseau partagé (`networks: { frontend: { aliases: [backend-api] } }`). Le `container_name` d’un service et un alias de `links` du proxy se résolvent aussi\u00a0; le `hostname` d’un autre service, non (il n’existe que dans son propre conteneur).',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [
      {
        files: {
          'compose.yaml': COMPOSE,
          'nginx/conf.d/default.conf': 'upstream api_backend {\n    server api:3000;\n}\nserver {\n    listen 80;\n    location /api/ {\n        proxy_pass http://api_backend;\n    }\n}\n',
        },
      },
      {
        name: 'le container_name du service',
        files: {
          'compose.yaml': COMPOSE.replace('    command:', '    container_name: atelier-api\n    command:'),
          'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location /api/ {\n        proxy_pass http://atelier-api:3000;\n    }\n}\n',
        },
      },
      {
        name: 'l’hôte pris dans une variable du service par un modèle (envsubst)',
        files: {
          'compose.yaml': COMPOSE.replace('./nginx/conf.d:/etc/nginx/conf.d:ro', './nginx/site.conf:/etc/nginx/templates/default.conf.template:ro\n    environment:\n      UPSTREAM_HOST: api'),
          'nginx/site.conf': 'server {\n    listen 80;\n    location /api/ {\n        proxy_pass http://${UPSTREAM_HOST}:3000;\n    }\n}\n',
        },
      },
      {
        name: 'un alias de links du proxy',
        files: {
          'compose.yaml': COMPOSE.replace('    ports:\n      - "8080:80"\n', '    ports:\n      - "8080:80"\n    links:\n      - "api:backend"\n'),
          'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location /api/ {\n        proxy_pass http://backend:3000;\n    }\n}\n',
        },
      },
    ],
    invalid: [
      {
        files: {
          'compose.yaml': COMPOSE,
          'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location /api/ {\n        proxy_pass http://backend:3000;\n    }\n}\n',
        },
        errors: [{ messageId: 'unknown', line: 4, column: 20, file: 'nginx/conf.d/default.conf', data: { host: 'backend', services: '`proxy`, `api`' } }],
      },
      {
        name: 'le hostname d’un autre service n’est pas un nom DNS',
        files: {
          'compose.yaml': COMPOSE.replace('    command:', '    hostname: backend\n    command:'),
          'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location /api/ {\n        proxy_pass http://backend:3000;\n    }\n}\n',
        },
        errors: [{ messageId: 'unknown', line: 4, column: 20, file: 'nginx/conf.d/default.conf' }],
      },
      {
        name: 'un modèle dont la variable nomme un service absent',
        files: {
          'compose.yaml': COMPOSE.replace('./nginx/conf.d:/etc/nginx/conf.d:ro', './nginx/site.conf:/etc/nginx/templates/default.conf.template:ro\n    environment:\n      UPSTREAM_HOST: apo'),
          'nginx/site.conf': 'server {\n    listen 80;\n    location /api/ {\n        proxy_pass http://${UPSTREAM_HOST}:3000;\n    }\n}\n',
        },
        errors: [{ messageId: 'unknown', line: 4, column: 20, file: 'nginx/site.conf', data: { host: 'apo' } }],
      },
      {
        name: 'proxy_pass d’un serveur stream vers un service absent',
        files: {
          'compose.yaml': COMPOSE.replace('./nginx/conf.d:/etc/nginx/conf.d:ro', './nginx/nginx.conf:/etc/nginx/nginx.conf:ro'),
          'nginx/nginx.conf': 'events {}\nstream {\n    server {\n        listen 5432;\n        proxy_pass db:5432;\n    }\n}\n',
        },
        errors: [{ messageId: 'unknown', line: 5, column: 20, file: 'nginx/nginx.conf', data: { host: 'db' } }],
      },
      {
        name: 'fastcgi_pass vers un service absent',
        files: {
          'compose.yaml': COMPOSE,
          'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location ~ \\.php$ {\n        fastcgi_pass php:9000;\n        include fastcgi_params;\n    }\n}\n',
        },
        errors: [{ messageId: 'unknown', line: 4, column: 22, file: 'nginx/conf.d/default.conf', data: { host: 'php' } }],
      },
      {
        name: 'un serveur résolu à l’exécution (`resolve`)',
        files: {
          'compose.yaml': COMPOSE,
          'nginx/conf.d/default.conf': 'resolver 127.0.0.11 valid=10s;\nupstream api_backend {\n    zone api_backend 64k;\n    server backend:3000 resolve;\n}\nserver {\n    listen 80;\n    location /api/ {\n        proxy_pass http://api_backend;\n    }\n}\n',
        },
        errors: [{ messageId: 'unknownAtRunTime', line: 4, column: 12, file: 'nginx/conf.d/default.conf', data: { host: 'backend' } }],
      },
    ],
  },
  check(context, report) {
    const model = context.compose?.model;
    if (!model) return;
    // Never empty: the nginx service itself is one.
    const services = [...model.services.keys()].map((name) => `\`${name}\``).join(', ');
    for (const { target, named, local } of resolvedProxyTargets(context)) {
      if (named.length > 0 || local) continue;
      if (target.resolvedAtRunTime) report({ messageId: 'unknownAtRunTime', data: { host: target.host, services }, file: target.file, range: target.range, severity: 'warning' });
      else report({ messageId: 'unknown', data: { host: target.host, services }, file: target.file, range: target.range });
    }
  },
};
