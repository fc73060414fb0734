import type { ComposeRule } from '../catalogue.ts';
import type { ComposeContext } from '../../compose/context.ts';
import type { ComposeService, PortMapping } from '../../compose/model.ts';
import { publishedPorts } from '../../compose/parse-port.ts';
import { numberOf, writtenEntry } from '../../compose/service-keys.ts';

/**
 * The addresses a binding takes, per family: no host IP binds IPv4's and
 * IPv6's wildcards (Docker 26), `0.0.0.0` and `::` only their own family
 * (`0.0.0.0:8080` and `[::]:8080` start side by side).
 */
function addresses(mapping: PortMapping): Map<'4' | '6', string> {
  const ip = mapping.hostIp;
  if (ip === undefined || ip === '') return new Map([['4', '*'], ['6', '*']]);
  const v6 = ip.includes(':');
  return new Map([[v6 ? '6' : '4', ip === '0.0.0.0' || ip === '::' ? '*' : ip.toLowerCase()]]);
}

/** Two bindings clash when the protocol and port match and, in a family both use, either address covers the other. */
function clash(a: PortMapping, b: PortMapping): boolean {
  if (a.protocol !== b.protocol) return false;
  const theirs = addresses(b);
  for (const [family, ip] of addresses(a)) {
    const other = theirs.get(family);
    if (other !== undefined && (ip === '*' || other === '*' || ip === other)) return true;
  }
  return false;
}

/**
 * The host ports a binding holds for sure: none for a host range published
 * for a single container port (`"8000-8010:80"`, Docker picks a free one), on
 * the host's network (Compose discards the ports), or for a service only on
 * `internal` networks (Docker publishes nothing from them).
 */
function heldPorts(context: ComposeContext, service: ComposeService, mapping: PortMapping): number[] {
  if (!mapping.published || service.networkMode?.value === 'host') return [];
  const internal = (name: string): boolean => context.model.networks.get(name)?.fields.get('internal')?.value === 'true';
  // No `networks`: the project's `default` network, which may be declared internal too.
  const networks = service.networks.length ? service.networks.map((n) => n.name) : ['default'];
  if (!service.networkMode && networks.every(internal)) return [];
  const host = publishedPorts(mapping.published);
  return host.length > 1 && publishedPorts(mapping.target).length === 1 ? [] : host;
}

/** Identical entries are one binding (Compose keeps one). */
const same = (a: PortMapping, b: PortMapping): boolean => a.hostIp === b.hostIp && a.published === b.published && a.target === b.target && a.protocol === b.protocol;

export const duplicatePublishedPort: ComposeRule = {
  id: 'duplicate-published-port',
  kind: 'compose',
  severity: 'error',
  messages: {
    duplicate: 'Le port {{port}}/{{protocol}} de l’hôte est déjà publié par le service `{{other}}`\u00a0: `docker compose up` échouera («\u00a0port is already allocated\u00a0»).',
    sameService: 'Le port {{port}}/{{protocol}} de l’hôte est déjà publié par une autre ligne de `{{other}}`\u00a0: `docker compose up` échouera («\u00a0port is already allocated\u00a0»).',
    replicas: 'Le port {{port}}/{{protocol}} de l’hôte est fixe, or `{{service}}` demande {{count}} répliques\u00a0: la deuxième ne pourra pas l’ouvrir et `docker compose up` échouera («\u00a0port is already allocated\u00a0»). Publiez une plage (`"8080-8081:80"`) ou une seule réplique.',
  },
  docs: {
    title: 'Deux services ne peuvent pas publier le même port de l’hôte',
    what: 'Signale un port de l’hôte publié deux fois (par deux services, ou deux lignes d’un service) pour le même protocole et des adresses IP qui se recouvrent, et un port fixe sur un service à plusieurs répliques.',
    why: '`docker compose config` l’accepte, mais au démarrage le second conteneur échoue\u00a0: un port de l’hôte ne peut être ouvert que par un seul processus. Sans adresse, un port est publié en IPv4 et en IPv6\u00a0; `0.0.0.0` et `::` ne prennent que leur famille. Une plage de l’hôte pour un seul port du conteneur (`"8000-8010:80"`) laisse Docker choisir un port libre, et un service relié seulement à des réseaux `internal` ne publie rien.',
    howToFix: 'Changez le port de gauche (`"8081:80"`), ou ne publiez qu’un seul point d’entrée (le reverse proxy) et laissez les autres services sur le réseau interne.',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [
      {
        files: { 'compose.yaml': 'services:\n  client:\n    image: nginx:1.30-alpine\n    ports: ["8080:80"]\n  api:\n    image: node:22-alpine\n    ports: ["8081:3000"]\n' },
      },
      {
        name: 'deux adresses, deux protocoles, deux familles',
        files: { 'compose.yaml': 'services:\n  client:\n    image: nginx:1.30-alpine\n    ports: ["127.0.0.1:8080:80", "53:53/udp", "0.0.0.0:9000:80"]\n  api:\n    image: node:22-alpine\n    ports: ["127.0.0.2:8080:3000", "53:53", "[::]:9000:3000"]\n' },
      },
      {
        name: 'une plage de l’hôte pour un seul port du conteneur',
        files: { 'compose.yaml': 'services:\n  client:\n    image: nginx:1.30-alpine\n    ports: ["8080-8081:80"]\n    scale: 2\n  api:\n    image: node:22-alpine\n    ports: ["8080:3000"]\n' },
      },
      {
        name: 'un service sur un réseau interne seulement (rien n’est publié)',
        files: { 'compose.yaml': 'services:\n  db:\n    image: mariadb:11\n    ports: ["3306:3306"]\n    networks: [back]\n  api:\n    image: node:22-alpine\n    ports: ["3306:3000"]\nnetworks:\n  back:\n    internal: true\n' },
      },
      {
        name: 'un service d’un profil inactif (non démarré)',
        files: { 'compose.yaml': 'services:\n  client:\n    image: nginx:1.30-alpine\n    ports: ["8080:80"]\n  debug:\n    image: nginx:1.30-alpine\n    profiles: [debug]\n    ports: ["8080:80"]\n' },
        options: { profiles: [] },
      },
      {
        name: 'des répliques derrière le maillage de routage de Swarm',
        files: { 'stack.yaml': 'services:\n  api:\n    image: node:22-alpine\n    ports: ["8080:3000"]\n    deploy:\n      replicas: 2\n' },
        options: { swarm: true },
      },
      {
        name: 'la même ligne deux fois, et le réseau de l’hôte',
        files: { 'compose.yaml': 'services:\n  client:\n    image: nginx:1.30-alpine\n    ports: ["8080:80", "8080:80"]\n  api:\n    image: node:22-alpine\n    network_mode: host\n    ports: ["8080:3000"]\n' },
      },
    ],
    invalid: [
      {
        files: {
          'compose.yaml': 'services:\n  client:\n    image: nginx:1.30-alpine\n    ports:\n      - "8080:80"\n  api:\n    image: node:22-alpine\n    ports:\n      - "8080:3000"\n',
        },
        errors: [{ messageId: 'duplicate', line: 9, column: 9 }],
      },
      {
        name: 'une adresse et toutes les adresses',
        files: { 'compose.yaml': 'services:\n  client:\n    image: nginx:1.30-alpine\n    ports: ["[::1]:8080:80"]\n  api:\n    image: node:22-alpine\n    ports: ["8080:3000"]\n' },
        errors: [{ messageId: 'duplicate', line: 7, column: 13 }],
      },
      {
        name: 'deux lignes d’un service',
        files: { 'compose.yaml': 'services:\n  client:\n    image: nginx:1.30-alpine\n    ports:\n      - "8080:80"\n      - "127.0.0.1:8080:81"\n' },
        errors: [{ messageId: 'sameService', line: 6, column: 9 }],
      },
      {
        name: 'un port fixe et deux répliques',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n    ports: ["8080:3000"]\n    deploy:\n      replicas: 2\n' },
        errors: [{ messageId: 'replicas', line: 4, column: 13 }],
      },
      {
        name: 'un port fixe et `scale: 2`, sur le port d’un autre service (une seule alerte par ligne)',
        files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n    ports: ["8080:80"]\n  api:\n    image: node:22-alpine\n    ports: ["8080:3000"]\n    scale: 2\n' },
        errors: [{ messageId: 'replicas', line: 7, column: 13 }],
      },
      {
        name: 'un service relié à un réseau interne et à un autre publie ses ports',
        files: {
          'compose.yaml':
            'services:\n  api:\n    image: node:22-alpine\n    ports: ["8080:3000"]\n    networks: [front, back]\n  web:\n    image: nginx:1.30-alpine\n    ports: ["8080:80"]\nnetworks:\n  front: {}\n  back:\n    internal: true\n',
        },
        errors: [{ messageId: 'duplicate', line: 8, column: 13 }],
      },
      {
        name: 'une plage de l’hôte pour une plage du conteneur : chaque port est pris',
        files: { 'compose.yaml': 'services:\n  api:\n    image: node:22-alpine\n    ports: ["8000-8001:3000-3001"]\n  web:\n    image: nginx:1.30-alpine\n    ports: ["8001:80"]\n' },
        errors: [{ messageId: 'duplicate', line: 7, column: 13 }],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    const taken = new Map<string, { service: string; mapping: PortMapping }[]>();
    for (const service of context.model.services.values()) {
      const scale = writtenEntry(service, ['scale']) ?? writtenEntry(service, ['deploy', 'replicas']);
      const count = numberOf(scale?.entry.value) ?? 1;
      for (const mapping of service.ports) {
        const ports = heldPorts(context, service, mapping);
        let reported = false;
        // Swarm's routing mesh publishes a service's port once for all its tasks.
        if (ports.length && count > 1 && !context.swarm) {
          reported = true;
          report({ messageId: 'replicas', data: { port: ports[0]!, protocol: mapping.protocol, service: service.name, count }, file: mapping.file, range: mapping.range });
        }
        for (const port of ports) {
          const key = `${port}/${mapping.protocol}`;
          const holders = taken.get(key) ?? [];
          const other = holders.find((h) => !(h.service === service.name && same(h.mapping, mapping)) && clash(h.mapping, mapping));
          if (other && !reported) {
            reported = true;
            report({
              messageId: other.service === service.name ? 'sameService' : 'duplicate',
              data: { port, protocol: mapping.protocol, other: other.service },
              file: mapping.file,
              range: mapping.range,
            });
          }
          holders.push({ service: service.name, mapping });
          taken.set(key, holders);
        }
      }
    }
  },
};
