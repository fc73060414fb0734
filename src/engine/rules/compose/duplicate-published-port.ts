import type { ComposeRule } from '../catalogue.ts';
import type { PortMapping } from '../../compose/model.ts';
import { publishedPorts } from '../../compose/parse-port.ts';

const ANY_IP = new Set([undefined, '0.0.0.0', '::', '']);

/** Two bindings clash when the protocol and port match and either IP covers the other. */
function clash(a: PortMapping, b: PortMapping): boolean {
  if (a.protocol !== b.protocol) return false;
  return ANY_IP.has(a.hostIp) || ANY_IP.has(b.hostIp) || a.hostIp === b.hostIp;
}

export const duplicatePublishedPort: ComposeRule = {
  id: 'duplicate-published-port',
  kind: 'compose',
  severity: 'error',
  messages: {
    duplicate: 'Le port {{port}}/{{protocol}} de l’hôte est déjà publié par le service `{{other}}`\u00a0: `docker compose up` échouera («\u00a0port is already allocated\u00a0»).',
  },
  docs: {
    title: 'Deux services ne peuvent pas publier le même port de l’hôte',
    what: 'Signale deux services qui publient le même port de l’hôte, pour le même protocole et des adresses IP qui se recouvrent.',
    why: '`docker compose config` l’accepte, mais au démarrage le second conteneur échoue\u00a0: un port de l’hôte ne peut être ouvert que par un seul processus.',
    howToFix: 'Changez le port de gauche (`"8081:80"`), ou ne publiez qu’un seul point d’entrée (le reverse proxy) et laissez les autres services sur le réseau interne.',
    chapter: '07-reverse-proxy',
  },
  examples: {
    valid: [
      {
        files: { 'compose.yaml': 'services:\n  client:\n    image: nginx:1.30-alpine\n    ports: ["8080:80"]\n  api:\n    image: node:22-alpine\n    ports: ["8081:3000"]\n' },
      },
    ],
    invalid: [
      {
        files: {
          'compose.yaml': 'services:\n  client:\n    image: nginx:1.30-alpine\n    ports:\n      - "8080:80"\n  api:\n    image: node:22-alpine\n    ports:\n      - "8080:3000"\n',
        },
        errors: [{ messageId: 'duplicate', line: 9, column: 9 }],
      },
    ],
  },
  check(context, report) {
    if (context.syntaxErrors) return;
    const taken = new Map<string, { service: string; mapping: PortMapping }[]>();
    for (const service of context.model.services.values()) {
      for (const mapping of service.ports) {
        if (!mapping.published) continue;
        let reported = false;
        for (const port of publishedPorts(mapping.published)) {
          const key = `${port}/${mapping.protocol}`;
          const holders = taken.get(key) ?? [];
          const other = holders.find((h) => h.service !== service.name && clash(h.mapping, mapping));
          if (other && !reported) {
            reported = true;
            report({
              messageId: 'duplicate',
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
