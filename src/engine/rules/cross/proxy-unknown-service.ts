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
  },
  docs: {
    title: 'Le proxy vise un service qui n’existe pas',
    what: 'Un `server` d’un bloc `upstream`, ou l’hôte d’un `proxy_pass`, porte un nom qui n’est ni un service du fichier Compose ni un alias réseau.',
    why: 'Dans un projet Compose, nginx trouve les autres conteneurs grâce au DNS interne de Docker, qui ne connaît que les noms de services et leurs alias. nginx résout ces noms au chargement\u00a0: un nom inconnu (faute de frappe, service renommé) donne «\u00a0host not found in upstream\u00a0» et le proxy s’arrête aussitôt.',
    howToFix: 'Écrivez exactement le nom du service tel qu’il figure sous `services:` (par exemple `api`), ou ajoutez un alias au service sur le réseau partagé (`networks: { frontend: { aliases: [backend-api] } }`).',
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
    ],
    invalid: [
      {
        files: {
          'compose.yaml': COMPOSE,
          'nginx/conf.d/default.conf': 'server {\n    listen 80;\n    location /api/ {\n        proxy_pass http://backend:3000;\n    }\n}\n',
        },
        errors: [{ messageId: 'unknown', line: 4, column: 20, file: 'nginx/conf.d/default.conf', data: { host: 'backend', services: '`proxy`, `api`' } }],
      },
    ],
  },
  check(context, report) {
    const model = context.compose?.model;
    if (!model) return;
    // Never empty: the nginx service itself is one.
    const services = [...model.services.keys()].map((name) => `\`${name}\``).join(', ');
    for (const { target, named } of resolvedProxyTargets(context)) {
      if (named.length > 0) continue;
      report({ messageId: 'unknown', data: { host: target.host, services }, file: target.file, range: target.range });
    }
  },
};
