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
    noSharedNetworkAtRunTime: 'Le service `{{target}}` n’a aucun réseau en commun avec `{{proxy}}` (qui est sur {{networks}})\u00a0: avec `resolve`, nginx démarre quand même, mais chaque requête vers ce serveur échouera (502).',
    proxyOutsideNetworks: '`{{proxy}}` est en `network_mode: {{mode}}`\u00a0: il n’est sur aucun réseau du projet, le DNS de Docker ne lui donne pas `{{target}}` et nginx refusera de démarrer («\u00a0host not found in upstream\u00a0»).',
  },
  docs: {
    title: 'Le proxy et sa cible ne partagent aucun réseau',
    what: 'nginx envoie des requêtes à un service Compose qui existe bien, mais qui n’est sur aucun des réseaux du service nginx.',
    why: 'Le DNS interne de Docker ne répond que pour les conteneurs d’un même réseau. Séparer `frontend` et `backend` est une bonne pratique, mais l’API doit alors être sur les deux\u00a0: sinon le proxy ne la voit pas et nginx refuse de démarrer («\u00a0host not found in upstream\u00a0»).',
    howToFix: 'Ajoutez au service visé le réseau du proxy (souvent `frontend`), en gardant la base de données sur `backend` seulement. Un proxy en `network_mode: host` ne voit que la machine hôte\u00a0: retirez `network_mode` et rattachez-le aux réseaux du projet, ou visez le port publié (`127.0.0.1:8080`).',
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
      {
        name: 'le proxy sur le réseau de l’hôte',
        files: { 'compose.yaml': compose('      - frontend').replace('    ports:\n      - "8080:80"\n', '').replace('    networks:\n      - frontend\n  api:', '    network_mode: host\n  api:'), 'nginx/conf.d/default.conf': NGINX },
        errors: [{ messageId: 'proxyOutsideNetworks', line: 4, column: 20, file: 'nginx/conf.d/default.conf', data: { target: 'api', proxy: 'proxy', mode: 'host' } }],
      },
      {
        name: 'un serveur résolu à l’exécution (`resolve`)',
        files: {
          'compose.yaml': compose('      - backend'),
          'nginx/conf.d/default.conf': 'resolver 127.0.0.11 valid=10s;\nupstream api {\n    zone api 64k;\n    server api:3000 resolve;\n}\nserver {\n    listen 80;\n    location /api/ {\n        proxy_pass http://api;\n    }\n}\n',
        },
        errors: [{ messageId: 'noSharedNetworkAtRunTime', line: 4, column: 12, file: 'nginx/conf.d/default.conf', data: { target: 'api' } }],
      },
    ],
  },
  check(context, report) {
    for (const { target, proxy, named, reachable, local } of resolvedProxyTargets(context)) {
      if (named.length === 0 || reachable.length > 0 || local) continue;
      const mode = proxy.networkMode?.value;
      if (mode !== undefined && !mode.startsWith('service:')) {
        if (target.resolvedAtRunTime) continue;
        report({ messageId: 'proxyOutsideNetworks', data: { target: named[0]!.name, proxy: proxy.name, mode }, file: target.file, range: target.range });
        continue;
      }
      const networks = proxy.networks.length ? proxy.networks.map((n) => `\`${n.name}\``).join(', ') : 'le réseau `default`';
      report({
        messageId: target.resolvedAtRunTime ? 'noSharedNetworkAtRunTime' : 'noSharedNetwork',
        data: { target: named[0]!.name, proxy: proxy.name, networks },
        file: target.file,
        range: target.range,
        ...(target.resolvedAtRunTime ? { severity: 'warning' as const } : {}),
      });
    }
  },
};
