import { listeningPorts } from '../../cross/nginx-services.ts';
import { resolvedProxyTargets, upstreamNames, upstreamsGivenAPort } from '../../cross/proxy-targets.ts';
import type { CrossRule } from '../catalogue.ts';

const COMPOSE = `services:
  proxy:
    image: nginx:1.30-alpine
    ports:
      - "8080:80"
    volumes:
      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro
  api:
    build: ./api
    environment:
      API_PORT: 3000
`;

function nginx(port: string): string {
  return `events {}
http {
    upstream api_backend {
        server api:${port};
    }
    server {
        listen 80;
        location /api/ {
            proxy_pass http://api_backend;
        }
    }
}
`;
}

export const proxyWrongPort: CrossRule = {
  id: 'proxy-wrong-port',
  kind: 'cross',
  severity: 'warning',
  messages: {
    wrongPort: 'Le service `{{target}}` écoute sur {{ports}}, pas sur {{port}}\u00a0: nginx obtiendra «\u00a0connection refused\u00a0» (erreur 502).',
    upstreamWithPort:
      '`{{target}}` est le nom d’un bloc `upstream`\u00a0: nginx refuse d’y ajouter un port (`upstream "{{target}}" may not have port {{port}}`) et ne démarre pas. Écrivez `http://{{target}}` et mettez le port dans les lignes `server` de l’upstream.',
  },
  docs: {
    title: 'Le proxy vise le mauvais port',
    what: 'nginx contacte un service Compose sur un port où ce service n’écoute pas, d’après son `expose`, ses `ports` (côté conteneur), une variable comme `API_PORT` ou le port par défaut de son image.',
    why: 'Entre conteneurs, on parle au port du conteneur, pas au port publié sur l’hôte\u00a0: `"8081:3000"` signifie que l’API écoute sur 3000 dans le réseau Docker. Viser 8081 depuis nginx donne une erreur 502 à chaque requête.',
    howToFix: 'Utilisez le port interne du service (celui de droite dans `ports`, ou celui de `expose`), par exemple `server api:3000;`.',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [
      { files: { 'compose.yaml': COMPOSE, 'nginx/nginx.conf': nginx('3000') } },
      {
        name: 'aucun port connu pour le service : rien à comparer',
        files: { 'compose.yaml': COMPOSE.replace('    environment:\n      API_PORT: 3000\n', ''), 'nginx/nginx.conf': nginx('3001') },
      },
    ],
    invalid: [
      {
        files: { 'compose.yaml': COMPOSE, 'nginx/nginx.conf': nginx('3001') },
        errors: [{ messageId: 'wrongPort', line: 4, column: 16, file: 'nginx/nginx.conf', data: { target: 'api', port: 3001, ports: '3000' } }],
      },
      {
        name: 'le port publié sur l’hôte au lieu du port du conteneur',
        files: {
          'compose.yaml': COMPOSE.replace('    environment:\n      API_PORT: 3000\n', '    expose:\n      - "9229"\n    ports:\n      - "8081:3000"\n'),
          'nginx/nginx.conf': nginx('8081'),
        },
        errors: [{ messageId: 'wrongPort', line: 4, column: 16, file: 'nginx/nginx.conf', data: { port: 8081, ports: '3000, 9229' } }],
      },
      {
        name: 'un port ajouté au nom d’un upstream',
        files: { 'compose.yaml': COMPOSE, 'nginx/nginx.conf': nginx('3000').replace('http://api_backend;', 'http://api_backend:3001;') },
        errors: [{ messageId: 'upstreamWithPort', line: 9, column: 24, file: 'nginx/nginx.conf' }],
      },
    ],
  },
  check(context, report) {
    const upstreams = upstreamNames(context.nginx);
    for (const nginx of context.nginx) {
      for (const target of upstreamsGivenAPort(nginx, upstreams)) {
        report({ messageId: 'upstreamWithPort', data: { target: target.host, port: target.port }, file: target.file, range: target.range, severity: 'error' });
      }
    }
    for (const { target, reachable } of resolvedProxyTargets(context)) {
      const [service] = reachable;
      if (!service || target.dns) continue;
      const ports = listeningPorts(service);
      if (ports.size === 0 || ports.has(target.port)) continue;
      report({
        messageId: 'wrongPort',
        data: { target: service.name, port: target.port, ports: [...ports].sort((a, b) => a - b).join(', ') },
        file: target.file,
        range: target.range,
      });
    }
  },
};
