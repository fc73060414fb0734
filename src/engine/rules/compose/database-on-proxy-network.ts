import type { ComposeRule } from '../catalogue.ts';
import type { ComposeService } from '../../compose/model.ts';
import { DATABASE_IMAGES, PROXY_IMAGES, parseImage } from '../../compose/image-reference.ts';

const PUBLIC_PORTS = new Set(['80', '443']);

function imageName(service: ComposeService): string | undefined {
  return service.image ? parseImage(service.image.value).name : undefined;
}

/** The networks a service is on; no `networks:` means the project's `default` network. */
function networksOf(service: ComposeService): string[] {
  if (service.networkMode) return [];
  return service.networks.length > 0 ? service.networks.map((n) => n.name) : ['default'];
}

function isPublicProxy(service: ComposeService): boolean {
  const name = imageName(service);
  if (!name || !PROXY_IMAGES.has(name)) return false;
  return service.ports.some((p) => (p.published !== undefined && PUBLIC_PORTS.has(p.published)) || PUBLIC_PORTS.has(p.target));
}

export const databaseOnProxyNetwork: ComposeRule = {
  id: 'database-on-proxy-network',
  kind: 'compose',
  severity: 'info',
  messages: {
    shared:
      'La base de données `{{service}}` est sur le réseau `{{network}}`, comme le reverse proxy public `{{proxy}}`\u00a0: si le proxy est compromis, la base est directement joignable. Mettez-la sur un réseau interne (par exemple `backend`) partagé seulement avec l’API.',
    proxyJoins:
      'Le reverse proxy public `{{proxy}}` rejoint le réseau `{{network}}` de la base de données `{{service}}`\u00a0: si le proxy est compromis, la base est directement joignable. Retirez `{{network}}` des réseaux de `{{proxy}}`\u00a0: il atteint l’API par un autre réseau.',
  },
  docs: {
    title: 'Isolez la base de données du reverse proxy',
    what: 'Signale une base de données qui partage un réseau avec le service exposé sur Internet (nginx, traefik, caddy… publiant le port 80 ou 443).',
    why: 'Le reverse proxy est la seule porte d’entrée\u00a0; il n’a besoin de parler qu’à l’API et au client. Deux réseaux (`frontend` pour proxy ↔ API, `backend` pour API ↔ base) limitent ce qu’un attaquant atteint s’il prend la main sur le proxy.',
    howToFix: 'Déclarez deux réseaux\u00a0: le proxy sur `frontend`, l’API sur `frontend` et `backend`, la base sur `backend` seulement (`internal: true` possible pour `backend`).',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [
      {
        files: {
          'compose.yaml':
            'services:\n  proxy:\n    image: nginx:1.30-alpine\n    ports: ["80:80"]\n    networks: [front]\n  api:\n    image: node:22-alpine\n    networks: [front, back]\n  db:\n    image: postgres:17-alpine\n    networks: [back]\nnetworks:\n  front: {}\n  back:\n    internal: true\n',
        },
      },
    ],
    invalid: [
      {
        name: 'réseau par défaut',
        files: {
          'compose.yaml': 'services:\n  proxy:\n    image: nginx:1.30-alpine\n    ports: ["443:443"]\n  api:\n    image: node:22-alpine\n  db:\n    image: postgres:17-alpine\n',
        },
        errors: [{ messageId: 'shared', line: 7, column: 3 }],
      },
      {
        name: 'le proxy rejoint le réseau de la base (chapitre 07)',
        files: {
          'compose.yaml':
            'services:\n  proxy:\n    image: nginx:1.30-alpine\n    ports: ["80:80"]\n    networks: [frontend, backend]\n  api:\n    image: node:22-alpine\n    networks: [frontend, backend]\n  db:\n    image: postgres:17-alpine\n    networks: [backend]\nnetworks:\n  frontend: {}\n  backend: {}\n',
        },
        errors: [{ messageId: 'proxyJoins', line: 5, column: 26 }],
      },
      {
        name: 'réseau déclaré',
        files: {
          'compose.yaml':
            'services:\n  proxy:\n    image: nginx:1.30-alpine\n    ports: ["80:80"]\n    networks: [web]\n  db:\n    image: postgres:17-alpine\n    networks:\n      - web\nnetworks:\n  web: {}\n',
        },
        errors: [{ messageId: 'shared', line: 9, column: 9 }],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    const services = [...context.model.services.values()];
    const proxies = services.filter(isPublicProxy);
    if (proxies.length === 0) return;
    for (const service of services) {
      const name = imageName(service);
      if (!name || !DATABASE_IMAGES.has(name)) continue;
      for (const network of networksOf(service)) {
        const proxy = proxies.find((p) => networksOf(p).includes(network));
        if (!proxy) continue;
        const data = { service: service.name, network, proxy: proxy.name };
        // The base already sits on its own declared network and the proxy reaches the API by another one:
        // the proxy is the one to move (chapter 07's start files), not the base.
        const proxyEntry = proxy.networks.find((n) => n.name === network);
        if (service.networks.length > 0 && proxyEntry && networksOf(proxy).length > 1) {
          report({ messageId: 'proxyJoins', data, file: proxyEntry.file, range: proxyEntry.range });
          break;
        }
        const declared = service.networks.find((n) => n.name === network);
        report({
          messageId: 'shared',
          data,
          file: declared?.file ?? service.file,
          range: declared?.range ?? service.range,
        });
        break;
      }
    }
  },
};
