import { resolvedProxyTargets } from '../../cross/proxy-targets.ts';
import type { CrossRule } from '../catalogue.ts';

const NGINX = 'server {\n    listen 80;\n    location /api/ {\n        proxy_pass http://api:3000;\n    }\n}\n';

function compose(apiNetworks: string): string {
  return `services:
  proxy:
    image: nginx:1.30-alpine
    ports:
      - "8080:80"
    volumes:
      - ./nginx/conf.d:/etc/nginx/conf.d:ro
    networks:
      - frontend
  api:
    image: node:24-alpine
    expose:
      - "3000"
    networks:
${apiNetworks}
networks:
  frontend:
  backend:
`;
}

export const proxyUnreachableService: CrossRule = {
  id: 'proxy-unreachable-service',
  kind: 'cross',
  severity: 'error',
  messages: {
    noSharedNetwork: 'Le service `{{target}}` n’a aucun réseau en commun avec `{{proxy}}` (qui est sur {{networks}})\u00a0: nginx ne pourra pas le joindre ni même résoudre son nom.',
  },
  docs: {
    title: 'Le proxy et sa cible ne partagent aucun réseau',
    what: 'nginx envoie des requêtes à un service Compose qui existe bien, mais qui n’est sur aucun des réseaux du service nginx.',
    why: 'Le DNS interne de Docker ne répond que pour les conteneurs d’un même réseau. Séparer `frontend` et `backend` est une bonne pratique, mais l’API doit alors être sur les deux\u00a0: sinon le proxy ne la voit pas et nginx refuse de démarrer («\u00a0host not found in upstream\u00a0»).',
    howToFix: 'Ajoutez au service visé le réseau du proxy (souvent `frontend`), en gardant la base de données sur `backend` seulement.',
    chapter: '06-architecture-trois-couches',
  },
  examples: {
    valid: [{ files: { 'compose.yaml': compose('      - frontend\n      - backend'), 'nginx/conf.d/default.conf': NGINX } }],
    invalid: [
      {
        files: { 'compose.yaml': compose('      - backend'), 'nginx/conf.d/default.conf': NGINX },
        errors: [{ messageId: 'noSharedNetwork', line: 4, column: 20, file: 'nginx/conf.d/default.conf', data: { target: 'api', proxy: 'proxy', networks: '`frontend`' } }],
      },
      {
        name: 'le proxy sur le réseau par défaut, l’API sur backend seulement',
        files: { 'compose.yaml': compose('      - backend').replace('    networks:\n      - frontend\n  api:', '  api:'), 'nginx/conf.d/default.conf': NGINX },
        errors: [{ messageId: 'noSharedNetwork', line: 4, column: 20, file: 'nginx/conf.d/default.conf', data: { networks: 'le réseau `default`' } }],
      },
      {
        name: 'le proxy sur deux réseaux, l’API sur un troisième',
        files: {
          'compose.yaml': `${compose('      - backend').replace('      - frontend\n  api:', '      - frontend\n      - supervision\n  api:')}  supervision:\n`,
          'nginx/conf.d/default.conf': NGINX,
        },
        errors: [{ messageId: 'noSharedNetwork', line: 4, column: 20, file: 'nginx/conf.d/default.conf', data: { networks: '`frontend`, `supervision`' } }],
      },
    ],
  },
  check(context, report) {
    for (const { target, proxy, named, reachable } of resolvedProxyTargets(context)) {
      if (named.length === 0 || reachable.length > 0) continue;
      const networks = proxy.networks.length ? proxy.networks.map((n) => `\`${n.name}\``).join(', ') : 'le réseau `default`';
      report({
        messageId: 'noSharedNetwork',
        data: { target: named[0]!.name, proxy: proxy.name, networks },
        file: target.file,
        range: target.range,
      });
    }
  },
};
